import Foundation

/// The tables and the report's queries, in SQL that SQLite and PostgreSQL both run:
/// the one schema for every store, so moving from one server to several needs no
/// code change. Times are milliseconds since 1970 (UTC), `day` is `YYYY-MM-DD`, UTC.
/// Where the two differ, the shared SQL says it once and ``sqlite(_:)`` and
/// ``postgres(_:)`` say it each store's way.
public enum AnalyticsSchema {
    /// Named, append-only migrations, oldest first: a newer kb upgrades an older
    /// database and never edits a migration that has shipped.
    public static let migrations: [(name: String, statements: [String])] = [
        ("v1-events", [
            """
            CREATE TABLE searches (
                id TEXT NOT NULL PRIMARY KEY,
                at BIGINT NOT NULL,
                day TEXT NOT NULL,
                query TEXT NOT NULL,
                lang TEXT NOT NULL,
                hits INTEGER NOT NULL,
                top_ids TEXT NOT NULL,
                took_micros INTEGER NOT NULL,
                source TEXT NOT NULL
            )
            """,
            "CREATE INDEX searches_at ON searches (at)",
            // No index on the query: it would cost every insert, and the report's grouping
            // reads the period's rows (by `at`) once.
            """
            CREATE TABLE clicks (
                search_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                target TEXT NOT NULL,
                rank INTEGER NOT NULL
            )
            """,
            "CREATE INDEX clicks_at ON clicks (at)",
            "CREATE INDEX clicks_search ON clicks (search_id)",
            """
            CREATE TABLE feedback (
                at BIGINT NOT NULL,
                day TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                lang TEXT NOT NULL,
                helpful INTEGER NOT NULL,
                reason TEXT,
                comment TEXT
            )
            """,
            "CREATE INDEX feedback_at ON feedback (at)",
            "CREATE INDEX feedback_target ON feedback (kind, target)",
        ]),
        // A search was written to three B-trees: the table, the index on its id, and the
        // one on its time. Keyed by its id, which begins with its time (``SearchID``), the
        // table is the one B-tree, written at its end, and serves the report's periods.
        ("v2-searches-keyed-by-id", [
            // v1's columns, said again: a shipped migration's text is frozen, so the two
            // share none (a change to shared text would rewrite v1 for new databases).
            """
            CREATE TABLE searches_by_id (
                id TEXT NOT NULL PRIMARY KEY,
                at BIGINT NOT NULL,
                day TEXT NOT NULL,
                query TEXT NOT NULL,
                lang TEXT NOT NULL,
                hits INTEGER NOT NULL,
                top_ids TEXT NOT NULL,
                took_micros INTEGER NOT NULL,
                source TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            // Searches recorded before ids began with their time (128 random bits) get one
            // that does: their time, then the last 80 bits of their id; clicks follow them.
            """
            UPDATE clicks SET search_id = (
                SELECT TIME_DIGITS(s.at) || substr(s.id, 13) FROM searches s WHERE s.id = clicks.search_id
            )
            WHERE search_id IN (SELECT id FROM searches WHERE substr(id, 1, 12) <> TIME_DIGITS(at))
            """,
            """
            INSERT INTO searches_by_id (id, at, day, query, lang, hits, top_ids, took_micros, source)
            SELECT CASE WHEN substr(id, 1, 12) = TIME_DIGITS(at) THEN id ELSE TIME_DIGITS(at) || substr(id, 13) END,
                   at, day, query, lang, hits, top_ids, took_micros, source
            FROM searches
            """,
            "DROP TABLE searches",
            "ALTER TABLE searches_by_id RENAME TO searches",
        ]),
        // A search's query, language, hit count, first three hits and source are the same
        // for every search answered alike (most are answered from the cache): they go into
        // `queries` once, and a search is its id, time, query's number and time taken, a
        // row a third as wide. Its day is said from its time where a report needs it.
        ("v3-searches-share-queries", [
            """
            CREATE TABLE queries (
                id INTEGER PRIMARY KEY,
                query TEXT NOT NULL,
                lang TEXT NOT NULL,
                hits INTEGER NOT NULL,
                top_ids TEXT NOT NULL,
                source TEXT NOT NULL
            )
            """,
            // How many purges have run: a writer keeps the query numbers it has found until
            // this changes, since a purge deletes the queries no search refers to any more.
            "CREATE TABLE purge_count (n BIGINT NOT NULL)",
            "INSERT INTO purge_count (n) VALUES (0)",
            """
            INSERT INTO queries (query, lang, hits, top_ids, source)
            SELECT DISTINCT query, lang, hits, top_ids, source FROM searches
            """,
            // For the copy below only: writers keep no index on queries (see addQuery).
            "CREATE INDEX queries_v3_copy ON queries (query, lang, hits, top_ids, source)",
            """
            CREATE TABLE searches_v3 (
                id TEXT NOT NULL PRIMARY KEY,
                at BIGINT NOT NULL,
                query_id BIGINT NOT NULL,
                took_micros INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            """
            INSERT INTO searches_v3 (id, at, query_id, took_micros)
            SELECT s.id, s.at, q.id, s.took_micros
            FROM searches s JOIN queries q
              ON q.query = s.query AND q.lang = s.lang AND q.hits = s.hits AND q.top_ids = s.top_ids AND q.source = s.source
            """,
            "DROP INDEX queries_v3_copy",
            "DROP TABLE searches",
            "ALTER TABLE searches_v3 RENAME TO searches",
        ]),
    ]

    /// `sql` for SQLite: `TIME_DIGITS(x)`, the 12 hex digits of the milliseconds `x` as a
    /// search id begins with them (``SearchID/timePrefix(of:)``), said with `printf`;
    /// `UTC_DAY(x)`, the UTC day (`YYYY-MM-DD`) of the milliseconds `x`, with `date`; and
    /// no row locks (`FOR SHARE`: SQLite's one writer at a time is the lock).
    static func sqlite(_ sql: String) -> String {
        let sql = expanding("TIME_DIGITS", in: sql) { "printf('%012x', \($0))" }
        return expanding("UTC_DAY", in: sql) { "date(\($0) / 1000, 'unixepoch')" }
            .replacingOccurrences(of: " FOR SHARE", with: "")
    }

    /// `sql` with each `name(x)` (`x` a column, no parentheses) replaced by `spelling(x)`.
    static func expanding(_ name: String, in sql: String, _ spelling: (Substring) -> String) -> String {
        var result = ""
        var rest = sql[...]
        while let call = rest.range(of: name + "("), let close = rest[call.upperBound...].firstIndex(of: ")") {
            result += rest[..<call.lowerBound]
            result += spelling(rest[call.upperBound..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // Inserts: one row per event; `?` placeholders, in this order.
    static let insertSearch = "INSERT INTO searches (id, at, query_id, took_micros) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
    static let insertClick = "INSERT INTO clicks (search_id, at, target, rank) VALUES (?, ?, ?, ?)"
    static let insertFeedback = "INSERT INTO feedback (at, day, kind, target, lang, helpful, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    // A search's query (``SearchQuery``): the purge count, read before the writer uses the
    // numbers it keeps (a purge that runs meanwhile waits for the write, in PostgreSQL,
    // or the write waits for it); a query added, by its values in order, and numbered by
    // PostgreSQL (`RETURNING id`: several servers add queries at once); in SQLite, whose
    // one writer numbers the queries it adds itself, after the highest number, and
    // inserts them 50 a statement (one statement each, with `RETURNING`, cost 5.5 µs a
    // search whose query was new, against 2 µs for a search row before queries).
    // `queries` has no index on its values: each writer keeps the numbers of those it
    // added (``QueryNumbers``), and a query added again (by another server, after a
    // restart or a purge) is a second row of the same values, which the report's grouping
    // by query counts as one. An index would cost every new query, in the long tail of
    // queries typed once, more than its row (measured: 9.5 µs a search instead of 2).
    static let purgeCount = "SELECT n FROM purge_count FOR SHARE"
    static let addQuery = "INSERT INTO queries (query, lang, hits, top_ids, source) VALUES (?, ?, ?, ?, ?) RETURNING id"
    static let highestQueryNumber = "SELECT max(id) FROM queries"
    private static let addNumberedQuery = "INSERT INTO queries (id, query, lang, hits, top_ids, source) VALUES (?, ?, ?, ?, ?, ?)"
    private static let fullNumberedQueries = insert(addNumberedQuery, rows: rowsPerInsert)

    /// The insert of `count` numbered queries: the number, then ``SearchQuery``'s values.
    static func numberedQueries(_ count: Int) -> String {
        count == rowsPerInsert ? fullNumberedQueries : insert(addNumberedQuery, rows: count)
    }

    /// What retention deletes: the events before `date` (searches by their ids' time),
    /// then the queries no search refers to any more. `counted` statements delete events
    /// (a purge returns how many); the first says a purge ran, to every writer.
    static func purge(before date: Date) -> [(sql: String, values: [EventValue], counted: Bool)] {
        let milliseconds = EventValue.integer(date.milliseconds)
        return [
            ("UPDATE purge_count SET n = n + 1", [], false),
            ("DELETE FROM searches WHERE id < ?", [.text(SearchID.timePrefix(of: date))], true),
            ("DELETE FROM clicks WHERE at < ?", [milliseconds], true),
            ("DELETE FROM feedback WHERE at < ?", [milliseconds], true),
            ("""
             DELETE FROM queries WHERE id IN (
               SELECT q.id FROM queries q LEFT JOIN searches s ON s.query_id = q.id WHERE s.id IS NULL
             )
             """, [], false),
        ]
    }

    // The report. Each takes (since, lang, lang): `lang` is '' for every language. For
    // searches, `since` is the time digits their ids begin with (``SearchID/timePrefix(of:)``),
    // so that the period is a range of the table's key; for clicks and feedback, milliseconds.
    static let languageFilter = "(? = '' OR lang = ?)"
    /// Searches with their queries: `s` and `q`.
    static let searchesWithQueries = "searches s JOIN queries q ON q.id = s.query_id"
    static let searchFilter = "s.id >= ? AND (? = '' OR q.lang = ?)"

    static let totals = """
        SELECT
          (SELECT COUNT(*) FROM \(searchesWithQueries) WHERE \(searchFilter)),
          (SELECT COUNT(*) FROM \(searchesWithQueries) WHERE \(searchFilter) AND q.hits = 0),
          (SELECT COUNT(*) FROM clicks c JOIN searches s ON s.id = c.search_id JOIN queries q ON q.id = s.query_id WHERE c.at >= ? AND (? = '' OR q.lang = ?)),
          (SELECT COUNT(*) FROM feedback WHERE at >= ? AND \(languageFilter))
        """

    static let days = """
        SELECT UTC_DAY(s.at), COUNT(*), SUM(CASE WHEN q.hits = 0 THEN 1 ELSE 0 END)
        FROM \(searchesWithQueries) WHERE \(searchFilter)
        GROUP BY 1 ORDER BY 1
        """

    /// Also takes the limit.
    static let topQueries = """
        SELECT q.query, q.lang, COUNT(*) AS n, SUM(CASE WHEN q.hits = 0 THEN 1 ELSE 0 END)
        FROM \(searchesWithQueries) WHERE \(searchFilter)
        GROUP BY q.query, q.lang ORDER BY n DESC, q.query, q.lang LIMIT ?
        """

    /// Also takes the limit.
    static let zeroResultQueries = """
        SELECT q.query, q.lang, COUNT(*) AS n, COUNT(*)
        FROM \(searchesWithQueries) WHERE \(searchFilter) AND q.hits = 0
        GROUP BY q.query, q.lang ORDER BY n DESC, q.query, q.lang LIMIT ?
        """

    /// Queries with clicks, where more than half of them went past rank 3. Also takes the limit.
    static let pastRank3Queries = """
        SELECT q.query, q.lang, COUNT(*) AS n, SUM(CASE WHEN c.rank > 3 THEN 1 ELSE 0 END) AS past
        FROM clicks c JOIN searches s ON s.id = c.search_id JOIN queries q ON q.id = s.query_id
        WHERE c.at >= ? AND (? = '' OR q.lang = ?)
        GROUP BY q.query, q.lang
        HAVING 2 * SUM(CASE WHEN c.rank > 3 THEN 1 ELSE 0 END) > COUNT(*)
        ORDER BY past DESC, q.query, q.lang LIMIT ?
        """

    /// Pages by share of "yes", lowest first. Also takes the limit.
    static let pages = """
        SELECT kind, target, SUM(helpful) AS yes, SUM(1 - helpful) AS no
        FROM feedback WHERE at >= ? AND \(languageFilter)
        GROUP BY kind, target
        ORDER BY (SUM(helpful) * 1.0) / COUNT(*), SUM(1 - helpful) DESC, kind, target LIMIT ?
        """

    static let reasons = """
        SELECT kind, target, reason, COUNT(*)
        FROM feedback WHERE at >= ? AND \(languageFilter) AND reason IS NOT NULL
        GROUP BY kind, target, reason
        """

    /// Newest first; also takes a limit.
    static let comments = """
        SELECT kind, target, at, helpful, comment
        FROM feedback WHERE at >= ? AND \(languageFilter) AND comment IS NOT NULL
        ORDER BY at DESC LIMIT ?
        """
}
