#!/usr/bin/env bash
# Soak: `kb serve` (release build) under wrk for MINUTES minutes (default 10) on
# GET /v1/search?q=... with the relevance queries and a changing limit, so there are
# more distinct requests (5,150) than the response cache keeps and eviction runs too.
# Samples the server's RSS once a minute and says whether it stayed flat: the last
# sample within 10% (or 8 MiB) of the first. Not part of CI.
#
# Usage: scripts/soak.sh
#   MINUTES=N      length of the run (default 10)    CONNECTIONS=N (64)  THREADS=N (2)
#   CHUNK=S        seconds per sample (default 60; a "minute" below is one chunk)
#   SKIP_INSTALL=1 never apt-get install wrk
# Only 127.0.0.1 is ever targeted; the server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES="${MINUTES:-10}"
CHUNK="${CHUNK:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
PY="${PYTHON:-python3}"

. scripts/kb-server.sh
need_tools soak wrk:wrk
release_kb_in_work soak

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

start_kb "$KB" /dev/null --log-level info
"$PY" scripts/search-lua.py "$WORK/search.lua" Tests/Relevance/queries.tsv --vary-limit

printf '%-8s %12s %10s %10s %10s\n' minute requests "req/s" "p99 ms" "RSS MiB"
printf '%-8s %12s %10s %10s %10.1f\n' 0 - - - "$(awk -v k="$(rss_kib "$KB_PID")" 'BEGIN { print k / 1024 }')"
SAMPLES=()
for minute in $(seq 1 "$MINUTES"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${CHUNK}s" --latency -s "$WORK/search.lua" "$URL" > "$WORK/wrk.txt"
  rss="$(rss_kib "$KB_PID")"
  SAMPLES+=("$rss")
  "$PY" - "$WORK/wrk.txt" "$minute" "$rss" <<'PYEOF'
import re, sys
text, minute, rss = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3])
requests = re.search(r"(\d+) requests in", text).group(1)
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)$", text, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
note = "  (%s non-2xx)" % errors.group(1) if errors else ""
print("%-8s %12s %10.0f %10.2f %10.1f%s" % (minute, requests, rate, p99, rss / 1024, note))
PYEOF
done

"$PY" - "${SAMPLES[@]}" <<'PYEOF'
import sys
samples = [int(s) / 1024 for s in sys.argv[1:]]
first, last, peak = samples[0], samples[-1], max(samples)
flat = last - first <= max(first * 0.10, 8.0)
print()
print("RSS after minute 1: %.1f MiB, at the end: %.1f MiB, peak %.1f MiB: %s"
      % (first, last, peak, "flat" if flat else "GROWING (look for a leak)"))
PYEOF
