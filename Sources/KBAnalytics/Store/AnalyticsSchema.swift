/// The tables and the report's queries, in SQL that SQLite and PostgreSQL both run:
/// the one schema for every store, so moving from one server to several needs no
/// code change. Times are milliseconds since 1970 (UTC), `day` is `YYYY-MM-DD`, UTC.
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
    ]

    // Inserts: one row per event; `?` placeholders, in this order.
    static let insertSearch = "INSERT INTO searches (id, at, day, query, lang, hits, top_ids, took_micros, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
    static let insertClick = "INSERT INTO clicks (search_id, at, target, rank) VALUES (?, ?, ?, ?)"
    static let insertFeedback = "INSERT INTO feedback (at, day, kind, target, lang, helpful, reason, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    static let purge = [
        "DELETE FROM searches WHERE at < ?",
        "DELETE FROM clicks WHERE at < ?",
        "DELETE FROM feedback WHERE at < ?",
    ]

    // The report. Each takes (since, lang, lang): `lang` is '' for every language.
    static let languageFilter = "(? = '' OR lang = ?)"

    static let totals = """
        SELECT
          (SELECT COUNT(*) FROM searches WHERE at >= ? AND \(languageFilter)),
          (SELECT COUNT(*) FROM searches WHERE at >= ? AND \(languageFilter) AND hits = 0),
          (SELECT COUNT(*) FROM clicks c JOIN searches s ON s.id = c.search_id WHERE c.at >= ? AND (? = '' OR s.lang = ?)),
          (SELECT COUNT(*) FROM feedback WHERE at >= ? AND \(languageFilter))
        """

    static let days = """
        SELECT day, COUNT(*), SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END)
        FROM searches WHERE at >= ? AND \(languageFilter)
        GROUP BY day ORDER BY day
        """

    /// Also takes the limit.
    static let topQueries = """
        SELECT query, lang, COUNT(*) AS n, SUM(CASE WHEN hits = 0 THEN 1 ELSE 0 END)
        FROM searches WHERE at >= ? AND \(languageFilter)
        GROUP BY query, lang ORDER BY n DESC, query, lang LIMIT ?
        """

    /// Also takes the limit.
    static let zeroResultQueries = """
        SELECT query, lang, COUNT(*) AS n, COUNT(*)
        FROM searches WHERE at >= ? AND \(languageFilter) AND hits = 0
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
