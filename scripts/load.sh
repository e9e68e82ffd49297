#!/usr/bin/env bash
# Load: `kb serve` (release build) and nginx under the same wrk Lua script
# (`wrk -t2 -c64 -d20s` on 127.0.0.1 on this machine), so that kb's figures are read
# against the box's HTTP ceiling, like with like. Not part of CI.
#
# The Lua script rotates through the real queries of Tests/Relevance/queries.tsv as
# GET /v1/search?q=... (what merchants and agents type: keywords, questions, typos,
# codes). nginx answers every one of those URIs with one static file: kb's own answer
# to the first query. kb is measured
#   cached     the rotation (103 URIs), answered from the response cache after the first round;
#   uncached   the same searches with &n=1, 2, 3, ... (ignored by kb), so every URI is new and
#              each request runs a real search (typos, prefixes, synonyms, snippets) and JSON;
#   analytics  the rotation with analytics on (SQLite): searches are recorded and, each
#              having its own searchId, never cached.
# For the analytics share, two servers run side by side for the whole comparison: one
# with analytics off (cached), one with it on (a fresh SQLite file). wrk drives one at a
# time in short slices, in the order off, on, on, off (ABBA), REPEATS times, so that the
# machine's drift (on this 2-core VM, kb's CPU per request moves by a third from one
# minute to the next, with the same binary) falls on both alike. Their rows are the
# totals of their slices; the share is on's requests over off's, in the same time. The
# "on" server is then stopped gracefully and its file counted: every search it answered
# should be there.
# Prints one table (req/s, p50/p99, non-2xx, kb's CPU time per request), kb's RSS, the
# machine's load, and each
# target row met or missed: cached >= 60% of nginx; uncached >= 15,000 req/s;
# analytics on >= 90% of analytics off (the rotation, cached); p99 <= 10 ms.
#
# Usage: scripts/load.sh
#   DURATION=S     seconds per wrk run (default 20)      CONNECTIONS=N (64)  THREADS=N (2)
#   REPEATS=N      off/on/on/off groups for the analytics share (default 20)
#   SLICE=S        seconds per slice of that comparison (default 3)
#   LOG_LEVEL=L    kb's log level (default info: one line per request, sent to /dev/null)
#   SKIP_INSTALL=1 never apt-get install wrk / nginx-light
# Only 127.0.0.1 is ever targeted; every process started here is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
REPEATS="${REPEATS:-20}"
SLICE="${SLICE:-3}"
LOG_LEVEL="${LOG_LEVEL:-info}"
PY="${PYTHON:-python3}"

. scripts/kb-server.sh
need_tools load wrk:wrk nginx:nginx-light sqlite3:sqlite3 curl:curl
release_kb_in_work load

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# The Lua scripts: the relevance queries in turn; the same with every URI distinct.
"$PY" scripts/search-lua.py "$WORK/search.lua" Tests/Relevance/queries.tsv
"$PY" scripts/search-lua.py "$WORK/distinct.lua" Tests/Relevance/queries.tsv --distinct

# CPU time (user + system, in clock ticks) kb has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure NAME SECONDS SCRIPT URL [PID]: one measured wrk run into WORK/NAME.txt; with a
# PID, that server's CPU ticks over the run into WORK/cpu-NAME.
measure() {
  local before=""
  [ -n "${5:-}" ] && before="$(cpu_ticks "$5")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency -s "$3" "$4" > "$WORK/$1.txt"
  [ -n "$before" ] && echo "$(( $(cpu_ticks "$5") - before ))" > "$WORK/cpu-$1"
  return 0
}

# run NAME SCRIPT URL [PID]: a 3 s warm-up (not measured), the machine's load, then a
# DURATION run (measure).
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$2" "$3" >/dev/null
  uptime > "$WORK/load-$1"
  measure "$1" "$DURATION" "$2" "$3" "${4:-}"
}

