#!/usr/bin/env bash
# SIP/SIMPLE load: SIPp against a SIP server on 127.0.0.1, the same scenario files the interop
# tests prove against Kamailio (e2e/src/test/resources/sipp/). Steps of increasing rates for
#   register  REGISTER with digest (401 -> Authorization -> 200)            calls/s
#   subscribe SUBSCRIBE/NOTIFY cycle (subscribe, NOTIFY, unsubscribe, NOTIFY) calls/s
#   message   MESSAGE relayed to a registered SIPp recipient                 calls/s
#   invite    call set up and torn down through the proxy to a registered SIPp callee
#             (INVITE+407+INVITE, 180, 200, ACK, BYE); p50/p99 = INVITE -> 200 (setup time)  calls/s
# then one fan-out: one presentity with W watchers changes state; latency of every watcher's
# NOTIFY from the PUBLISH that caused it (p50/p99/max, from SIPp's -trace_msg timestamps).
#
# --target kamailio      starts a throwaway Kamailio (e2e/src/test/resources/kamailio/kamailio.cfg,
#                        -A AUTH_ALL: every request challenged) with users u00000.. (password
#                        pw-<user>) in a temp dir on a free port, and stops it at the end.
# --target switchboard   uses a server already running on 127.0.0.1:--port with the same users
#                        in --domain (provisioning our server is not done by this script).
#
# Usage: bench/run-sip-load.sh [--target kamailio|switchboard] [--port P] [--domain D]
#          [--transport udp|tcp] [--rates 50,100,200,400] [--duration S] [--watchers W]
#          [--only register,subscribe,message,invite,fanout] [--children N] [--out FILE.md] [--keep]
#          [--hold MS]   (invite: how long each call lasts; rate x hold = calls up at once)
#          [--sipp-cpus LIST] [--server-cpus LIST]  (taskset CPU lists: SIPp on some cores, the
#                               Kamailio it starts on others, so neither takes the other's core; a
#                               switchboard server is started by you: start it under taskset too)
#          [--kamailio-shm MB]  (Kamailio's shared memory, 512 by default: the heap our server is
#                               benchmarked with; with 256 its transactions ran out of it near
#                               3,600 MESSAGE/s and it answered 500)
#          [--dead-recipient]  (message: the recipient registers, then never answers, as a phone
#                               that is gone: what a flood to it costs the server)
set -euo pipefail

TARGET=kamailio
PORT=""
DOMAIN=""
TRANSPORT=udp
RATES="50,100,200,400,800"
DURATION=10
WATCHERS=1000
ONLY="register,subscribe,message,invite,fanout"
CHILDREN=4
OUT=""
KEEP=0
HOLD=0
DEAD_RECIPIENT=0
SIPP_CPUS=""
SERVER_CPUS=""
KAMAILIO_SHM=512

while [[ $# -gt 0 ]]; do
  case "$1" in
    --target) TARGET="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --domain) DOMAIN="$2"; shift 2 ;;
    --transport) TRANSPORT="$2"; shift 2 ;;
    --rates) RATES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --watchers) WATCHERS="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --children) CHILDREN="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --hold) HOLD="$2"; shift 2 ;;
    --dead-recipient) DEAD_RECIPIENT=1; shift ;;
    --sipp-cpus) SIPP_CPUS="$2"; shift 2 ;;
    --kamailio-shm) KAMAILIO_SHM="$2"; shift 2 ;;
    --server-cpus) SERVER_CPUS="$2"; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCEN="$ROOT/e2e/src/test/resources/sipp"
CFG_TEMPLATE="$ROOT/e2e/src/test/resources/kamailio/kamailio.cfg"
command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install sip-tester)" >&2; exit 2; }
case "$TRANSPORT" in udp) TMODE=u1 ;; tcp) TMODE=t1 ;; *) echo "--transport udp|tcp" >&2; exit 2 ;; esac
PY="$(command -v python3)"
# taskset execs its command, so a pinned SIPp or Kamailio keeps the PID the script tracks
SIPP=(sipp); [[ -n "${SIPP_CPUS:-}" ]] && SIPP=(taskset -c "$SIPP_CPUS" sipp)
PIN_SERVER=(); [[ -n "${SERVER_CPUS:-}" ]] && PIN_SERVER=(taskset -c "$SERVER_CPUS")

