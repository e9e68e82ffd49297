#!/usr/bin/env bash
# make site-bench: kb's static site build against Hugo on the shared benchmark corpus,
# in one run on this machine, then one table with the ratios.
#
#   bash scripts/site-bench.sh              # HUGO_BUILDS=3, REPEAT=3 by default
#   REPEAT=5 HUGO_BUILDS=5 bash scripts/site-bench.sh
#
# kb renders one page per document, one per folder (as Hugo's list pages), home, the
# codes table and 404, through the same code as `kb site build`, without the offline
# search index (Hugo builds none). Both tools use both cores.
set -euo pipefail
cd "$(dirname "$0")/.."

KIT="${KB_BENCH_KIT:-../shared/bench}"
if [ ! -f "$KIT/run_all.sh" ]; then
  echo "site-bench: the benchmark kit is not at $KIT (set KB_BENCH_KIT)" >&2
  exit 2
fi

echo "site-bench: building kb-site-bench in release mode" >&2
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product kb-site-bench >&2
BIN="$PWD/.build/release"/kb-site-bench

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
out=$(PEERS="hugo" REPEAT="${REPEAT:-3}" HUGO_BUILDS="${HUGO_BUILDS:-3}" OUT_DIR="${OUT_DIR:-$PWD/bench-results}" \
  KB_BENCH_CMD="'$BIN' --corpus \"\$KB_CORPUS_DIR\" --passes \"\$KB_REPEAT\"" \
  bash "$KIT/run_all.sh" | tail -n 1)

python3 - "$out" "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
meta = next((r for r in rows if r.get("peer") == "meta"), {})
print(f"\nSite build benchmark: {meta.get('host_cpus', '?')} CPUs, {meta.get('date', '')}")
print(f"{'tool':<6} {'mode':<18} {'pages':>6} {'median s':>9} {'min s':>7} {'pages/s':>9} {'MiB out':>8} {'peak MiB':>9}")
for r in rows:
    if r.get("peer") not in ("hugo", "kb"):
        continue
    if "error" in r:
        print(f"{r['peer']:<6} ERROR {r['error']}")
        continue
    print(f"{r['peer']:<6} {r['mode']:<18} {r['html_pages']:>6} {r['build_s_median']:>9.3f} {r['build_s_min']:>7.3f} "
          f"{r['pages_per_s']:>9.0f} {r.get('output_mb', 0):>8.1f} {r.get('peak_rss_mb', 0):>9.1f}")
hugo = {r["mode"]: r for r in rows if r.get("peer") == "hugo" and "error" not in r}
kb = {r["mode"]: r for r in rows if r.get("peer") == "kb" and "error" not in r}
print(f"\nLoad average (1/5/15 min): {sys.argv[2]} before, {sys.argv[3]} after")
print("\nTargets (kb pages/s ÷ Hugo pages/s, measured in this run):")
for mode, aim in (("full-build", 2.0), ("render-to-memory", 3.0)):
    if mode in hugo and mode in kb:
        ratio = kb[mode]['pages_per_s'] / hugo[mode]['pages_per_s']
        print(f"  {mode:<18} >= {aim:.0f}× Hugo   {ratio:.2f}×   {'met' if ratio >= aim else 'MISSED'}")
    else:
        print(f"  {mode:<18} >= {aim:.0f}× Hugo   no figure   MISSED")
print(f"\nRaw figures: {sys.argv[1]}")
PY
