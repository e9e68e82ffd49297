import Foundation
@testable import KBAnalytics
import Logging
import Testing

/// The SQLite report test's events, and more: ties in the top queries, a search of
/// another day, feedback in Indonesian.
private func sampleEvents() -> [AnalyticsEvent] {
    reportSampleEvents() + [
        searchEvent("Zebra"), searchEvent("apple"), searchEvent("Apple pay", hits: 2),
        searchEvent("older", at: Date().addingTimeInterval(-3 * 86_400)),
        .feedback(FeedbackEvent(subject: .article, id: "Refunds", language: "en", helpful: false, reason: .outdated)),
        .feedback(FeedbackEvent(subject: .code, id: "51", language: "id", helpful: true, comment: "jelas")),
    ]
}

@Suite("PostgreSQL analytics store", .serialized, .enabled(if: PostgresCluster.binaries != nil, PostgresCluster.skipReason), .postgresCluster)
struct PostgresAnalyticsStoreTests {
    var cluster: PostgresCluster { PostgresCluster.current! }

    /// A store on a fresh, empty database of the suite's cluster. `timeout` is generous
    /// by default: the whole test suite shares the machine's cores with the server.
    private func freshStore(timeout: Duration = .seconds(60)) async throws -> PostgresAnalyticsStore {
        try cluster.resetDatabase()
        return try await PostgresAnalyticsStore.connect(try PostgresURL(cluster.url), operationTimeout: timeout)
    }