WORK="$(mktemp -d /tmp/sip-load.XXXXXX)"
PIDS=()
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  if [[ "$KEEP" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() {
  "$PY" -c 'import socket
while True:
    t=socket.socket(); t.bind(("127.0.0.1",0)); p=t.getsockname()[1]
    u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1",p)); print(p); break
    except OSError: pass
    finally: t.close(); u.close()'
}

# users u00000..uNNNNN: u00000 is the fan-out presentity, u00001.. its watchers, the last one
# the MESSAGE recipient; everybody else registers / subscribes / sends.
NUSERS=$(( WATCHERS + 2 > 2000 ? WATCHERS + 2 : 2000 ))
user() { printf 'u%05d' "$1"; }
SINK="$(user $((NUSERS - 1)))"

start_kamailio() {
  command -v kamailio >/dev/null || { echo "kamailio is not installed" >&2; exit 2; }
  DOMAIN="${DOMAIN:-kamailio.bench.test}"
  PORT="$(free_port)"
  local db="$WORK/kamailio-db" schema=/usr/share/kamailio/dbtext/kamailio
  mkdir -p "$db"
  for t in version subscriber location location_attrs presentity active_watchers watchers xcap pua; do
    head -1 "$schema/$t" > "$db/$t"
  done
  grep -E '^0:(subscriber|location|location_attrs|presentity|active_watchers|watchers|xcap|pua|version):' \
    "$schema/version" >> "$db/version"
  sed -i '1s/sender(string)/sender(string,null)/' "$db/presentity"
  "$PY" - "$db/subscriber" "$DOMAIN" "$NUSERS" <<'PYEOF'
import hashlib, sys
path, domain, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
md5 = lambda s: hashlib.md5(s.encode()).hexdigest()
with open(path, "a") as f:
    for i in range(n):
        u = "u%05d" % i; pw = "pw-" + u
        f.write("%d:%s:%s:%s:%s:%s\n" % (i + 1, u, domain, pw, md5(f"{u}:{domain}:{pw}"),
                                          md5(f"{u}@{domain}:{domain}:{pw}")))
PYEOF
  sed -e "s|@PORT@|$PORT|g" -e "s|@DBDIR@|$db|g" -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@CHILDREN@|$CHILDREN|g" \
    "$CFG_TEMPLATE" > "$WORK/kamailio.cfg"
  "${PIN_SERVER[@]}" kamailio -f "$WORK/kamailio.cfg" -DD -E -A AUTH_ALL -m "$KAMAILIO_SHM" -Y "$WORK" -P "$WORK/kamailio.pid" -w "$WORK" \
    > "$WORK/kamailio.log" 2>&1 &
  PIDS+=("$!")
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/kamailio.log" >&2; exit 1; }
    sleep 0.2
  done
  log "Kamailio $(kamailio -v | head -1 | awk '{print $2}') for $DOMAIN on $TRANSPORT 127.0.0.1:$PORT ($CHILDREN children per transport, pid $SERVER_PID)"
}

case "$TARGET" in
  kamailio) start_kamailio ;;
  switchboard)
    [[ -n "$PORT" ]] || { echo "--target switchboard needs --port (a running server)" >&2; exit 2; }
    DOMAIN="${DOMAIN:-switchboard.test}"
    SERVER_PID="$(ss -Hlnpt "sport = :$PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)" ;;
  *) echo "--target kamailio|switchboard" >&2; exit 2 ;;
esac
TARGET_ADDR="127.0.0.1:$PORT"

# injection file: user;domain;[authentication ...];peer;
inject() { # first last peer-expression(optional fixed peer) > file
  local first=$1 last=$2 peer=$3 out=$4
  echo SEQUENTIAL > "$out"
  for i in $(seq "$first" "$last"); do
    local u; u="$(user "$i")"
    echo "$u;$DOMAIN;[authentication username=$u password=pw-$u];$peer;" >> "$out"
  done
}

