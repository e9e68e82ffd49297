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
    ]

    /// `sql` for SQLite: `TIME_DIGITS(x)`, the 12 hex digits of the milliseconds `x` as a
    /// search id begins with them (``SearchID/timePrefix(of:)``), said with `printf`.
    static func sqlite(_ sql: String) -> String {
        expandingTimeDigits(sql) { "printf('%012x', \($0))" }
    }

    /// `sql` with each `TIME_DIGITS(x)` (`x` a column, no parentheses) replaced by `spelling(x)`.
    static func expandingTimeDigits(_ sql: String, _ spelling: (Substring) -> String) -> String {
        var result = ""
        var rest = sql[...]
        while let call = rest.range(of: "TIME_DIGITS("), let close = rest[call.upperBound...].firstIndex(of: ")") {
            result += rest[..<call.lowerBound]
            result += spelling(rest[call.upperBound..<close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    // Inserts: one row per event; `?` placeholders, in this order.
    static let insertSearch = "INSERT INTO searches (id, at, day, query, lang, hits, top_ids, took_micros, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
    static let insertClick = "INSERT INTO clicks (search_id, at, target, rank) VALUES (?, ?, ?, ?)"
    static let insertFeedback = "INSERT INTO feedback (at, day, kind, target, lang, helpful, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    /// What retention deletes: the events before `date`, searches by their ids' time.
    static func purge(before date: Date) -> [(sql: String, values: [EventValue])] {
        let milliseconds = EventValue.integer(date.milliseconds)
        return [
            ("DELETE FROM searches WHERE id < ?", [.text(SearchID.timePrefix(of: date))]),
            ("DELETE FROM clicks WHERE at < ?", [milliseconds]),
            ("DELETE FROM feedback WHERE at < ?", [milliseconds]),
        ]
    }

    // The report. Each takes (since, lang, lang): `lang` is '' for every language. For
    // searches, `since` is the time digits their ids begin with (``SearchID/timePrefix(of:)``),
    // so that the period is a range of the table's key; for clicks and feedback, milliseconds.
    static let languageFilter = "(? = '' OR lang = ?)"
    static let searchFilter = "id >= ? AND \(languageFilter)"

    static let totals = """
        SELECT
          (SELECT COUNT(*) FROM searches WHERE \(searchFilter)),
          (SELECT COUNT(*) FROM searches WHERE \(searchFilter) AND hits = 0),
          (SELECT COUNT(*) FROM clicks c JOIN searches s ON s.id = c.search_id WHERE c.at >= ? AND (? = '' OR s.lang = ?)),
          (SELECT COUNT(*) FROM feedback WHERE at >= ? AND \(languageFilter))
        """

    static let days = """
        SELECT day, COUNT(*), SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END)
        FROM searches WHERE \(searchFilter)
        GROUP BY day ORDER BY day
        """

    /// Also takes the limit.
    static let topQueries = """
        SELECT query, lang, COUNT(*) AS n, SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END)
        FROM searches WHERE \(searchFilter)
        GROUP BY query, lang ORDER BY n DESC, query, lang LIMIT ?
        """

    /// Also takes the limit.
    static let zeroResultQueries = """
        SELECT query, lang, COUNT(*) AS n, COUNT(*)
        FROM searches WHERE \(searchFilter) AND hits = 0
        GROUP BY query, lang ORDER BY n DESC, query, lang LIMIT ?
        """

    /// Queries with clicks, where more than half of them went past rank 3. Also takes the limit.
    static let pastRank3Queries = """
        SELECT s.query, s.lang, COUNT(*) AS n, SUM(CASE WHEN c.rank > 3 THEN 1 ELSE 0 END) AS past
        FROM clicks c JOIN searches s ON s.id = c.search_id
        WHERE c.at >= ? AND (? = '' OR s.lang = ?)
        GROUP BY s.query, s.lang
        HAVING 2 * SUM(CASE WHEN c.rank > 3 THEN 1 ELSE 0 END) > COUNT(*)
        ORDER BY past DESC, s.query, s.lang LIMIT ?
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
