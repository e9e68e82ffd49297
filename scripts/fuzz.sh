#!/usr/bin/env bash
# Fuzz: hostile clients against `kb serve` (release build) on 127.0.0.1, bounded in
# requests and time. Not part of CI. Issue 17's reproductions, one by one, then
# REQUESTS fuzzed requests (hostile queries, malformed HTTP, hostile bodies) while a
# normal client measures its latency, then slowloris (half-sent heads held open),
# then SIGHUP bursts and --watch edit bursts, which need control of the process.
#
# Prints status counts, the 5xx count (must be 0), RSS before and after, the normal
# request's p50/p99 during the attack (target p99 <= 10 ms) and each reproduction's
# answer; exits 1 when any figure is wrong.
#
# Usage: scripts/fuzz.sh
#   REQUESTS=N      hostile requests (default 100000)      WORKERS=N  attacking processes (2)
#   SLOW=N          slowloris connections (1000)           RSS_BOUND=MiB  the RSS bound (200)
#   PART=all|repro|fuzz|signals|watch   only one part (default all)
#   KB=PATH         a kb binary to use instead of building one (e.g. an older build, to compare)
# Only 127.0.0.1 is ever targeted; every process started here is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS="${REQUESTS:-100000}"
WORKERS="${WORKERS:-2}"
SLOW="${SLOW:-1000}"
RSS_BOUND="${RSS_BOUND:-200}"
PART="${PART:-all}"
PY="${PYTHON:-python3}"

. scripts/kb-server.sh
if [ -n "${KB:-}" ]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/kb-fuzz.XXXXXX")"
  trap 'stop_kb; rm -rf "$WORK"' EXIT
else
  release_kb_in_work fuzz
fi
# Room for the slowloris connections, on both sides.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
status=0

if [ "$PART" = all ] || [ "$PART" = repro ] || [ "$PART" = fuzz ]; then
  start_kb "$KB" "$WORK/kb.log" --log-level warning
  python_part="$PART"; [ "$PART" = all ] && python_part=all
  "$PY" -u scripts/fuzz.py --port "$PORT" --pid "$KB_PID" --part "$python_part" --requests "$REQUESTS" \
    --workers "$WORKERS" --slow-connections "$SLOW" --header-timeout 10 --rss-bound "$RSS_BOUND" || status=1
  if ! kill -0 "$KB_PID" 2>/dev/null; then
    echo "fuzz: kb serve died:" >&2; tail -20 "$WORK/kb.log" >&2; exit 1
  fi
  stop_kb
fi

reloads() { "$PY" -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1]))["reloads"]["succeeded"])' "$URL/healthz"; }

if [ "$PART" = all ] || [ "$PART" = signals ]; then
  echo
  echo "signals: 200 SIGHUPs in 2 s, then 200 more and SIGTERM"
  start_kb "$KB" "$WORK/kb.log" --log-level warning
  started=$(date +%s.%N)
  for _ in $(seq 200); do kill -HUP "$KB_PID"; sleep 0.01; done
  # Wait until the count stays the same for 3 s.
  last=-1; same=0
  while [ "$same" -lt 6 ]; do
    sleep 0.5; now="$(reloads)"
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; last="$now"; fi
  done
  settled=$(date +%s.%N)
  for _ in $(seq 200); do kill -HUP "$KB_PID"; done
  term=$(date +%s.%N)
  kill -TERM "$KB_PID"; wait "$KB_PID" || true; KB_PID=""
  done_at=$(date +%s.%N)
  "$PY" - "$last" "$started" "$settled" "$term" "$done_at" <<'PYEOF' || status=1
import sys
reloads, started, settled, term, done = int(sys.argv[1]), *map(float, sys.argv[2:])
print("  %d reloads for 200 SIGHUPs sent 10 ms apart over %.1f s (one runs, one waits, the rest merge)" % (reloads, settled - started - 3))
print("  SIGTERM after 200 more SIGHUPs: exited in %.2f s" % (done - term))
print("signals: %s" % ("ok" if (done - term) < 5 else "FAILED: shutdown waited"))
sys.exit(0 if (done - term) < 5 else 1)
PYEOF
fi

if [ "$PART" = all ] || [ "$PART" = watch ]; then
  echo
  echo "watch: bursts of same-size edits, 0 to 1.2 s apart; the last edit must be served"
  cp -r Content "$WORK/content"
  start_kb "$KB" "$WORK/kb.log" --log-level warning --watch --content "$WORK/content"
  "$PY" - "$URL" "$WORK/content/articles/unlock-account.md" <<'PYEOF' || status=1
import json, random, sys, time, urllib.request
url, path = sys.argv[1], sys.argv[2]
original = open(path, encoding="utf-8").read()
rng, worst, ok = random.Random(17), 0.0, True
for burst in range(5):
    for edit in range(8):
        title = "Unlock edit %02d-%02d" % (burst, edit)
        with open(path, "w", encoding="utf-8") as file:
            file.write(original.replace("title: How do I unlock my portal account?", "title: " + title))
        time.sleep(rng.choice([0, 0.001, 0.01, 0.3, 1.0, 1.2]))
    stopped, served = time.time(), None
    while time.time() - stopped < 10:
        served = json.load(urllib.request.urlopen(url + "/v1/articles/unlock-account"))["title"]
        if served == title:
            break
        time.sleep(0.05)
    took = time.time() - stopped
    worst = max(worst, took)
    ok = ok and served == title
    print("  burst %d: last edit %r served %.2f s after it" % (burst, title, took) if served == title
          else "  burst %d: still serving %r, not %r" % (burst, served, title))
print("watch: %s (worst %.2f s)" % ("ok" if ok else "FAILED", worst))
sys.exit(0 if ok else 1)
PYEOF
  stop_kb
fi
exit "$status"