# The analytics share: kb off (cached) and kb on (SQLite, a fresh file) side by side,
# each warmed up, then slices in the order off, on, on, off, REPEATS times.
start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics off
OFF_PID="$KB_PID" OFF_URL="$URL"
curl -s "$URL/v1/search?q=acount%20locked" > "$WORK/answer.json"
start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics "$WORK/analytics.sqlite"
ON_PID="$KB_PID" ON_URL="$URL"
# stop_kb stops the server in KB_PID (the "on" one); the "off" one is stopped here, and on exit.
trap 'kill -TERM "$OFF_PID" 2>/dev/null || true; stop_kb; stop_nginx; rm -rf "$WORK"' EXIT
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$WORK/search.lua" "$OFF_URL" >/dev/null
rss_mib "$OFF_PID" > "$WORK/rss-start"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$WORK/search.lua" "$ON_URL" > "$WORK/warm-on.txt"
uptime > "$WORK/load-cached"
cp "$WORK/load-cached" "$WORK/load-analytics"
slice=0
for group in $(seq 1 "$REPEATS"); do
  for mode in off on on off; do
    slice=$((slice + 1))
    if [ "$mode" = off ]; then
      measure "cached-$slice" "$SLICE" "$WORK/search.lua" "$OFF_URL" "$OFF_PID"
    else
      measure "analytics-$slice" "$SLICE" "$WORK/search.lua" "$ON_URL" "$ON_PID"
    fi
  done
done
DROPPED="$(curl -s "$ON_URL/metrics" | awk '/^kb_analytics_dropped_total/ { sum += $2 } END { print sum + 0 }')"
# Every search the "on" server answered (warm-up and slices: all first pages), counted
# in its file after its graceful stop has written the queue out.
ANSWERED="$(cat "$WORK"/warm-on.txt "$WORK"/analytics-*.txt | awk '/requests in/ { sum += $1 } END { print sum + 0 }')"
stop_kb
kill -TERM "$OFF_PID" 2>/dev/null || true
wait "$OFF_PID" 2>/dev/null || true
RECORDED="$(sqlite3 "$WORK/analytics.sqlite" 'SELECT COUNT(*) FROM searches' 2>/dev/null || echo 0)"

# kb, analytics off: uncached (every URI distinct); RSS at the end.
start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics off
run uncached "$WORK/distinct.lua" "$URL" "$KB_PID"
rss_mib "$KB_PID" > "$WORK/rss-end"
stop_kb
# nginx: the same script, every URI answered by the one file.
start_nginx "$WORK/answer.json"
run nginx "$WORK/search.lua" "$NGINX_URL"
stop_nginx

