#!/usr/bin/env bash
# make scale: how kb's cost grows with the size of the help center. Generates, the same
# way each time (scripts/scale-content.py), content of 1x, 10x and 100x the shipped
# Content/ and a 100,000-article set made from the bench kit's documents, all outside
# the repository; then, for each, in one run:
#   load     kb-bench --content: read, parse, check and index, as `kb serve` loads it
#   RSS      that process's peak resident memory, and the index's own bytes
#   search   p50 / p99 over the kit's queries, as the API searches (snippets and all)
#   site     `kb site build` of that content to a folder (wall seconds)
# Prints one table and the target rows, each met or missed: every cost roughly linear
# in the content's size (no step more than 1.5x the linear extrapolation from the
# step before), and 100,000 articles loading in <= 20 s, searching at p99 <= 1 ms,
# in <= 2 GiB.
#
#   bash scripts/scale.sh
#   SCALE_DIR=/tmp/kb-scale   where the content goes (default: a new temporary folder, removed after)
#   KIT_ARTICLES=100000       size of the kit set     REPEAT=1  query passes after a warm-up
#   SITE=0                    skip the site builds     KB_BENCH_KIT=../shared/bench
#   SKIP_BUILD=1              use the release binaries already built
set -euo pipefail
cd "$(dirname "$0")/.."

KIT="${KB_BENCH_KIT:-../shared/bench}"
KIT_ARTICLES="${KIT_ARTICLES:-100000}"
REPEAT="${REPEAT:-1}"
SITE="${SITE:-1}"
PY="${PYTHON:-python3}"
if [ ! -f "$KIT/corpus/kbbench-corpus.tar.gz" ]; then
  echo "scale: the benchmark kit is not at $KIT (set KB_BENCH_KIT)" >&2
  exit 2
fi

echo "scale: building kb and kb-bench in release mode" >&2
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product kb >&2
  swift build -c release --product kb-bench >&2
fi
BIN="$PWD/.build/release"

if [ -n "${SCALE_DIR:-}" ]; then
  mkdir -p "$SCALE_DIR"
else
  SCALE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kb-scale.XXXXXX")"
  trap 'rm -rf "$SCALE_DIR"' EXIT
fi
mkdir -p "$SCALE_DIR/kit"
tar -xzf "$KIT/corpus/kbbench-corpus.tar.gz" -C "$SCALE_DIR/kit"

mkdir -p bench-results
RESULTS="bench-results/scale-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: > "$RESULTS"
measure() {
  local name="$1" dir="$2" site_s="null" site_mb="null"
  echo "scale: $name" >&2
  local load_before
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  local line
  line="$("$BIN/kb-bench" --content "$dir" --queries "$KIT/queries.txt" --repeat "$REPEAT")"
  if [ "$SITE" = 1 ]; then
    /usr/bin/time -f '%e %M' -o "$SCALE_DIR/time" "$BIN/kb" site build --content "$dir" --out "$SCALE_DIR/site" >&2
    site_s="$(cut -d' ' -f1 "$SCALE_DIR/time")"
    site_mb="$(awk '{ printf "%.1f", $2 / 1024 }' "$SCALE_DIR/time")"
    rm -rf "$SCALE_DIR/site"
  fi
  local bytes
  bytes="$(find "$dir" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
  echo "${line%\}}, \"name\": \"$name\", \"markdown_bytes\": $bytes, \"site_s\": $site_s, \"site_peak_mb\": $site_mb, \"load_avg\": \"$load_before\"}" >> "$RESULTS"
}

for copies in 1 10 100; do
  "$PY" scripts/scale-content.py copies "$copies" "$SCALE_DIR/content-$copies" >&2
  measure "${copies}x Content" "$SCALE_DIR/content-$copies"
  rm -rf "$SCALE_DIR/content-$copies"
done
"$PY" scripts/scale-content.py kit "$KIT_ARTICLES" "$SCALE_DIR/kit/kbbench-corpus" "$SCALE_DIR/content-kit" >&2
measure "kit, $KIT_ARTICLES" "$SCALE_DIR/content-kit"
rm -rf "$SCALE_DIR/content-kit"

"$PY" - "$RESULTS" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("\nHow cost grows (one run; kb-bench --content, kb site build; %s CPUs)" % __import__("os").cpu_count())
print("%-16s %8s %9s %8s %9s %10s %8s %8s %8s %9s  %s" % (
    "content", "articles", "MiB md", "load s", "peak MiB", "index MiB", "p50 µs", "p99 µs", "site s", "site MiB", "load avg"))
for r in rows:
    site = "-" if r["site_s"] is None else "%.2f" % r["site_s"]
    site_mb = "-" if r["site_peak_mb"] is None else "%.0f" % r["site_peak_mb"]
    print("%-16s %8d %9.1f %8.2f %9.1f %10.1f %8.0f %8.0f %8s %9s  %s" % (
        r["name"], r["articles"], r["markdown_bytes"] / 1048576, r["load_s"], r["peak_rss_mb"],
        r["index_bytes"] / 1048576, r["p50_ms"] * 1000, r["p99_ms"] * 1000, site, site_mb, r["load_avg"]))
print("\nTargets:")
def target(label, figure, ok):
    print("  %-62s %-22s %s" % (label, figure, "met" if ok else "MISSED"))
# Linear: each step's cost at most 1.5x the previous step's cost scaled by the size ratio.
costs = [("load s", "load_s"), ("peak RSS", "peak_rss_mb"), ("index bytes", "index_bytes"), ("site build s", "site_s")]
for before, after in zip(rows, rows[1:]):
    growth = after["markdown_bytes"] / before["markdown_bytes"]
    for label, key in costs:
        if before.get(key) is None or after.get(key) is None or not before[key]:
            continue
        factor = after[key] / (before[key] * growth)
        target("%s, %s -> %s (size x%.1f)" % (label, before["name"], after["name"], growth),
               "%.2fx linear" % factor, factor <= 1.5)
big = rows[-1]
target("%s: load <= 20 s" % big["name"], "%.1f s" % big["load_s"], big["load_s"] <= 20)
target("%s: search p99 <= 1 ms" % big["name"], "%.0f µs" % (big["p99_ms"] * 1000), big["p99_ms"] <= 1)
target("%s: peak RSS <= 2 GiB" % big["name"], "%.0f MiB" % big["peak_rss_mb"], big["peak_rss_mb"] <= 2048)
print("\nRaw figures: %s" % sys.argv[1])
PY
