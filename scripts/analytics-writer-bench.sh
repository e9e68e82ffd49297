#!/usr/bin/env bash
# The analytics writer alone, beside a peer: N search events written to a new SQLite
# file by kb's store (kb-bench --analytics-writer: events made as kb serve makes them for
# cached answers, written in batches like the recorder's), and the same rows inserted by
# Python's sqlite3 module (the same SQLite library, the same schema, made by kb's own
# migrations, 50-row statements, one transaction per batch). Prints CPU and wall time per
# event for both, in one run, ROUNDS times. Not part of CI.
#
# Usage: scripts/analytics-writer-bench.sh
#   EVENTS=N   events per run (default 200000)   BATCH=N   events per transaction (default 2000)
#   ROUNDS=N   runs of each (default 3)          SKIP_BUILD=1 uses the kb-bench built
set -euo pipefail
cd "$(dirname "$0")/.."

EVENTS="${EVENTS:-200000}"
BATCH="${BATCH:-2000}"
ROUNDS="${ROUNDS:-3}"
PY="${PYTHON:-python3}"

[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product kb-bench
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kb-writer-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# An empty analytics file with kb's schema, made by kb's migrations: a small kb run, emptied.
.build/release/kb-bench --analytics-writer 10 --file "$WORK/schema.sqlite" >/dev/null
"$PY" -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute("DELETE FROM searches"); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); db.execute("VACUUM")' "$WORK/schema.sqlite"

for round in $(seq 1 "$ROUNDS"); do
  .build/release/kb-bench --analytics-writer "$EVENTS" --batch "$BATCH" > "$WORK/kb-$round.json"
  rm -f "$WORK"/peer.sqlite*
  cp "$WORK/schema.sqlite" "$WORK/peer.sqlite"
  "$PY" - "$WORK/peer.sqlite" "$EVENTS" "$BATCH" > "$WORK/peer-$round.json" <<'PYEOF'
import json, os, random, sqlite3, sys, time
path, count, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = NORMAL")
# The rows kb-bench writes: 300 queries in turn, ids ordered by time, 20,000 a second.
start = int(time.time() * 1000)
rows = []
for index in range(count):
    at = start + index // 20
    day = time.strftime("%Y-%m-%d", time.gmtime(at / 1000))
    rows.append(("%012x%020x" % (at, random.getrandbits(80)), at, day,
                 "query number %d about a locked account" % (index % 300), "id" if index % 300 % 3 == 0 else "en",
                 index % 300 % 7, "article:unlock-account article:two-factor-authentication code:51",
                 40 + index % 300 % 50, "api"))
# One flat argument list per 50-row statement, made before the clock starts.
per = 50
statements = []
for offset in range(0, count, batch):
    chunk = rows[offset:offset + batch]
    statements.append([[value for row in chunk[i:i + per] for value in row] for i in range(0, len(chunk), per)])
def sql(n):
    return ("INSERT INTO searches (id, at, day, query, lang, hits, top_ids, took_micros, source) VALUES "
            + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?)"] * n) + " ON CONFLICT (id) DO NOTHING")
full = sql(per)
cpu, wall = time.process_time(), time.perf_counter()
for transaction in statements:
    db.execute("BEGIN")
    for values in transaction:
        db.execute(full if len(values) == per * 9 else sql(len(values) // 9), values)
    db.execute("COMMIT")
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
assert db.execute("SELECT COUNT(*) FROM searches").fetchone()[0] == count
db.close()
size = sum(os.path.getsize(path + suffix) for suffix in ("", "-wal") if os.path.exists(path + suffix))
print(json.dumps({"events": count, "batch": batch, "cpu_us_per_event": round(cpu * 1e6 / count, 3),
                  "wall_us_per_event": round(wall * 1e6 / count, 3), "file_mb": round(size / 1048576, 1)}))
PYEOF
done

"$PY" - "$WORK" "$ROUNDS" "$EVENTS" "$BATCH" <<'PYEOF'
import json, sys
work, rounds, events, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print("%d search events into a new SQLite file, %d per transaction, %d rounds (SQLite %s)" % (
    events, batch, rounds, __import__("sqlite3").sqlite_version))
print("%-44s %12s %12s %9s" % ("", "CPU µs/event", "wall µs/ev.", "file MB"))
for name, label in (("kb", "kb (SQLiteAnalyticsStore, GRDB transaction)"), ("peer", "Python sqlite3 (rows made before the clock)")):
    for n in range(1, rounds + 1):
        r = json.load(open("%s/%s-%d.json" % (work, name, n)))
        print("%-44s %12.2f %12.2f %9.1f" % (label if n == 1 else "", r["cpu_us_per_event"], r["wall_us_per_event"], r["file_mb"]))
PYEOF
