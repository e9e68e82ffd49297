import Foundation
import GRDB
import Synchronization
@testable import KBAnalytics
import Testing

@Suite("SQLite analytics store")
struct SQLiteAnalyticsStoreTests {
    @Test("the report counts searches, zero-result queries, clicks past rank 3 and feedback")
    func report() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        try await store.write(reportSampleEvents())
        let report = try await store.report(ReportQuery(since: Date().addingTimeInterval(-3600)))
        #expect(report.totals == .init(searches: 5, zeroResults: 4, clicks: 3, feedback: 3))
        #expect(report.zeroResultQueries.first == .init(query: "xyzzy", lang: "en", count: 3, zeroResults: 3))
        #expect(report.zeroResultQueries.count == 2)
        #expect(report.topQueries.map(\.query) == ["xyzzy", "payment link", "tidak ada"])
        #expect(report.pastRank3Queries == [.init(query: "payment link", lang: "en", clicks: 3, pastRank3: 2)])
        #expect(report.pages.map(\.id) == ["unlock-account", "51"])
        #expect(report.pages.first?.reasons == ["unclear": 1])
        #expect(report.pages.first?.comments.map(\.text) == ["too long"])
        #expect(report.days.count == 1 && report.days.first?.searches == 5 && report.days.first?.zeroResults == 4)

