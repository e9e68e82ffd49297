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
# Cached (analytics off) and analytics on are run in turn, off then on, ROUNDS times, so
# that each pair meets the machine in the same state; their rows are the rounds' means,
# and the share is the sum of on over the sum of off (each round's share is printed too).
# Prints one table (req/s, p50/p99, non-2xx, kb's CPU time per request), kb's RSS, the
# machine's load, and each
# target row met or missed: cached >= 60% of nginx; uncached >= 15,000 req/s;
# analytics on >= 90% of analytics off (the rotation, cached); p99 <= 10 ms.
#
# Usage: scripts/load.sh
#   DURATION=S     seconds per wrk run (default 20)      CONNECTIONS=N (64)  THREADS=N (2)
#   ROUNDS=N       off/on pairs for the analytics share (default 3)
#   LOG_LEVEL=L    kb's log level (default info: one line per request, sent to /dev/null)
#   SKIP_INSTALL=1 never apt-get install wrk / nginx-light
# Only 127.0.0.1 is ever targeted; every process started here is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-3}"
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

# run NAME SCRIPT URL: a 3 s warm-up (not measured), then the measured run into WORK/NAME.txt;
# with kb running, its CPU ticks over the measured run into WORK/cpu-NAME.
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$2" "$3" >/dev/null
  uptime > "$WORK/load-$1"
  local before=""
  [ -n "$KB_PID" ] && before="$(cpu_ticks "$KB_PID")"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$2" "$3" > "$WORK/$1.txt"
  [ -n "$before" ] && echo "$(( $(cpu_ticks "$KB_PID") - before ))" > "$WORK/cpu-$1"
  return 0
}

# kb, analytics off (cached) and on (SQLite, the default: every search recorded, none
# cached), in turn; each "on" server starts on a fresh file. RSS after the first cached run.
RECORDED=0
DROPPED=0
for round in $(seq 1 "$ROUNDS"); do
  start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics off
  [ "$round" = 1 ] && curl -s "$URL/v1/search?q=acount%20locked" > "$WORK/answer.json"
  run "cached-$round" "$WORK/search.lua" "$URL"
  [ "$round" = 1 ] && rss_mib "$KB_PID" > "$WORK/rss-start"
  stop_kb
  rm -f "$WORK"/analytics.sqlite*
  start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics "$WORK/analytics.sqlite"
  run "analytics-$round" "$WORK/search.lua" "$URL"
  DROPPED=$((DROPPED + $(curl -s "$URL/metrics" | awk '/^kb_analytics_dropped_total/ { sum += $2 } END { print sum + 0 }')))
  stop_kb
  RECORDED=$((RECORDED + $(sqlite3 "$WORK/analytics.sqlite" 'SELECT COUNT(*) FROM searches' 2>/dev/null || echo 0)))
done
# kb, analytics off: uncached (every URI distinct); RSS at the end.
start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" --analytics off
run uncached "$WORK/distinct.lua" "$URL"
rss_mib "$KB_PID" > "$WORK/rss-end"
stop_kb
# nginx: the same script, every URI answered by the one file.
start_nginx "$WORK/answer.json"
run nginx "$WORK/search.lua" "$NGINX_URL"
stop_nginx

"$PY" - "$WORK" "$LOG_LEVEL" "$RECORDED" "$(wc -c < "$WORK/answer.json")" "$ROUNDS" "$DROPPED" "$(getconf CLK_TCK)" <<'PYEOF'
import json, os, re, sys
work, log_level, recorded, answer_bytes, rounds, dropped = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
ticks_per_second = int(sys.argv[7])
def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s)$", value)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
def parse(name):
    text = open("%s/%s.txt" % (work, name)).read()
    row = {"req_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for p in ("50", "99"):
        row["p" + p] = ms(re.search(r"^\s+%s%%\s+(\S+)" % p, text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    row["non_2xx"] = int(errors.group(1)) if errors else 0
    row["load"] = open("%s/load-%s" % (work, name)).read().split("load average:")[-1].strip()
    # kb's CPU time (user + system, every thread) per request answered in the measured run.
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    cpu = "%s/cpu-%s" % (work, name)
    row["cpu_us"] = int(open(cpu).read()) * 1e6 / ticks_per_second / requests if os.path.exists(cpu) and requests else None
    return row
rows = {name: parse(name) for name in ("nginx", "uncached")}
# cached and analytics: the rounds' means (req/s, p50, p99), their non-2xx summed.
pairs = [(parse("cached-%d" % n), parse("analytics-%d" % n)) for n in range(1, rounds + 1)]
for index, name in enumerate(("cached", "analytics")):
    runs = [pair[index] for pair in pairs]
    rows[name] = {key: sum(r[key] for r in runs) / len(runs) for key in ("req_per_s", "p50", "p99", "cpu_us")}
    rows[name]["p99"] = max(r["p99"] for r in runs)
    rows[name]["non_2xx"] = sum(r["non_2xx"] for r in runs)
    rows[name]["load"] = " / ".join(r["load"] for r in runs)
    rows[name]["rounds"] = runs
labels = {"nginx": "nginx, one static file", "cached": "kb, cached (mean of %d)" % rounds,
          "uncached": "kb, uncached (all distinct)", "analytics": "kb, analytics on (mean of %d)" % rounds}
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
print("kb RSS: %.1f MiB after the first cached run, %.1f MiB after the uncached one; %s searches recorded, %d dropped" % (rss_start, rss_end, recorded, dropped))
print("CPU µs/r: kb's CPU time (all threads) per request answered. Analytics off, then on, in turn:")
for n, (off, on) in enumerate(pairs):
    print("  round %d: %.0f / %.0f req/s = %.0f%%; CPU %.1f / %.1f µs per request" % (
        n + 1, off["req_per_s"], on["req_per_s"], 100 * on["req_per_s"] / off["req_per_s"], off["cpu_us"], on["cpu_us"]))
def target(label, figure, ok):
    print("  %-52s %-28s %s" % (label, figure, "met" if ok else "MISSED"))
cached, uncached, analytics, nginx = rows["cached"], rows["uncached"], rows["analytics"], rows["nginx"]
print("Targets:")
target("cached answers >= 60% of nginx's req/s", "%.0f%%" % (100 * cached["req_per_s"] / nginx["req_per_s"]),
       cached["req_per_s"] >= 0.6 * nginx["req_per_s"])
target("uncached searches >= 15,000 req/s", "%.0f req/s" % uncached["req_per_s"], uncached["req_per_s"] >= 15000)
share = sum(on["req_per_s"] for _, on in pairs) / sum(off["req_per_s"] for off, _ in pairs)
target("analytics on >= 90% of analytics off (cached)", "%.0f%%" % (100 * share), share >= 0.9)
worst = max(r["p99"] for n, r in rows.items() if n != "nginx")
target("kb p99 <= 10 ms (every kb run)", "%.2f ms" % worst, worst <= 10)
for name in ("cached", "analytics"):
    rows[name]["rounds"] = [{key: r[key] for key in ("req_per_s", "p50", "p99", "non_2xx", "cpu_us")} for r in rows[name]["rounds"]]
print(json.dumps({"peer": "kb", "mode": "wrk", "rows": rows, "rss_start_mb": rss_start, "rss_end_mb": rss_end,
                  "answer_bytes": answer_bytes, "recorded": recorded, "dropped": dropped, "analytics_share": share}))
PYEOF