# runs one rate step; prints "offered completed failed p50 p99" (ms)
sipp_step() { # name scenario rate calls inject-file extra-args...
  local name=$1 scen=$2 rate=$3 calls=$4 inf=$5; shift 5
  local dir="$WORK/$name-$rate"; mkdir -p "$dir"
  local start end rc=0
  start=$(date +%s.%N)
  (cd "$dir" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/$scen" -inf "$inf" -t "$TMODE" -i 127.0.0.1 \
      -p "$(free_port)" -r "$rate" -m "$calls" -l $(( rate * (10 + HOLD / 1000) > 20000 ? 20000 : rate * (10 + HOLD / 1000) )) -nostdin \
      -timeout $(( calls / rate + 60 ))s -recv_timeout 10000 -trace_stat -stf stats.csv -fd 1 -trace_rtt -rtt_freq 1 \
      -trace_err "$@" > sipp.out 2>&1) || rc=$?
  end=$(date +%s.%N)
  "$PY" - "$dir" "$start" "$end" "$rate" "$rc" <<'PYEOF'
import csv, glob, sys
d, start, end, rate, rc = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
rows = [l for l in open(d + "/stats.csv", encoding="latin-1") if l.strip()]
head, last = rows[0].split(";"), rows[-1].split(";")
ok = int(last[head.index("SuccessfulCall(C)")]); bad = int(last[head.index("FailedCall(C)")])
rtts, stamps = [], []
for f in glob.glob(d + "/*_rtt.csv"):
    for line in open(f):
        p = line.strip().split(";")
        if len(p) >= 2 and p[0][:1].isdigit():
            stamps.append(float(p[0])); rtts.append(float(p[1]))
rtts.sort(); stamps.sort()
pct = lambda q: rtts[min(len(rtts) - 1, int(q * len(rtts)))] if rtts else float("nan")
# throughput while the load ran: completions between the first and the last one, so SIPp's
# start-up and the drain at the end do not count against the server
span = (stamps[-1] - stamps[0]) / 1000 if len(stamps) > 1 else 0
done = (len(stamps) - 1) / span if span > 0 else ok / (end - start)
print(f"{rate} {done:.1f} {ok} {bad} {pct(0.50):.0f} {pct(0.99):.0f} {rc}")
PYEOF
}

RESULTS="$WORK/results.md"
: > "$RESULTS"
IFS=',' read -r -a RATE_LIST <<< "$RATES"

# CPU ticks (utime + stime) of the server and its direct children (Kamailio's workers); empty if unknown
server_cpu_ticks() {
  [[ -n "${SERVER_PID:-}" && -r "/proc/$SERVER_PID/stat" ]] || return 0
  local total=0 p
  for p in "$SERVER_PID" $(pgrep -P "$SERVER_PID" 2>/dev/null); do
    # fields after the ")" that ends the command name: utime and stime are the 12th and 13th
    total=$(( total + $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0) ))
  done
  echo "$total"
}
TICKS_PER_SECOND=$(getconf CLK_TCK)

# "busy total" ticks of the CPUs in LIST (e.g. 0 or 0,1) from /proc/stat; empty without a list. With
# --sipp-cpus, the share of SIPp's cores that was busy in a step: near 100 %, the step measured SIPp
cpus_ticks() {
  [[ -n "$1" ]] || return 0
  "$PY" - "$1" <<'PYEOF'
import sys
wanted = {f"cpu{c}" for c in sys.argv[1].split(",")}
busy = total = 0
for line in open("/proc/stat"):
    f = line.split()
    if f and f[0] in wanted:
        ticks = [int(x) for x in f[1:]]
        idle = ticks[3] + ticks[4]    # idle and iowait
        total += sum(ticks[:8])       # guest time is already in user
        busy += sum(ticks[:8]) - idle
print(busy, total)
PYEOF
}