        let indonesian = try await store.report(ReportQuery(since: Date().addingTimeInterval(-3600), language: "id"))
        #expect(indonesian.totals.searches == 1 && indonesian.zeroResultQueries.map(\.query) == ["tidak ada"])
        let tomorrow = try await store.report(ReportQuery(since: Date().addingTimeInterval(86_400)))
        #expect(tomorrow.totals == .init(searches: 0, zeroResults: 0, clicks: 0, feedback: 0))
    }

    @Test("the file is in WAL mode with every migration applied, and opens again (a newer kb opens an older file)")
    func migrations() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            let store = try SQLiteAnalyticsStore(path: folder.databasePath)
            try await store.write([searchEvent("first")])
            try await store.close()
        }
        let reopened = try SQLiteAnalyticsStore(path: folder.databasePath)
        try await reopened.write([searchEvent("second")])
        #expect(try await reopened.report(ReportQuery(since: .distantPast)).totals.searches == 2)
        try await reopened.close()
        let queue = try DatabaseQueue(path: folder.databasePath)
        let (mode, applied) = try await queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try SQLiteAnalyticsStore.migrator.appliedMigrations(db))
        }
        #expect(mode == "wal")
        #expect(applied == AnalyticsSchema.migrations.map(\.name))
    }

    @Test("a file of the first schema upgrades: searches keyed by their ids, ids that did not begin with their time given one (their clicks follow), and the report's periods go by them")
    func upgradeFromFirstSchema() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try await sqliteStoreUpgraded(at: folder.databasePath, holding: LegacyEvents.events)
        for since in [LegacyEvents.first, LegacyEvents.first.addingTimeInterval(1), LegacyEvents.second, LegacyEvents.second.addingTimeInterval(1)] {
            let report = try await store.report(ReportQuery(since: since))
            let expected = LegacyEvents.expectations(since: since)
            #expect(report.totals.searches == expected.searches, "since \(since)")
            #expect(report.pastRank3Queries.map(\.query) == expected.pastRank3, "since \(since)")
        }
        // From the millisecond after the first search: it is not in the period.
        #expect(try await store.report(ReportQuery(since: LegacyEvents.first.addingTimeInterval(0.001))).totals.searches == 2)
        try await store.close()

        let queue = try DatabaseQueue(path: folder.databasePath)
        let (table, indexes, ids, clicked) = try await queue.read { db in
            (try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'searches'"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'searches'"),
             try String.fetchAll(db, sql: "SELECT id FROM searches ORDER BY at"),
             try String.fetchAll(db, sql: "SELECT search_id FROM clicks ORDER BY at"))
        }
        #expect(table?.hasSuffix(") WITHOUT ROWID") == true)
        #expect(indexes == [])
        let upgraded = [LegacyEvents.upgraded(LegacyEvents.high, at: LegacyEvents.first), LegacyEvents.upgraded(LegacyEvents.low, at: LegacyEvents.second)]
        #expect(ids == upgraded + [LegacyEvents.current.id.description])
        #expect(clicked == upgraded)
    }

    @Test("a report's period starts at its millisecond: a search made a millisecond before is not in it, one made at it is")
    func periodStartsAtItsMillisecond() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let since = Date(timeIntervalSince1970: 1_795_000_000.25)
        try await store.write([searchEvent("before", at: since.addingTimeInterval(-0.001)), searchEvent("at", at: since), searchEvent("after", at: since.addingTimeInterval(0.001))])
        let report = try await store.report(ReportQuery(since: since))
        #expect(Set(report.topQueries.map(\.query)) == ["at", "after"])
        #expect(try await store.purge(before: since) == 1)
        #expect(try await store.report(ReportQuery(since: .distantPast)).totals.searches == 2)
    }

    @Test("purge deletes what is older than the date, and nothing newer")
    func purge() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let old = Date().addingTimeInterval(-200 * 86_400)
        try await store.write([
            searchEvent("old", at: old), searchEvent("new"),
            .feedback(FeedbackEvent(date: old, subject: .code, id: "05", language: "en", helpful: false)),
        ])
        let deleted = try await store.purge(before: Date().addingTimeInterval(-180 * 86_400))
        #expect(deleted == 2)
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.totals.searches == 1 && report.totals.feedback == 0 && report.topQueries.map(\.query) == ["new"])
        // The old search's query is gone with it: no text outlives its searches.
        try await store.close()
        let queries = try await DatabaseQueue(path: folder.databasePath).read { db in try String.fetchAll(db, sql: "SELECT query FROM queries") }
        #expect(queries == ["new"])
    }

    @Test("searches answered alike share one row of queries, within a write and across writes; another hit count is another row")
    func searchesShareQueries() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let alike = { searchEvent("kartu ditolak", hits: 2, lang: "id") }
        try await store.write([alike(), alike(), searchEvent("other"), alike()])
        try await store.write([alike(), searchEvent("kartu ditolak", lang: "id"), alike()])
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.topQueries == [.init(query: "kartu ditolak", lang: "id", count: 6, zeroResults: 1), .init(query: "other", lang: "en", count: 1, zeroResults: 1)])
        try await store.close()
        let (queries, searches) = try await DatabaseQueue(path: folder.databasePath).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM queries"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM searches"))
        }
        #expect(queries == 3 && searches == 7)
    }

    @Test("new queries are numbered after the file's highest, 50 to a statement: 120 in one write, again from the writer's numbers, and again by a writer opened afresh")
    func manyNewQueries() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Each call makes new searches (new ids) of the same 120 queries.
        let events = { (0..<120).map { searchEvent("query \($0)") } }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        try await store.write(events())
        try await store.write(events().reversed())
        try await store.close()
        let reopened = try SQLiteAnalyticsStore(path: folder.databasePath)
        try await reopened.write(events() + [searchEvent("query 0")])
        let report = try await reopened.report(ReportQuery(since: .distantPast, limit: 500))
        #expect(report.totals.searches == 361)
        #expect(Dictionary(uniqueKeysWithValues: report.topQueries.map { ($0.query, $0.count) }) ==
            Dictionary(uniqueKeysWithValues: (0..<120).map { ("query \($0)", $0 == 0 ? 4 : 3) }))
        try await reopened.close()
        let numbers = try await DatabaseQueue(path: folder.databasePath).read { db in try Int64.fetchAll(db, sql: "SELECT id FROM queries ORDER BY id") }
        #expect(numbers == Array(1...240))
    }

    @Test("a purge by another process (kb analytics purge beside kb serve) never leaves a writer using the numbers of deleted queries")
    func purgeByAnotherProcess() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let server = try SQLiteAnalyticsStore(path: folder.databasePath)
        try await server.write([searchEvent("first")])
        let command = try SQLiteAnalyticsStore(path: folder.databasePath)
        #expect(try await command.purge(before: Date().addingTimeInterval(86_400)) == 1)
        // SQLite gives the next query the number "first" had; the server must not take it for "first".
        try await command.write([searchEvent("second")])
        try await command.close()
        try await server.write([searchEvent("first"), searchEvent("first")])
        let report = try await server.report(ReportQuery(since: .distantPast))
        #expect(report.topQueries.map { "\($0.query) \($0.count)" } == ["first 2", "second 1"])
    }

    @Test("a file of the second schema upgrades: searches of one query, language, hit count, first hits and source share its row, and keep their ids, times and durations")
    func upgradeFromSecondSchema() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        let alike = { (offset: Double, hits: Int) in
            AnalyticsEvent.search(SearchEvent(date: date.addingTimeInterval(offset), query: "kartu ditolak", language: "id", hits: hits,
                                              topIDs: hits > 0 ? ["code:05", "article:card-declined"] : [], tookMicros: Int(offset), source: .site))
        }
        let events = [alike(0, 2), alike(1, 2), alike(2, 0), alike(3, 2), searchEvent("other", at: date.addingTimeInterval(86_400))]
        let queue = try DatabaseQueue(path: folder.databasePath)
        try SQLiteAnalyticsStore.migrator.migrate(queue, upTo: AnalyticsSchema.migrations[1].name)
        try await queue.write { db in
            for (sql, values) in firstSchemaInserts(events) { try db.execute(sql: sql, arguments: StatementArguments(values.map(\.databaseValue))) }
        }
        try queue.close()

        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let upgradedQueries = try await DatabaseQueue(path: folder.databasePath).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM queries") }
        #expect(upgradedQueries == 3)
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.topQueries == [.init(query: "kartu ditolak", lang: "id", count: 4, zeroResults: 1), .init(query: "other", lang: "en", count: 1, zeroResults: 1)])
        #expect(report.days == [.init(day: "2026-11-18", searches: 4, zeroResults: 1), .init(day: "2026-11-19", searches: 1, zeroResults: 1)])
        // And it is written to as any file of this schema.
        let later = alike(4, 2)
        try await store.write([later])
        #expect(try await store.report(ReportQuery(since: .distantPast)).topQueries.first?.count == 5)
        try await store.close()
        let (queries, searches) = try await DatabaseQueue(path: folder.databasePath).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM queries"),
             try Row.fetchAll(db, sql: "SELECT id, at, took_micros FROM searches ORDER BY id").map { [$0[0] as String, "\($0[1] as Int64)", "\($0[2] as Int)"] })
        }
        // A writer that did not add a query adds it again (queries has no index on its
        // values): a second row, which the report counted as the same query above.
        #expect(queries == 4)
        let expected = (events + [later]).compactMap { event -> [String]? in
            guard case let .search(search) = event else { return nil }
            return [search.id.description, "\(search.date.milliseconds)", "\(search.tookMicros)"]
        }
        #expect(searches == expected.sorted { $0[0] < $1[0] })
    }

    @Test("text past the binder's buffer (50 comments of 500 four-byte characters) is bound for SQLite to copy, and every byte lands")
    func textPastTheBuffer() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        // 50 × 2,000 bytes: more than the 64 KiB the binder copies text into, in one statement.
        let comments = (0..<50).map { index in String(repeating: "😀", count: 499) + String(index % 10) }
        #expect(comments.reduce(0) { $0 + $1.utf8.count } > 64 * 1024)
        let events: [AnalyticsEvent] = comments.enumerated().map { index, comment in
            .feedback(FeedbackEvent(subject: .article, id: "page-\(index)", language: "en", helpful: false, comment: comment))
        }
        try await store.write(events)
        // And a statement after it, with the buffer used from its start again.
        try await store.write([searchEvent("after the long comments")])
        try await store.close()
        let queue = try DatabaseQueue(path: folder.databasePath)
        let (stored, queries) = try await queue.read { db in
            (try String.fetchAll(db, sql: "SELECT comment FROM feedback ORDER BY rowid"),
             try String.fetchAll(db, sql: "SELECT q.query FROM searches s JOIN queries q ON q.id = s.query_id"))
        }
        #expect(stored == comments)
        #expect(queries == ["after the long comments"])
    }

    @Test("each value lands in its column as given: empty text stays text, a missing one is NULL, and a repeated search id is stored once")
    func rowsAsGiven() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        let search = SearchEvent(id: SearchID(at: date), date: date, query: "Kartu  ditolak", language: "id",
                                 hits: 2, topIDs: ["code:05", "article:card-declined"], tookMicros: 41, source: .site)
        let empty = SearchEvent(date: date, query: "xyzzy", language: "en", hits: 0, topIDs: [], tookMicros: 7, source: .cli)
        try await store.write([
            .search(search), .search(empty), .search(search),
            .click(ClickEvent(searchID: search.id, date: date, target: "code:05", rank: 1)),
            .feedback(FeedbackEvent(date: date, subject: .article, id: "unlock-account", language: "en", helpful: false, reason: .unclear, comment: "ok")),
            .feedback(FeedbackEvent(date: date, subject: .code, id: "05", language: "id", helpful: true)),
        ])
        try await store.close()
        let queue = try DatabaseQueue(path: folder.databasePath)
        let (searches, clicks, feedback) = try queue.read { db in
            (try Row.fetchAll(db, sql: """
                SELECT s.id, s.at, q.query, q.lang, q.hits, q.top_ids, s.took_micros, q.source, typeof(q.top_ids)
                FROM searches s JOIN queries q ON q.id = s.query_id ORDER BY q.hits DESC
                """),
             try Row.fetchAll(db, sql: "SELECT search_id, at, target, rank FROM clicks"),
             try Row.fetchAll(db, sql: "SELECT at, day, kind, target, lang, helpful, reason, comment FROM feedback ORDER BY helpful"))
        }
        let text = { (value: String) in value.databaseValue }
        let number = { (value: Int64) in value.databaseValue }
        #expect(searches.count == 2)
        let first: [DatabaseValue] = [
            text(search.id.description), number(1_795_000_000_250), text("kartu ditolak"), text("id"), number(2),
            text("code:05 article:card-declined"), number(41), text("site"), text("text"),
        ]
        #expect(searches.first.map { Array($0.databaseValues) } == first)
        let last: [DatabaseValue] = [text(empty.id.description), number(1_795_000_000_250), text("xyzzy"), text("en"), number(0), text(""), number(7), text("cli"), text("text")]
        #expect(searches.last.map { Array($0.databaseValues) } == last)
        let click: [DatabaseValue] = [text(search.id.description), number(1_795_000_000_250), text("code:05"), number(1)]
        #expect(clicks.map { Array($0.databaseValues) } == [click])
        let unhelpful: [DatabaseValue] = [
            number(1_795_000_000_250), text("2026-11-18"), text("article"), text("unlock-account"), text("en"), number(0), text("unclear"), text("ok"),
        ]
        let helpful: [DatabaseValue] = [number(1_795_000_000_250), text("2026-11-18"), text("code"), text("05"), text("id"), number(1), .null, .null]
        #expect(feedback.map { Array($0.databaseValues) } == [unhelpful, helpful])
    }

    @Test("days are UTC calendar days", arguments: [
        (0.0, "1970-01-01"), (951_782_400.0, "2000-02-29"), (1_795_000_000.0, "2026-11-18"), (1_795_046_399.0, "2026-11-18"),
        (-86_400.0, "1969-12-31"), (-62_135_596_800.0, "0001-01-01"), (253_402_300_799.0, "9999-12-31"), (253_402_300_800.0, "10000-01-01"),
    ])
    func utcDays(seconds: Double, day: String) {
        #expect(Date(timeIntervalSince1970: seconds).utcDay == day)
    }
}