    @Test("events written arrive, and the report is the SQLite store's report for the same events")
    func reportMatchesSQLite() async throws {
        let store = try await freshStore()
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sqlite = try SQLiteAnalyticsStore(path: folder.databasePath)
        let events = sampleEvents()
        try await store.write(events)
        try await sqlite.write(events)
        for query in [
            ReportQuery(since: .distantPast), ReportQuery(since: Date().addingTimeInterval(-3600)),
            ReportQuery(since: .distantPast, language: "id"), ReportQuery(since: .distantPast, limit: 2),
        ] {
            let postgres = try await store.report(query)
            #expect(postgres == (try await sqlite.report(query)))
        }
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.totals == .init(searches: 9, zeroResults: 7, clicks: 3, feedback: 5))
        #expect(report.zeroResultQueries.first == .init(query: "xyzzy", lang: "en", count: 3, zeroResults: 3))
        #expect(report.pastRank3Queries == [.init(query: "payment link", lang: "en", clicks: 3, pastRank3: 2)])
        #expect(report.days.count == 2)
        await store.close()
    }

    @Test("migrations run twice (and by a second server) apply once; purge deletes what is older than the date")
    func migrationsAreIdempotent() async throws {
        let store = try await freshStore()
        #expect(try await store.appliedMigrations() == AnalyticsSchema.migrations.map(\.name))
        #expect(try await store.migrate() == [])
        let second = try await PostgresAnalyticsStore.connect(try PostgresURL(cluster.url), operationTimeout: .seconds(60))
        #expect(try await second.migrate() == [])
        #expect(try await second.appliedMigrations() == AnalyticsSchema.migrations.map(\.name))

        let old = Date().addingTimeInterval(-200 * 86_400)
        try await store.write([searchEvent("old", at: old), searchEvent("new"), .feedback(FeedbackEvent(date: old, subject: .code, id: "05", language: "en", helpful: false))])
        #expect(try await second.purge(before: Date().addingTimeInterval(-180 * 86_400)) == 2)
        #expect(try await store.report(ReportQuery(since: .distantPast)).topQueries.map(\.query) == ["new"])
        await second.close()
        await store.close()
    }

    @Test("a purge by another server never leaves a writer using the numbers of the queries it deleted")
    func purgeByAnotherServer() async throws {
        let store = try await freshStore()
        let other = try await PostgresAnalyticsStore.connect(try PostgresURL(cluster.url), operationTimeout: .seconds(60))
        try await store.write([searchEvent("first"), searchEvent("kept", at: Date().addingTimeInterval(7200))])
        #expect(try await other.purge(before: Date().addingTimeInterval(3600)) == 1)
        try await other.write([searchEvent("second")])
        try await store.write([searchEvent("first"), searchEvent("first")])
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.topQueries.map { "\($0.query) \($0.count)" } == ["first 2", "kept 1", "second 1"])
        #expect(try await other.purge(before: Date().addingTimeInterval(3600)) == 3)
        #expect(try await store.report(ReportQuery(since: .distantPast)).topQueries.map(\.query) == ["kept"])
        await other.close()
        await store.close()
    }

    @Test("a database of the first schema upgrades as a SQLite file does: the same report, its periods going by the ids")
    func upgradeFromFirstSchema() async throws {
        try cluster.resetDatabase()
        let url = try PostgresURL(cluster.url)
        let store = try await PostgresAnalyticsStore.connect(url, operationTimeout: .seconds(60), migrations: Array(AnalyticsSchema.migrations.prefix(1)))
        try await store.execute(firstSchemaInserts(LegacyEvents.events))
        #expect(try await store.migrate() == AnalyticsSchema.migrations.dropFirst().map(\.name))

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sqlite = try await sqliteStoreUpgraded(at: folder.databasePath, holding: LegacyEvents.events)
        for since in [LegacyEvents.first, LegacyEvents.first.addingTimeInterval(1), LegacyEvents.second, LegacyEvents.second.addingTimeInterval(1)] {
            let report = try await store.report(ReportQuery(since: since))
            #expect(report == (try await sqlite.report(ReportQuery(since: since))))
            let expected = LegacyEvents.expectations(since: since)
            #expect(report.totals.searches == expected.searches, "since \(since)")
            #expect(report.pastRank3Queries.map(\.query) == expected.pastRank3, "since \(since)")
        }
        #expect(try await store.purge(before: LegacyEvents.second) == 2)
        #expect(try await store.report(ReportQuery(since: .distantPast)).topQueries.map(\.query) == ["second", "third"])
        await store.close()
    }

    @Test("PostgreSQL stopped mid-run and restarted: the recorder keeps accepting, is degraded, logs once, and every accepted event arrives")
    func stoppedAndRestarted() async throws {
        // A short timeout: while the server is down, each write fails after it.
        let store = try await freshStore(timeout: .seconds(3))
        let log = CollectingLogHandler()
        let recorder = AnalyticsRecorder(
            store: store, retryInterval: .milliseconds(100), flushInterval: .milliseconds(10),
            logger: Logger(label: "kb-test", factory: { _ in log })
        )
        try await running(recorder) {
            for index in 0..<20 { recorder.record(searchEvent("before \(index % 4)")) }
            #expect(await eventually(seconds: 120) { recorder.writtenCount == 20 })

            try cluster.stop()
            var accepted = 0
            for index in 0..<30 where recorder.record(searchEvent("during \(index % 3)")) { accepted += 1 }
            #expect(accepted == 30, "the recorder accepts while the server is down")
            #expect(await eventually(seconds: 120) { recorder.health != .ok })
            #expect(recorder.writtenCount == 20 && recorder.pendingCount == 30)

            try cluster.start()
            for _ in 0..<5 { recorder.record(searchEvent("after")) }
            #expect(await eventually(seconds: 120) { recorder.writtenCount == 55 && recorder.health == .ok })
        }
        #expect(recorder.droppedCount == 0)
        #expect(log.messages.filter { $0.contains("writing events failed") }.count == 1, "logged once: \(log.messages)")
        #expect(log.messages.contains { $0.contains("works again") })
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.totals.searches == 55)
        #expect(Set(report.topQueries.map(\.query)) == Set((0..<4).map { "before \($0)" } + (0..<3).map { "during \($0)" } + ["after"]))
        await store.close()
    }
}

