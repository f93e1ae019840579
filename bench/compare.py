#!/usr/bin/python3
"""Turns the JSON lines of one run-xmpp-load.sh run into a markdown table: ours vs Prosody."""
import json
import sys

OURS, THEIRS = "switchboard", "prosody"


def load(path):
    presence, signin = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            if "medianMs" in r:
                signin[(r["label"], r["client"])] = r
            else:
                presence[r["label"]] = r
    return presence, signin


def fmt(v, digits=1):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return f"{v:,}"


def ratio(a, b):
    if a is None or b is None or not b:
        return "n/a"
    return f"{a / b:.2f}"


def main():
    presence, signin = load(sys.argv[1])
    o, p = presence.get(OURS), presence.get(THEIRS)

    def get(r, key, scale=1.0):
        if r is None or r.get(key) is None:
            return None
        v = r[key]
        if isinstance(v, (int, float)) and v < 0:
            return None
        return v * scale if scale != 1.0 else v

    def loss(r):
        if r is None or not r.get("deliveriesExpected"):
            return None
        return 100.0 * r["lost"] / r["deliveriesExpected"]

    rows = [
        ("sessions online", get(o, "online"), get(p, "online"), False, ""),
        ("failed logins", get(o, "failedLogins"), get(p, "failedLogins"), False, ""),
        ("login ramp (s)", get(o, "rampSeconds"), get(p, "rampSeconds"), True, ""),
        ("login p99 (ms)", get(o, "loginP99Ms"), get(p, "loginP99Ms"), True, ""),
        ("memory per idle session (kB)¹", get(o, "memoryPerSessionBytes", 1 / 1024),
         get(p, "memoryPerSessionBytes", 1 / 1024), True, "ours <= 20 kB heap"),
        ("RSS growth per idle session (kB)", get(o, "rssPerSessionBytes", 1 / 1024),
         get(p, "rssPerSessionBytes", 1 / 1024), True, ""),
        ("presence changes sent", get(o, "changesSent"), get(p, "changesSent"), False, ""),
        ("achieved change rate (/s)", get(o, "achievedChangesPerSecond"), get(p, "achievedChangesPerSecond"), False, ""),
        ("deliveries expected", get(o, "deliveriesExpected"), get(p, "deliveriesExpected"), False, ""),
        ("deliveries received", get(o, "deliveriesReceived"), get(p, "deliveriesReceived"), False, ""),
        ("lost (% of expected)²", loss(o), loss(p), False, "0"),
        ("deliveries/s", get(o, "deliveriesPerSecond"), get(p, "deliveriesPerSecond"), True, ">= Prosody (ratio >= 1)"),
        ("latency p50 (ms)", get(o, "latencyP50Ms"), get(p, "latencyP50Ms"), True, ""),
        ("latency p90 (ms)", get(o, "latencyP90Ms"), get(p, "latencyP90Ms"), True, ""),
        ("latency p99 (ms)", get(o, "latencyP99Ms"), get(p, "latencyP99Ms"), True, ""),
        ("latency p99.9 (ms)", get(o, "latencyP999Ms"), get(p, "latencyP999Ms"), True, ""),
        ("latency max (ms)", get(o, "latencyMaxMs"), get(p, "latencyMaxMs"), True, ""),
        ("server CPU during logins (s)", get(o, "serverCpuLoginSeconds"), get(p, "serverCpuLoginSeconds"), True, ""),
        ("server CPU during load (s)", get(o, "serverCpuLoadSeconds"), get(p, "serverCpuLoadSeconds"), True, ""),
        ("server CPU per delivery (us)", get(o, "serverCpuMicrosPerDelivery"), get(p, "serverCpuMicrosPerDelivery"),
         True, ""),
        ("load client CPU during load (s)", get(o, "clientCpuLoadSeconds"), get(p, "clientCpuLoadSeconds"), False, ""),
        ("load phase wall time (s)", get(o, "loadWallSeconds"), get(p, "loadWallSeconds"), False, ""),
    ]
    for client in ("bench-netty", "switchboard-xmpp (Smack)"):
        so, sp = signin.get((OURS, client)), signin.get((THEIRS, client))
        n = (so or sp or {}).get("rosterItems", "?")
        rows.append((f"sign-in to {n}-item roster, {client}, median (ms)", get(so, "medianMs"), get(sp, "medianMs"),
                     True, ""))
        rows.append((f"sign-in to {n}-item roster, {client}, p90 (ms)", get(so, "p90Ms"), get(sp, "p90Ms"), True, ""))

    r = o or p or {}
    print(f"users {r.get('users')}, {r.get('contactsPerUser')} contacts each, "
          f"{fmt(r.get('targetChangesPerSecond'), 0)} changes/s for {r.get('durationSeconds')} s\n")
    print("| metric | Switchboard | Prosody | ours/Prosody | goal |")
    print("|---|---:|---:|---:|---|")
    for name, a, b, with_ratio, goal in rows:
        print(f"| {name} | {fmt(a)} | {fmt(b)} | {ratio(a, b) if with_ratio else ''} | {goal} |")
    print()
    print("¹ Switchboard: " + (o or {}).get("memoryKind", "not measured")
          + "; Prosody: " + (p or {}).get("memoryKind", "not measured") + ". Growth from before the first login "
          "to all sessions online and idle, divided by the sessions online.")
    print("² Not received within the drain window (15 s after the last change was sent).")
    for label, rep in ((OURS, o), (THEIRS, p)):
        for reason, count in ((rep or {}).get("failureReasons") or {}).items():
            print(f"- {label} failure: {count} x {reason}")


if __name__ == "__main__":
    main()