rate_table() { # title name scenario inject extra...
  local title=$1 name=$2 scen=$3 inf=$4; shift 4
  {
    echo ""
    echo "### $title"
    echo ""
    echo "| offered /s | completed /s | successful | failed | p50 ms | p99 ms | server CPU ms per call | SIPp's cores busy |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  } >> "$RESULTS"
  for r in "${RATE_LIST[@]}"; do
    local calls=$(( r * DURATION )) before after cpu="?" sipp_busy="?" sipp_before sipp_after
    log "$name at $r/s ($calls calls)"
    before=$(server_cpu_ticks)
    sipp_before=$(cpus_ticks "$SIPP_CPUS")
    read -r offered achieved ok bad p50 p99 rc < <(sipp_step "$name" "$scen" "$r" "$calls" "$inf" "$@")
    after=$(server_cpu_ticks)
    sipp_after=$(cpus_ticks "$SIPP_CPUS")
    if [[ -n "$before" && -n "$after" && "$ok" -gt 0 ]]; then
      cpu=$("$PY" -c "print(f'{($after - $before) * 1000 / $TICKS_PER_SECOND / $ok:.3f}')")
    fi
    if [[ -n "$sipp_before" && -n "$sipp_after" ]]; then
      sipp_busy=$("$PY" -c "b, a = '$sipp_before'.split(), '$sipp_after'.split(); print(f'{100 * (int(a[0]) - int(b[0])) / max(1, int(a[1]) - int(b[1])):.0f} %')")
    fi
    echo "| $offered | $achieved | $ok | $bad | $p50 | $p99 | $cpu | $sipp_busy |" >> "$RESULTS"
    log "  completed $achieved/s, $ok ok, $bad failed, p50 $p50 ms, p99 $p99 ms, server CPU $cpu ms per call, SIPp busy $sipp_busy of its run (sipp exit $rc)"
    # stop climbing once the server falls behind: >1 % failed or <90 % of the offered rate done
    if (( bad * 100 > calls )) || "$PY" -c "import sys; sys.exit(0 if $achieved < 0.9 * $r else 1)"; then
      log "  $name saturated at $r/s: not going higher"
      break
    fi
  done
}

LOAD_FIRST=$(( WATCHERS + 1 ))
LOAD_LAST=$(( NUSERS - 2 ))
inject "$LOAD_FIRST" "$LOAD_LAST" "" "$WORK/register.csv"
inject "$LOAD_FIRST" "$LOAD_LAST" "$(user 0)" "$WORK/subscribe.csv"
inject "$LOAD_FIRST" "$LOAD_LAST" "$SINK" "$WORK/message.csv"
inject 0 0 "" "$WORK/presentity.csv"
inject 1 "$WATCHERS" "$(user 0)" "$WORK/watchers.csv"
inject $((NUSERS - 1)) $((NUSERS - 1)) "" "$WORK/sink.csv"

# the presentity has a state before anything watches it
(cd "$WORK" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/publish.xml" -inf "$WORK/presentity.csv" -t "$TMODE" -i 127.0.0.1 \
   -p "$(free_port)" -m 1 -nostdin -timeout 20s -key expires 3600 -key basic open -key note initial \
   > "$WORK/publish-initial.out" 2>&1) || { log "initial PUBLISH failed"; cat "$WORK/publish-initial.out" >&2; exit 1; }

# Order: fan-out and MESSAGE first, then REGISTER, SUBSCRIBE last: a server pushed past its
# limit by SUBSCRIBE keeps retransmitting NOTIFYs for the subscriptions left behind for a while.
if [[ ",$ONLY," == *",fanout,"* ]]; then
  log "fan-out: $WATCHERS watchers subscribe to $(user 0)"
  FAN="$WORK/fanout"; mkdir -p "$FAN"
  (cd "$FAN" && exec "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/subscribe-wait.xml" -inf "$WORK/watchers.csv" -t "$TMODE" \
     -i 127.0.0.1 -p "$(free_port)" -r 200 -m "$WATCHERS" -l "$WATCHERS" -nostdin -timeout 300s -recv_timeout 20000 -buff_size 4194304 \
     -key expires 600 -key event presence -key accept application/pidf+xml \
     -trace_msg -message_file watchers-messages.log -trace_stat -stf stats.csv -fd 1 > watchers.out 2>&1) &
  WATCH_PID=$!; PIDS+=("$WATCH_PID")
  # every watcher has its initial NOTIFY when the trace holds W of them
  for _ in $(seq 1 600); do
    n=$(grep -c '^NOTIFY sip:' "$FAN/watchers-messages.log" 2>/dev/null || true)
    [[ "${n:-0}" -ge "$WATCHERS" ]] && break
    sleep 0.2
  done
  log "  $n initial NOTIFYs; publishing the change"
  (cd "$FAN" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/publish.xml" -inf "$WORK/presentity.csv" -t "$TMODE" -i 127.0.0.1 \
     -p "$(free_port)" -m 1 -nostdin -timeout 20s -key expires 3600 -key basic open -key note "update-fanout" \
     -trace_msg -message_file publish-messages.log > publish.out 2>&1) || log "  change PUBLISH failed"
  # every watcher's update NOTIFY, or 60 s; then up to 30 s for the un-SUBSCRIBEs, then stop it
  for _ in $(seq 1 300); do
    n=$(grep -c 'update-fanout' "$FAN/watchers-messages.log" 2>/dev/null || true)
    [[ "${n:-0}" -ge "$WATCHERS" ]] && break
    sleep 0.2
  done
  for _ in $(seq 1 150); do kill -0 "$WATCH_PID" 2>/dev/null || break; sleep 0.2; done
  kill "$WATCH_PID" 2>/dev/null || true
  wait "$WATCH_PID" 2>/dev/null || true
  "$PY" - "$FAN" "$WATCHERS" >> "$RESULTS" <<'PYEOF'
import re, sys
from datetime import datetime
d, w = sys.argv[1], int(sys.argv[2])
def blocks(path):
    text = open(path, encoding="latin-1").read()
    for m in re.finditer(r"-{10,} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\n(.*?)(?=\n-{10,} \d{4}|\Z)", text, re.S):
        yield datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp(), m.group(2)
# the PUBLISH that carries the change and is not challenged is the last one sent
t0 = max(t for t, b in blocks(d + "/publish-messages.log") if "message sent" in b and "\nPUBLISH " in b)
first = {}  # Call-ID -> first NOTIFY carrying the change (the final NOTIFY repeats the body)
for t, b in blocks(d + "/watchers-messages.log"):
    if "message received" in b and "\nNOTIFY " in b and "update-fanout" in b:
        cid = re.search(r"^Call-ID:\s*(\S+)", b, re.M | re.I).group(1)
        first[cid] = min(t, first.get(cid, t))
lat = sorted((t - t0) * 1000 for t in first.values())
pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
print("\n### NOTIFY fan-out: one PUBLISH, %d watchers\n" % w)
print("| watchers | watchers notified | p50 ms | p99 ms | max ms |")
print("|---:|---:|---:|---:|---:|")
print("| %d | %d | %.1f | %.1f | %.1f |" % (w, len(lat), pct(0.5), pct(0.99), lat[-1] if lat else float("nan")))
PYEOF
  tail -1 "$RESULTS" >&2
fi

# A recipient SIPp that is gone must not stay registered: the next series on the same server would
# fork every request to its dead contact too (retransmitted for 32 s each), measuring that instead.
unregister() {
  (cd "$WORK" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/register.xml" -inf "$WORK/sink.csv" -t "$TMODE" -i 127.0.0.1 \
     -p "$1" -m 1 -nostdin -timeout 20s -key expires 0 > "$WORK/$2-unregister.out" 2>&1) \
     || log "  $2 could not unregister (its contact stays until it expires)"
}

if [[ ",$ONLY," == *",message,"* ]]; then
  SINK_PORT="$(free_port)"
  (cd "$WORK" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/register.xml" -inf "$WORK/sink.csv" -t "$TMODE" -i 127.0.0.1 \
     -p "$SINK_PORT" -m 1 -nostdin -timeout 20s -key expires 3600 > "$WORK/sink-register.out" 2>&1) \
     || { log "recipient REGISTER failed"; exit 1; }
  if [[ "$DEAD_RECIPIENT" == 1 ]]; then
    rate_table "MESSAGE to a registered recipient that never answers (its contact is gone)" \
      message message.xml "$WORK/message.csv" -key text "load test message"
  else
    (cd "$WORK" && exec "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/message-sink.xml" -t "$TMODE" -i 127.0.0.1 -p "$SINK_PORT" \
       -nostdin -timeout 3600s > "$WORK/sink.out" 2>&1) &
    SINK_PID=$!; PIDS+=("$SINK_PID")
    sleep 1
    rate_table "MESSAGE relayed to a registered SIPp (MESSAGE+407+MESSAGE, relayed, 200 per call)" \
      message message.xml "$WORK/message.csv" -key text "load test message"
    kill "$SINK_PID" 2>/dev/null || true
  fi
  unregister "$SINK_PORT" sink
fi

if [[ ",$ONLY," == *",invite,"* ]]; then
  CALLEE_PORT="$(free_port)"
  (cd "$WORK" && "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/register.xml" -inf "$WORK/sink.csv" -t "$TMODE" -i 127.0.0.1 \
     -p "$CALLEE_PORT" -m 1 -nostdin -timeout 20s -key expires 3600 > "$WORK/callee-register.out" 2>&1) \
     || { log "callee REGISTER failed"; exit 1; }
  (cd "$WORK" && exec "${SIPP[@]}" "$TARGET_ADDR" -sf "$SCEN/invite-sink.xml" -t "$TMODE" -i 127.0.0.1 -p "$CALLEE_PORT" \
     -nostdin -timeout 3600s -buff_size 4194304 > "$WORK/callee.out" 2>&1) &
  CALLEE_PID=$!; PIDS+=("$CALLEE_PID")
  sleep 1
  rate_table "Call setup through the proxy to a registered SIPp (INVITE+407+INVITE, 180, 200, ACK, BYE per call); p50/p99 = INVITE to 200" \
    invite invite.xml "$WORK/message.csv" -d "$HOLD"
  kill "$CALLEE_PID" 2>/dev/null || true
  unregister "$CALLEE_PORT" callee
fi

if [[ ",$ONLY," == *",register,"* ]]; then
  rate_table "REGISTER with digest (401 + 200 per call)" register register.xml "$WORK/register.csv" -key expires 3600
fi
if [[ ",$ONLY," == *",subscribe,"* ]]; then
  rate_table "SUBSCRIBE/NOTIFY cycle (SUBSCRIBE+407+SUBSCRIBE, NOTIFY, un-SUBSCRIBE, NOTIFY per call); p50/p99 = to the 2xx" \
    subscribe subscribe.xml "$WORK/subscribe.csv" -key expires 600 -key event presence -key accept application/pidf+xml
fi
{
  echo ""
  echo "Target: $TARGET on $TRANSPORT 127.0.0.1:$PORT, domain $DOMAIN; machine $(nproc) cores, $(uname -sr);"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "SIPp $(sipp -v 2>&1 | grep -o 'v[0-9.]*' | head -1); $DURATION s per rate step."
  if [[ -n "$SIPP_CPUS" || -n "$SERVER_CPUS" ]]; then
    # read from the running server where it still runs (ours is pinned by whoever started it)
    server_cpus="$( { [[ -n "${SERVER_PID:-}" ]] && taskset -cp "$SERVER_PID" 2>/dev/null | sed 's/.*: //'; } || true)"
    echo "SIPp on CPUs ${SIPP_CPUS:-any}; server on CPUs ${server_cpus:-${SERVER_CPUS:-any}}."
  fi
  if [[ -n "${SERVER_PID:-}" && -r "/proc/$SERVER_PID/status" ]]; then
    echo "Server RSS (main process) $(awk '/VmRSS/ {print $2, $3}' "/proc/$SERVER_PID/status")."
  fi
} >> "$RESULTS"
cat "$RESULTS"
[[ -n "$OUT" ]] && cp "$RESULTS" "$OUT"
exit 0