@Suite("Query numbers a writer keeps")
struct QueryNumbersTests {
    private func query(_ text: String) -> SearchQuery {
        SearchQuery(query: text, language: "en", hits: 1, topIDs: "code:51", source: .api)
    }

    @Test("kept while the purge count stays, forgotten when it changes, and never more than the capacity")
    func keptUntilAPurge() {
        var numbers = QueryNumbers()
        var write = numbers.write(purges: 0)
        write.add(query("a"), number: 1)
        numbers.merge(write)
        #expect(numbers.write(purges: 0).number(of: query("a")) == 1)
        #expect(numbers.write(purges: 1).number(of: query("a")) == nil)
        numbers.merge(numbers.write(purges: 1))
        #expect(numbers.count == 0 && numbers.write(purges: 0).number(of: query("a")) == nil)

        write = numbers.write(purges: 1)
        for index in 0..<QueryNumbers.capacity { write.add(query("q\(index)"), number: Int64(index)) }
        numbers.merge(write)
        #expect(numbers.count == QueryNumbers.capacity)
        write = numbers.write(purges: 1)
        write.add(query("one more"), number: -1)
        numbers.merge(write)
        #expect(numbers.count == 1 && numbers.write(purges: 1).number(of: query("one more")) == -1)
    }

    @Test("a write's numbers: one for each search in order, found or resolved once per query, none for other events")
    func numbersInOrder() throws {
        var write = QueryNumbers().write(purges: 0)
        var resolved: [String] = []
        let events = [searchEvent("a"), .click(ClickEvent(searchID: SearchID(), target: "code:51", rank: 1)), searchEvent("b"), searchEvent("a")]
        let numbers = write.numbers(of: events) { query in
            resolved.append(query.query)
            return Int64(resolved.count * 10)
        }
        #expect(numbers == [10, 0, 20, 10] && resolved == ["a", "b"])
        let fresh = QueryNumbers().write(purges: 0)
        #expect(fresh.unknown(in: [searchEvent("b"), searchEvent("a"), searchEvent("b", hits: 1), searchEvent("b")]).map { "\($0.query) \($0.hits)" } == ["b 0", "a 0", "b 1"])
        #expect(write.unknown(in: [searchEvent("b"), searchEvent("c"), searchEvent("a")]).map(\.query) == ["c"])
    }
}