"$PY" - "$WORK" "$LOG_LEVEL" "$RECORDED" "$(wc -c < "$WORK/answer.json")" "$REPEATS" "$DROPPED" "$(getconf CLK_TCK)" "$ANSWERED" <<'PYEOF'
import json, os, re, sys
work, log_level, recorded, answer_bytes, groups, dropped = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
ticks_per_second, answered = int(sys.argv[7]), int(sys.argv[8])
def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s)$", value)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
def parse(name, load=None):
    text = open("%s/%s.txt" % (work, name)).read()
    row = {"req_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for p in ("50", "99"):
        row["p" + p] = ms(re.search(r"^\s+%s%%\s+(\S+)" % p, text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    row["non_2xx"] = int(errors.group(1)) if errors else 0
    row["load"] = open("%s/load-%s" % (work, load or name)).read().split("load average:")[-1].strip()
    # kb's CPU time (user + system, every thread) per request answered in the measured run.
    row["requests"] = int(re.search(r"(\d+) requests in", text).group(1))
    row["seconds"] = ms(re.search(r"requests in ([\d.]+(?:us|ms|s))", text).group(1)) / 1000
    cpu = "%s/cpu-%s" % (work, name)
    row["cpu_ticks"] = int(open(cpu).read()) if os.path.exists(cpu) else None
    row["cpu_us"] = row["cpu_ticks"] * 1e6 / ticks_per_second / row["requests"] if row["cpu_ticks"] is not None and row["requests"] else None
    return row
def total(slices, load):
    """Slices as one run: requests over time, CPU over requests, the median p50, the worst p99."""
    requests, seconds = sum(r["requests"] for r in slices), sum(r["seconds"] for r in slices)
    p50s = sorted(r["p50"] for r in slices)
    return {"req_per_s": requests / seconds, "p50": p50s[len(p50s) // 2], "p99": max(r["p99"] for r in slices),
            "non_2xx": sum(r["non_2xx"] for r in slices), "requests": requests, "seconds": seconds,
            "cpu_us": sum(r["cpu_ticks"] for r in slices) * 1e6 / ticks_per_second / requests,
            "load": open("%s/load-%s" % (work, load)).read().split("load average:")[-1].strip()}
rows = {name: parse(name) for name in ("nginx", "uncached")}
# The slices, in the order they ran: off, on, on, off in each group.
order = [mode for _ in range(groups) for mode in ("cached", "analytics", "analytics", "cached")]
slices = [(mode, parse("%s-%d" % (mode, n + 1), load=mode)) for n, mode in enumerate(order)]
for name in ("cached", "analytics"):
    rows[name] = total([r for mode, r in slices if mode == name], name)
count = len(slices) // 2
labels = {"nginx": "nginx, one static file", "cached": "kb, cached (%d slices)" % count,
          "uncached": "kb, uncached (all distinct)", "analytics": "kb, analytics on (%d slices)" % count}
print()
print("Same wrk Lua script on both; answer %d bytes; kb log level %s" % (answer_bytes, log_level))
print("%-30s %10s %8s %8s %8s %7s %9s  %s" % ("", "req/s", "p50 ms", "p99 ms", "non-2xx", "÷nginx", "CPU µs/r", "load avg (1/5/15 min) before"))
for name in ("nginx", "cached", "uncached", "analytics"):
    r = rows[name]
    cpu = "%9.1f" % r["cpu_us"] if r["cpu_us"] is not None else "%9s" % "-"
    print("%-30s %10.0f %8.2f %8.2f %8d %6.0f%% %s  %s" % (labels[name], r["req_per_s"], r["p50"], r["p99"], r["non_2xx"],
          100 * r["req_per_s"] / rows["nginx"]["req_per_s"], cpu, r["load"]))
rss_start, rss_end = float(open(work + "/rss-start").read()), float(open(work + "/rss-end").read())
print()
print("kb RSS: %.1f MiB after the cached warm-up, %.1f MiB after the uncached run" % (rss_start, rss_end))
print("Analytics on: %d searches answered, %d recorded in its file after a graceful stop, %d dropped" % (answered, recorded, dropped))
print("CPU µs/r: kb's CPU time (all threads) per request answered. Off and on side by side, slices of")
print("%.0f s in the order off, on, on, off; each group's figures:" % slices[0][1]["seconds"])
for group in range(groups):
    part = slices[4 * group:4 * group + 4]
    off, on = total([r for m, r in part if m == "cached"], "cached"), total([r for m, r in part if m == "analytics"], "analytics")
    print("  group %d: %.0f / %.0f req/s = %.0f%%; CPU %.1f / %.1f µs per request" % (
        group + 1, off["req_per_s"], on["req_per_s"], 100 * on["req_per_s"] / off["req_per_s"], off["cpu_us"], on["cpu_us"]))
def target(label, figure, ok):
    print("  %-52s %-28s %s" % (label, figure, "met" if ok else "MISSED"))
cached, uncached, analytics, nginx = rows["cached"], rows["uncached"], rows["analytics"], rows["nginx"]
print("Targets:")
target("cached answers >= 60% of nginx's req/s", "%.0f%%" % (100 * cached["req_per_s"] / nginx["req_per_s"]),
       cached["req_per_s"] >= 0.6 * nginx["req_per_s"])
target("uncached searches >= 15,000 req/s", "%.0f req/s" % uncached["req_per_s"], uncached["req_per_s"] >= 15000)
share = analytics["req_per_s"] / cached["req_per_s"]
target("analytics on >= 90% of analytics off (cached)", "%.1f%%" % (100 * share), share >= 0.9)
# wrk counts the answers it read; a few more may be answered as it stops.
target("every search answered with analytics on is recorded", "%d for %d, %d dropped" % (recorded, answered, dropped),
       recorded >= answered and dropped == 0)
worst = max(r["p99"] for n, r in rows.items() if n != "nginx")
target("kb p99 <= 10 ms (every kb run)", "%.2f ms" % worst, worst <= 10)
print(json.dumps({"peer": "kb", "mode": "wrk", "rows": rows, "rss_start_mb": rss_start, "rss_end_mb": rss_end,
                  "answer_bytes": answer_bytes, "answered": answered, "recorded": recorded, "dropped": dropped,
                  "analytics_share": share,
                  "slices": [{"mode": m, **{k: r[k] for k in ("req_per_s", "p50", "p99", "non_2xx", "cpu_us")}} for m, r in slices]}))
PYEOF
