#!/usr/bin/env bash
# make bench: kb's search engine against SQLite FTS5 and tantivy on the shared
# benchmark corpus, in one run on this machine, then one table with the ratios.
#
#   bash scripts/bench.sh              # PEERS="fts5 tantivy" REPEAT=3 by default
#   PEERS="fts5 tantivy" REPEAT=5 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

KIT="${KB_BENCH_KIT:-../shared/bench}"
if [ ! -f "$KIT/run_all.sh" ]; then
  echo "bench: the benchmark kit is not at $KIT (set KB_BENCH_KIT)" >&2
  exit 2
fi

echo "bench: building kb-bench in release mode" >&2
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product kb-bench >&2
BIN="$PWD/.build/release"/kb-bench

out=$(PEERS="${PEERS:-fts5 tantivy}" REPEAT="${REPEAT:-3}" OUT_DIR="${OUT_DIR:-$PWD/bench-results}" \
  KB_BENCH_CMD="'$BIN' --corpus \"\$KB_CORPUS_DIR\" --queries \"\$KB_QUERIES\" --repeat \"\$KB_REPEAT\" --mode all" \
  bash "$KIT/run_all.sh" | tail -n 1)

python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
meta = next((r for r in rows if r.get("peer") == "meta"), {})
print(f"\nSearch benchmark: {meta.get('queries', '?')} queries over the kit's corpus, "
      f"{meta.get('host_cpus', '?')} CPUs, {meta.get('date', '')}")
print(f"{'engine':<10} {'mode':<15} {'build s':>8} {'docs/s':>8} {'p50 µs':>8} {'p99 µs':>8} "
      f"{'mean µs':>8} {'q/s':>9} {'hit':>6} {'peak MiB':>9}")
def us(v):
    return "" if v is None else f"{v * 1000:.1f}"
for r in rows:
    if r.get("peer") in ("meta",) or "error" in r:
        if "error" in r:
            print(f"{r['peer']:<10} ERROR {r['error']}")
        continue
    print(f"{r['peer']:<10} {r.get('mode', ''):<15} {r.get('build_s', 0):>8.3f} {r.get('docs_per_s', 0):>8.0f} "
          f"{us(r.get('p50_ms')):>8} {us(r.get('p99_ms')):>8} {us(r.get('mean_ms')):>8} "
          f"{r.get('qps', 0):>9.0f} {r.get('hit_rate', 0):>6.3f} {r.get('peak_rss_mb', 0):>9.1f}")
kb = {r["mode"]: r for r in rows if r.get("peer") == "kb" and "mode" in r}
print("\nRatios (peer ÷ kb: above 1 means kb is faster or smaller):")
for peer in ("sqlite-fts5", "tantivy"):
    for r in rows:
        if r.get("peer") != peer or "error" in r:
            continue
        mine = kb.get(r["mode"])
        if not mine:
            continue
        def ratio(key):
            return f"{r[key] / mine[key]:.1f}×" if mine.get(key) else "-"
        print(f"  {peer:<8} {r['mode']:<6} p50 {ratio('p50_ms'):>7}  p99 {ratio('p99_ms'):>7}  "
              f"build {ratio('build_s'):>7}  peak RSS {ratio('peak_rss_mb'):>7}")
print()
for r in rows:
    if r.get("peer") == "kb" and r.get("mode") == "fuzzy":
        index_bytes = r.get("index_bytes", r.get("index_mb", 0) * 1048576)
        print(f"kb index: {index_bytes:,.0f} bytes ({r.get('index_bytes_per_doc', 0):,.0f} per document, {r['docs']} documents); "
              f"peak RSS {r.get('peak_rss_mb', 0):.1f} MiB")
# The targets of issue 14, each met or missed.
def target(label, figure, ok):
    print(f"  {label:<44} {figure:<24} {'met' if ok else 'MISSED'}")
print("\nTargets:")
limits = {"and": (8, 40), "or": (12, 40), "fuzzy": (14, 40), "fuzzy+snippets": (25, 80)}
for mode, (p50, p99) in limits.items():
    mine = kb.get(mode)
    if not mine:
        continue
    got50, got99 = mine["p50_ms"] * 1000, mine["p99_ms"] * 1000
    target(f"{mode}: p50 <= {p50} µs, p99 <= {p99} µs", f"{got50:.1f} / {got99:.1f} µs", got50 <= p50 and got99 <= p99)
if kb:
    any_row = next(iter(kb.values()))
    target("index build, kit corpus <= 0.20 s", f"{any_row['build_s']:.3f} s", any_row["build_s"] <= 0.20)
    index_mib = any_row.get("index_bytes", any_row.get("index_mb", 0) * 1048576) / 1048576
    target("the index's own size <= 30 MiB", f"{index_mib:.1f} MiB", index_mib <= 30)
    target("peak RSS <= 30 MiB", f"{any_row.get('peak_rss_mb', 0):.1f} MiB", any_row.get("peak_rss_mb", 0) <= 30)
print(f"\nRaw figures: {sys.argv[1]}")
PY