@Suite("Multi-row inserts")
struct MultiRowInsertTests {
    @Test("one row's insert becomes n rows' insert, the conflict clause kept")
    func insertStatement() {
        let sql = AnalyticsSchema.insert("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO NOTHING", rows: 3)
        #expect(sql == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON CONFLICT (a) DO NOTHING")
    }

    @Test("runs of one kind are chunked, kinds never mixed in a statement")
    func chunks() {
        let events = (0..<120).map { searchEvent("q\($0)") } + [.click(ClickEvent(searchID: SearchID(), target: "code:51", rank: 1))] + [searchEvent("last")]
        let statements = AnalyticsSchema.inserts(events, queries: Array(0..<Int64(events.count)))
        #expect(statements.map { $0.values.count } == [50 * 4, 50 * 4, 20 * 4, 4, 4])
        // Each search is written with its own query number, in order.
        #expect(statements[1].values[2] == .integer(50) && statements[4].values[2] == .integer(121))
    }
}

@Suite("Search ids")
struct SearchIDTests {
    @Test("32 lowercase hex digits, all distinct, in the order of their times (the table keyed by them grows at its end)")
    func timeOrdered() {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let ids = (0..<1000).map { SearchID(at: start.addingTimeInterval(Double($0) / 100)) }
        let texts = ids.map(\.description)
        #expect(texts.allSatisfy { $0.utf8.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(texts).count == ids.count)
        // 10 ms apart: each later id sorts later, as a value and as text.
        #expect(ids == ids.sorted() && texts == texts.sorted())
        let sameTime = (0..<100).map { _ in SearchID(at: start).description }
        #expect(Set(sameTime.map { $0.prefix(12) }).count == 1 && Set(sameTime).count == 100)
    }

