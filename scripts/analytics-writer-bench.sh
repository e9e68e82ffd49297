#!/usr/bin/env bash
# The analytics writer alone, beside a peer: N search events written to a new SQLite
# file by kb's store (kb-bench --analytics-writer: events made as kb serve makes them for
# cached answers, written in batches like the recorder's), and the same rows inserted by
# Python's sqlite3 module (the same SQLite library, the same schema, made by kb's own
# migrations, 50-row statements, one transaction per batch; each search's query found
# in a dict of the numbers it has, or added to `queries`, as kb does). Prints CPU and wall time per
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
"$PY" -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute("DELETE FROM searches"); db.execute("DELETE FROM queries"); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); db.execute("VACUUM")' "$WORK/schema.sqlite"

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
    query = ("query number %d about a locked account" % (index % 300), "id" if index % 300 % 3 == 0 else "en",
             index % 300 % 7, "article:unlock-account article:two-factor-authentication code:51", "api")
    rows.append(("%012x%020x" % (at, random.getrandbits(80)), at, query, 40 + index % 300 % 50))
per = 50
def sql(n):
    return ("INSERT INTO searches (id, at, query_id, took_micros) VALUES "
            + ", ".join(["(?, ?, ?, ?)"] * n) + " ON CONFLICT (id) DO NOTHING")
full = sql(per)
numbers = {}
cpu, wall = time.process_time(), time.perf_counter()
for offset in range(0, count, batch):
    db.execute("BEGIN")
    db.execute("SELECT n FROM purge_count").fetchone()
    chunk = rows[offset:offset + batch]
    for i in range(0, len(chunk), per):
        values = []
        for (id, at, query, took) in chunk[i:i + per]:
            number = numbers.get(query)
            if number is None:
                number = db.execute("INSERT INTO queries (query, lang, hits, top_ids, source) VALUES (?, ?, ?, ?, ?)", query).lastrowid
                numbers[query] = number
            values += (id, at, number, took)
        db.execute(full if len(values) == per * 4 else sql(len(values) // 4), values)
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
for name, label in (("kb", "kb (SQLiteAnalyticsStore, GRDB transaction)"), ("peer", "Python sqlite3 (dict of query numbers)")):
    for n in range(1, rounds + 1):
        r = json.load(open("%s/%s-%d.json" % (work, name, n)))
        print("%-44s %12.2f %12.2f %9.1f" % (label if n == 1 else "", r["cpu_us_per_event"], r["wall_us_per_event"], r["file_mb"]))
PYEOF
