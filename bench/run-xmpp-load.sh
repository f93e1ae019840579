#!/usr/bin/env bash
# XMPP load comparison: our server vs Prosody, same machine, same run, same load.
#
# Builds nothing: expects bench/target/switchboard-bench.jar and server/target/switchboard-server.jar
# (mvn -B -q package -DskipTests at the top level makes both). Seeds each server in a temporary
# directory, starts it on 127.0.0.1 on a free port, runs presence-load (memory per idle session,
# then presence at a fixed rate) and roster-signin against it, stops it, and prints a markdown
# table with the ratios ours/Prosody. Every phase has a timeout; all processes are stopped on exit.
#
# Usage: bench/run-xmpp-load.sh [--users N] [--contacts C] [--rate R] [--duration S]
#                               [--big-roster K] [--signin-repeat M] [--only switchboard|prosody]
#                               [--out FILE.md] [--keep]
set -euo pipefail

USERS=500
CONTACTS=30
RATE=1000
DURATION=10
BIG_ROSTER=2000
SIGNIN_REPEAT=10
ONLY=""
OUT=""
KEEP=0
SERVER_HEAP=2g
CLIENT_HEAP=4g
MAX_IN_FLIGHT=200
CACHE="${SWITCHBOARD_BENCH_CACHE:-/tmp/switchboard-bench-cache}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --users) USERS="$2"; shift 2 ;;
    --contacts) CONTACTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --big-roster) BIG_ROSTER="$2"; shift 2 ;;
    --signin-repeat) SIGNIN_REPEAT="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="$ROOT/bench/target/switchboard-bench.jar"
SERVER_JAR="$ROOT/server/target/switchboard-server.jar"
[[ -f "$BENCH_JAR" ]] || { echo "missing $BENCH_JAR: build first" >&2; exit 2; }
if [[ "$ONLY" != "prosody" ]]; then
  [[ -f "$SERVER_JAR" ]] || { echo "missing $SERVER_JAR: build first" >&2; exit 2; }
fi
if [[ "$ONLY" != "switchboard" ]]; then
  command -v prosody >/dev/null || { echo "prosody is not installed (apt-get install prosody)" >&2; exit 2; }
fi

# 10,000 sessions need 10,000 descriptors in the client and as many in the server: raise the
# soft limit as far as the hard limit allows (containers often cap the hard limit).
HARD_NOFILE="$(ulimit -Hn)"
WANT_NOFILE=65536
if [[ "$HARD_NOFILE" != "unlimited" && "$HARD_NOFILE" -lt "$WANT_NOFILE" ]]; then
  WANT_NOFILE="$HARD_NOFILE"
fi
ulimit -n "$WANT_NOFILE"
if [[ "$(ulimit -n)" -lt $((USERS + 1000)) ]]; then
  echo "open-file limit $(ulimit -n) is too low for $USERS sessions" >&2; exit 2
fi

