#!/usr/bin/env bash
# Load: `kb serve` (release build) against nginx serving one static JSON file, both
# loaded by `wrk -t2 -c64 -d20s` on 127.0.0.1 on this machine, so that kb's figures
# are read against the box's HTTP ceiling. Not part of CI.
#
# kb is loaded on GET /v1/search?q=... with a wrk Lua script that rotates through
# the real queries of Tests/Relevance/queries.tsv (what merchants and agents type:
# keywords, questions, typos, codes), so each request runs a real search (typos,
# prefixes, synonyms, snippets) and encodes the DESIGN.md JSON shape. Prints
# req/s, p50/p99 latency and kb's RSS after warm-up and at the end, then the
# ratio to nginx and the targets (>= 60% of nginx's req/s, p99 <= 10 ms). kb runs twice,
# analytics off and on (SQLite): with it on, at least 90% of the req/s.
#
# Usage: scripts/load.sh
#   DURATION=S     seconds per wrk run (default 20)      CONNECTIONS=N (64)  THREADS=N (2)
#   LOG_LEVEL=L    kb's log level (default info: one line per request, sent to /dev/null)
#   BENCH_DIR=DIR  the bench kit with peers/nginx_static.sh (default ../shared/bench)
#   SKIP_INSTALL=1 never apt-get install wrk / nginx-light
# Only 127.0.0.1 is ever targeted; every process started here is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
LOG_LEVEL="${LOG_LEVEL:-info}"
BENCH_DIR="${BENCH_DIR:-../shared/bench}"
PY="${PYTHON:-python3}"

. scripts/kb-server.sh
need_tools load wrk:wrk nginx:nginx-light sqlite3:sqlite3
release_kb_in_work load

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# The Lua script: the relevance queries, in turn.
"$PY" scripts/search-lua.py "$WORK/search.lua" Tests/Relevance/queries.tsv

# kb twice in the same run: analytics off, then on (SQLite, the default), each with a
# warm-up (not measured) and the measured run. With analytics on every search is
# recorded (and not answered from the response cache: each has its own searchId).
measure() {
  local name="$1"
  shift
  start_kb "$KB" /dev/null --log-level "$LOG_LEVEL" "$@"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$WORK/search.lua" "$URL" >/dev/null
  rss_mib "$KB_PID" > "$WORK/rss-start-$name"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/search.lua" "$URL" > "$WORK/kb-$name.txt"
  rss_mib "$KB_PID" > "$WORK/rss-end-$name"
  stop_kb
}
measure off --analytics off
measure on --analytics "$WORK/analytics.sqlite"
RECORDED="$(sqlite3 "$WORK/analytics.sqlite" 'SELECT COUNT(*) FROM searches' 2>/dev/null || echo '?')"
RSS_START="$(cat "$WORK/rss-start-on")"
RSS_END="$(cat "$WORK/rss-end-on")"

NGINX_JSON="$(bash "$BENCH_DIR/peers/nginx_static.sh" "$DURATION" "$CONNECTIONS" "$THREADS")"

"$PY" - "$WORK/kb-on.txt" "$NGINX_JSON" "$RSS_START" "$RSS_END" "$LOG_LEVEL" "$WORK/kb-off.txt" "$RECORDED" <<'PYEOF'
import json, re, sys
text, nginx = open(sys.argv[1]).read(), json.loads(sys.argv[2])
rss_start, rss_end, log_level = float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
def ms(value):
    m = re.match(r"([\d.]+)(us|ms|s)$", value)
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
def parse(text):
    kb = {"req_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for p in ("50", "99"):
        kb["p" + p] = ms(re.search(r"^\s+%s%%\s+(\S+)" % p, text, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    kb["non_2xx"] = int(errors.group(1)) if errors else 0
    return kb
kb, off = parse(text), parse(open(sys.argv[6]).read())
if "error" in nginx:
    sys.exit("load: nginx peer failed: " + nginx["error"])
ratio = kb["req_per_s"] / nginx["req_per_s"]
print()
print("%-28s %12s %9s %9s %9s" % ("", "req/s", "p50 ms", "p99 ms", "non-2xx"))
print("%-28s %12.0f %9.2f %9.2f %9d" % ("kb, analytics off", off["req_per_s"], off["p50"], off["p99"], off["non_2xx"]))
print("%-28s %12.0f %9.2f %9.2f %9d" % ("kb, analytics on (SQLite)", kb["req_per_s"], kb["p50"], kb["p99"], kb["non_2xx"]))
print("%-28s %12.0f %9.2f %9.2f %9d" % ("nginx static JSON", nginx["req_per_s"], nginx["latency_p50_ms"], nginx["latency_p99_ms"], nginx["non_2xx"]))
print()
print("kb RSS: %.1f MiB after warm-up, %.1f MiB at the end; log level %s" % (rss_start, rss_end, log_level))
share = kb["req_per_s"] / off["req_per_s"]
print("analytics on / off: %.0f%% of the req/s (target >= 90%%): %s; %s searches recorded" % (share * 100, "met" if share >= 0.9 else "NOT met", sys.argv[7]))
print("kb / nginx: %.0f%% of nginx's req/s (target >= 60%%): %s" % (ratio * 100, "met" if ratio >= 0.6 else "NOT met"))
print("kb p99: %.2f ms (target <= 10 ms): %s" % (kb["p99"], "met" if kb["p99"] <= 10 else "NOT met"))
print(json.dumps({"peer": "kb", "mode": "wrk", "req_per_s": kb["req_per_s"], "latency_p50_ms": kb["p50"],
                  "latency_p99_ms": kb["p99"], "non_2xx": kb["non_2xx"], "rss_start_mb": rss_start, "rss_end_mb": rss_end,
                  "nginx_req_per_s": nginx["req_per_s"], "ratio": round(ratio, 3),
                  "analytics_off_req_per_s": off["req_per_s"], "analytics_on_share": round(share, 3)}))
PYEOF