@Suite("PostgreSQL URLs and dialect")
struct PostgresURLTests {
    @Test("TCP, Unix-socket and sslmode forms", arguments: [
        ("postgres://kb@db.internal:6543/analytics", PostgresURL.Endpoint.tcp(host: "db.internal", port: 6543), "analytics", "postgres://kb@db.internal:6543/analytics"),
        ("postgresql://kb:s3cret@127.0.0.1/kb", .tcp(host: "127.0.0.1", port: 5432), "kb", "postgres://kb@127.0.0.1:5432/kb"),
        ("postgres://kb@%2Fvar%2Frun%2Fpostgresql/kb", .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"), "kb", "postgres://kb@/var/run/postgresql/.s.PGSQL.5432/kb"),
        ("postgres://kb@localhost:5433/kb?host=/tmp/pg", .unixSocket(path: "/tmp/pg/.s.PGSQL.5433"), "kb", "postgres://kb@/tmp/pg/.s.PGSQL.5433/kb"),
    ])
    func forms(text: String, endpoint: PostgresURL.Endpoint, database: String, label: String) throws {
        let url = try PostgresURL(text)
        #expect(url.endpoint == endpoint && url.database == database && url.username == "kb" && url.tls == .disable)
        #expect(url.label == label, "the label never shows a password")
    }

    @Test("bad URLs say what is wrong, without the password", arguments: [
        ("postgres://db.internal/kb", "names no user"),
        ("postgres://kb:s3cret@db/kb?sslmode=verify", "sslmode must be disable, prefer or require, not 'verify'"),
    ])
    func badURLs(text: String, message: String) {
        #expect {
            try PostgresURL(text)
        } throws: { error in
            let description = String(describing: error)
            return description.contains(message) && !description.contains("s3cret")
        }
    }

    @Test("placeholders are numbered outside literals, text columns compare as SQLite's BINARY, a table's layout and row locks are each dialect's, and time digits and days are said in each")
    func dialect() {
        #expect(AnalyticsSchema.postgres("CREATE TABLE t (\n    a TEXT NOT NULL PRIMARY KEY\n) WITHOUT ROWID") ==
            "CREATE TABLE t (\n    a TEXT COLLATE \"C\" NOT NULL PRIMARY KEY\n)")
        let digits = "SELECT TIME_DIGITS(s.at) || x WHERE TIME_DIGITS(at) <> ?"
        #expect(AnalyticsSchema.postgres(digits) == "SELECT lpad(to_hex(s.at), 12, '0') || x WHERE lpad(to_hex(at), 12, '0') <> $1")
        #expect(AnalyticsSchema.sqlite(digits) == "SELECT printf('%012x', s.at) || x WHERE printf('%012x', at) <> ?")
        #expect(AnalyticsSchema.sqlite("SELECT id FROM searches") == "SELECT id FROM searches")
        #expect(AnalyticsSchema.postgres("SELECT ? WHERE (? = '' OR lang = ?) AND x = '?'") == "SELECT $1 WHERE ($2 = '' OR lang = $3) AND x = '?'")
        #expect(AnalyticsSchema.postgres("CREATE TABLE t (\n    a TEXT NOT NULL,\n    b TEXT,\n    c TEXT\n)") ==
            "CREATE TABLE t (\n    a TEXT COLLATE \"C\" NOT NULL,\n    b TEXT COLLATE \"C\",\n    c TEXT COLLATE \"C\"\n)")
        #expect(AnalyticsSchema.postgres("CREATE TABLE t (\n    id INTEGER PRIMARY KEY,\n    n INTEGER NOT NULL\n)") ==
            "CREATE TABLE t (\n    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    n INTEGER NOT NULL\n)")
        let day = "SELECT UTC_DAY(s.at), COUNT(*) FROM t WHERE x = ? GROUP BY 1"
        #expect(AnalyticsSchema.sqlite(day) == "SELECT date(s.at / 1000, 'unixepoch'), COUNT(*) FROM t WHERE x = ? GROUP BY 1")
        #expect(AnalyticsSchema.postgres(day) == "SELECT to_char(to_timestamp(s.at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), COUNT(*) FROM t WHERE x = $1 GROUP BY 1")
        #expect(AnalyticsSchema.sqlite(AnalyticsSchema.purgeCount) == "SELECT n FROM purge_count")
        #expect(AnalyticsSchema.postgres(AnalyticsSchema.purgeCount) == AnalyticsSchema.purgeCount)
    }
}