WORK="$(mktemp -d /tmp/switchboard-xmpp-load.XXXXXX)"
RESULTS="$WORK/results.jsonl"
PIDS=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_pid() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && stop_pid "$pid"; done
  if [[ "$KEEP" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_port() { # port timeout-seconds pid
  local port="$1" limit="$2" pid="$3" waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { log "server process $pid died"; return 1; }
    sleep 0.5; waited=$((waited + 1))
    if [[ $waited -ge $((limit * 2)) ]]; then log "port $port not open after ${limit}s"; return 1; fi
  done
}

bench() { # timeout-seconds args...
  local limit="$1"; shift
  timeout --kill-after=10 "$limit" java -Xmx"$CLIENT_HEAP" -jar "$BENCH_JAR" "$@"
}

# The load phase may take: logins (bounded by --ramp-timeout) + idle + GC probes + load + drain.
LOAD_TIMEOUT=$((900 + 60 + 300 + DURATION + 60 + 120))
SIGNIN_TIMEOUT=$((120 + SIGNIN_REPEAT * 60))
LOAD_ARGS=(--users "$USERS" --contacts "$CONTACTS" --rate "$RATE" --duration "$DURATION"
           --max-in-flight "$MAX_IN_FLIGHT" --idle 10 --drain 15 --json-out "$RESULTS")
SIGNIN_ARGS=(--expect "$BIG_ROSTER" --repeat "$SIGNIN_REPEAT" --warmup 2 --json-out "$RESULTS")

# Seeding 10,000 users through our stores takes minutes (SCRAM derivation, one transaction per
# roster item); the seeded data directory is cached per size and copied for each run.
seed_switchboard() {
  local key="switchboard-u$USERS-c$CONTACTS-b$BIG_ROSTER"
  if [[ ! -f "$CACHE/$key/.complete" ]]; then
    log "seeding our server: $USERS users (cached in $CACHE/$key)"
    rm -rf "${CACHE:?}/$key"; mkdir -p "$CACHE"
    bench 3600 seed-switchboard --data-dir "$CACHE/$key" --users "$USERS" --contacts "$CONTACTS" \
      --big-roster-size "$BIG_ROSTER" >&2
    touch "$CACHE/$key/.complete"
  fi
  cp -a "$CACHE/$key" "$1"
  rm -f "$1/.complete"
}

run_switchboard() {
  local dir="$WORK/switchboard" port pid fp
  seed_switchboard "$dir"
  port="$(free_port)"
  log "starting our server on 127.0.0.1:$port"
  java -Xmx"$SERVER_HEAP" -jar "$SERVER_JAR" run --data-dir "$dir" --port "$port" >"$WORK/switchboard.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_port "$port" 120 "$pid" || { tail -30 "$WORK/switchboard.log" >&2; return 1; }
  fp="$(sed -n 's/.*Certificate SHA-256 fingerprint: *//p' "$WORK/switchboard.log" | head -1)"
  log "presence-load against our server (pid $pid)"
  bench "$LOAD_TIMEOUT" presence-load --port "$port" --label switchboard --memory-probe "jvm:$pid" --server-pid "$pid" "${LOAD_ARGS[@]}" \
    || log "presence-load against our server failed"
  log "roster-signin against our server"
  bench "$SIGNIN_TIMEOUT" roster-signin --port "$port" --label switchboard --client netty "${SIGNIN_ARGS[@]}" \
    || log "roster-signin (netty) against our server failed"
  if [[ -n "$fp" ]]; then
    bench "$SIGNIN_TIMEOUT" roster-signin --port "$port" --label switchboard --client smack --pin "$fp" "${SIGNIN_ARGS[@]}" \
      || log "roster-signin (smack) against our server failed"
  else
    log "no certificate fingerprint in the server log: Smack sign-in skipped"
  fi
  stop_pid "$pid"
}

run_prosody() {
  local dir="$WORK/prosody" port pid fp
  mkdir -p "$dir"
  port="$(free_port)"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost" -keyout "$dir/localhost.key" -out "$dir/localhost.crt" 2>/dev/null
  fp="$(openssl x509 -in "$dir/localhost.crt" -noout -fingerprint -sha256 | sed 's/.*=//')"
  log "seeding Prosody: $USERS users"
  bench 900 seed-prosody --dir "$dir" --users "$USERS" --contacts "$CONTACTS" --port "$port" \
    --cert "$dir/localhost.crt" --key "$dir/localhost.key" --big-roster-size "$BIG_ROSTER" >&2
  log "starting Prosody on 127.0.0.1:$port"
  prosody --config "$dir/prosody.cfg.lua" -F >"$WORK/prosody.out" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_port "$port" 60 "$pid" || { tail -30 "$WORK/prosody.out" "$dir/prosody.log" >&2; return 1; }
  log "presence-load against Prosody (pid $pid)"
  bench "$LOAD_TIMEOUT" presence-load --port "$port" --label prosody --memory-probe "rss:$pid" --server-pid "$pid" "${LOAD_ARGS[@]}" \
    || log "presence-load against Prosody failed"
  log "roster-signin against Prosody"
  bench "$SIGNIN_TIMEOUT" roster-signin --port "$port" --label prosody --client netty "${SIGNIN_ARGS[@]}" \
    || log "roster-signin (netty) against Prosody failed"
  bench "$SIGNIN_TIMEOUT" roster-signin --port "$port" --label prosody --client smack --pin "$fp" "${SIGNIN_ARGS[@]}" \
    || log "roster-signin (smack) against Prosody failed"
  stop_pid "$pid"
}

log "work dir $WORK; users=$USERS contacts=$CONTACTS rate=$RATE/s duration=${DURATION}s nofile=$(ulimit -n)"
if [[ "$ONLY" != "prosody" ]]; then run_switchboard || log "our server's run did not complete"; fi
if [[ "$ONLY" != "switchboard" ]]; then run_prosody || log "Prosody's run did not complete"; fi

[[ -s "$RESULTS" ]] || { log "no results"; exit 1; }
if [[ -n "$OUT" ]]; then
  cp "$RESULTS" "$OUT.jsonl"
  /usr/bin/python3 "$ROOT/bench/compare.py" "$RESULTS" | tee "$OUT"
else
  /usr/bin/python3 "$ROOT/bench/compare.py" "$RESULTS"
fi