    @Test("a time's digits: ids made at it begin with them, ids made after sort after them, ids made a millisecond before sort before")
    func timePrefix() {
        let date = Date(timeIntervalSince1970: 1_795_000_000.25)
        let prefix = SearchID.timePrefix(of: date)
        #expect(prefix == String(1_795_000_000_250, radix: 16).leftPadded(to: 12))
        for _ in 0..<100 {
            #expect(SearchID(at: date).description.hasPrefix(prefix))
            #expect(SearchID(at: date.addingTimeInterval(0.001)).description > prefix)
            #expect(SearchID(at: date.addingTimeInterval(-0.001)).description < prefix)
        }
        #expect(SearchID.timePrefix(of: .distantPast) == "000000000000")
    }

    @Test("an id's text reads back as the id; anything else is not an id")
    func parsing() {
        let id = SearchID(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210)
        #expect(id.description == "0123456789abcdeffedcba9876543210")
        #expect(SearchID(id.description) == id)
        let fresh = SearchID()
        #expect(SearchID(fresh.description) == fresh)
        var digits = [UInt8](repeating: 0, count: SearchID.length)
        digits.withUnsafeMutableBytes { fresh.write(to: $0) }
        #expect(String(decoding: digits, as: UTF8.self) == fresh.description)
        for text in ["", "x", "0123456789abcdeffedcba987654321", "0123456789abcdeffedcba98765432100",
                     "0123456789ABCDEFFEDCBA9876543210", "0123456789abcdeffedcba987654321g", "0123456789abcdeffedcba98765432 0"] {
            #expect(SearchID(text) == nil, "\(text)")
        }
    }

    @Test("the random byte pool refills when drawn dry and never hands out the same bytes twice")
    func randomPool() {
        let pool = RandomBytePool(size: 16)
        let values = (0..<1000).map { _ in pool.next(UInt64.self) }
        #expect(Set(values).count == values.count)
        #expect(Set((0..<100).map { _ in pool.next(UInt16.self) }).count > 90)
        // Pairs drawn under one lock take the bytes in order, across refills: 10 bytes a
        // pair from a pool of 16 refills every other pair or so, and no pair repeats.
        let pairs = (0..<1000).map { _ in pool.next(UInt64.self, UInt16.self) }
        #expect(Set(pairs.map { "\($0.0)-\($0.1)" }).count == pairs.count)
        #expect(Set(pairs.map(\.1)).count > 900)
    }
}

@Suite("Writer priority")
struct WriterPriorityTests {
    #if os(Linux)
    @Test("the writer's thread runs 5 nice values below the process, once lowered stays there, and other threads are untouched")
    func lowersOnlyTheWritingThread() async throws {
        let main = try #require(WriterPriority.niceValue())
        let process = try #require(WriterPriority.processNiceValue())
        #expect(WriterPriority.target == min(19, process + WriterPriority.lowering))
        let seen = Mutex<(before: Int32?, after: Int32?, again: Int32?)>((nil, nil, nil))
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                let before = WriterPriority.niceValue()
                WriterPriority.lower()
                let after = WriterPriority.niceValue()
                WriterPriority.lower()
                seen.withLock { $0 = (before, after, WriterPriority.niceValue()) }
                done.resume()
            }
            thread.start()
        }
        let (before, after, again) = seen.withLock { $0 }
        #expect(before == main)
        #expect(after == max(main, min(19, process + WriterPriority.lowering)))
        #expect(again == after, "a second write does not lower it further")
        #expect(WriterPriority.niceValue() == main, "the test's own thread is untouched")
    }
    #endif
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
