import Foundation
import GRDB
@testable import KBAnalytics
import Logging
import Synchronization

/// A fresh folder for one test's SQLite file, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var databasePath: String { url.appendingPathComponent("analytics.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A logger that keeps its messages, to count how often a failure was logged.
final class CollectingLogHandler: LogHandler, @unchecked Sendable {
    private let box = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        box.withLock { $0.append("\(event.level): \(event.message)") }
    }

    var messages: [String] { box.withLock { $0 } }
}

func searchEvent(_ query: String, hits: Int = 0, lang: String = "en", at date: Date = Date()) -> AnalyticsEvent {
    .search(SearchEvent(date: date, query: query, language: lang, hits: hits, topIDs: [], tookMicros: 10, source: .api))
}

/// Waits until `condition` holds, up to `seconds`.
func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Searches (three of "xyzzy", one in Indonesian), three clicks on one search (two past
/// rank 3) and feedback on two pages: the report tests' events.
func reportSampleEvents() -> [AnalyticsEvent] {
    let search = SearchEvent(query: "Payment Link", language: "en", hits: 7, topIDs: ["article:a", "article:b", "code:51", "x"], tookMicros: 5, source: .api)
    return [
        searchEvent("xyzzy"), searchEvent("xyzzy"), searchEvent("XYZZY "), searchEvent("tidak ada", lang: "id"),
        .search(search),
        .click(ClickEvent(searchID: search.id, target: "article:x", rank: 5)),
        .click(ClickEvent(searchID: search.id, target: "article:y", rank: 4)),
        .click(ClickEvent(searchID: search.id, target: "article:a", rank: 1)),
        .feedback(FeedbackEvent(subject: .article, id: "unlock-account", language: "en", helpful: false, reason: .unclear, comment: "too long")),
        .feedback(FeedbackEvent(subject: .article, id: "unlock-account", language: "en", helpful: true)),
        .feedback(FeedbackEvent(subject: .code, id: "51", language: "en", helpful: true)),
    ]
}

/// Events as kb recorded them before search ids began with their time (the first
/// schema, `v1-events`): two searches an hour apart with random ids, one sorting before
/// any time's digits and one after, a click on each past rank 3, and one search with an
/// id of today's kind.
enum LegacyEvents {
    static let first = Date(timeIntervalSince1970: 1_795_000_000.25)
    static let second = first.addingTimeInterval(3600)
    static let low = SearchID(high: 0x0000_0000_0001_2345, low: 0x6789_ABCD_EF01_2345)
    static let high = SearchID(high: 0xFFFF_EEEE_DDDD_CCCC, low: 0xBBBB_AAAA_9999_8888)
    static let current = SearchEvent(date: second.addingTimeInterval(60), query: "third", language: "id", hits: 1, topIDs: ["code:51"], tookMicros: 9, source: .site)

    static let events: [AnalyticsEvent] = [
        .search(SearchEvent(id: high, date: first, query: "first", language: "en", hits: 0, topIDs: [], tookMicros: 5, source: .api)),
        .search(SearchEvent(id: low, date: second, query: "second", language: "en", hits: 6, topIDs: ["article:a"], tookMicros: 7, source: .api)),
        .search(current),
        .click(ClickEvent(searchID: high, date: first.addingTimeInterval(0.5), target: "article:x", rank: 5)),
        .click(ClickEvent(searchID: low, date: second.addingTimeInterval(10), target: "article:y", rank: 4)),
    ]

    /// The id the upgrade gives a search of `date` whose id was `id`: the date's time
    /// digits, then the id's last 20 digits.
    static func upgraded(_ id: SearchID, at date: Date) -> String {
        SearchID.timePrefix(of: date) + id.description.dropFirst(SearchID.timeDigits)
    }

    /// What the report of the upgraded events says from `since` (not between `first` and
    /// the first click, half a second later).
    static func expectations(since: Date) -> (searches: Int, pastRank3: [String]) {
        switch since {
        case ...first: (3, ["first", "second"])
        case ...second: (2, ["second"])
        default: (1, ["second"])
        }
    }
}

/// A SQLite file at `path` made with the first schema and holding `events`, then opened
/// by the store (which upgrades it).
func sqliteStoreUpgraded(at path: String, holding events: [AnalyticsEvent]) async throws -> SQLiteAnalyticsStore {
    let queue = try DatabaseQueue(path: path)
    try SQLiteAnalyticsStore.migrator.migrate(queue, upTo: AnalyticsSchema.migrations[0].name)
    try await queue.write { db in
        for (sql, values) in firstSchemaInserts(events) {
            try db.execute(sql: sql, arguments: StatementArguments(values.map(\.databaseValue)))
        }
    }
    try queue.close()
    return try SQLiteAnalyticsStore(path: path)
}

/// `events` as the first two schemas' inserts: a search's query, language, hits, first
/// three and source in its own row, and its day; clicks and feedback as today.
func firstSchemaInserts(_ events: [AnalyticsEvent]) -> [(sql: String, values: [EventValue])] {
    events.map { event in
        guard case let .search(search) = event else { return AnalyticsSchema.inserts([event], queries: [0])[0] }
        return (
            "INSERT INTO searches (id, at, day, query, lang, hits, top_ids, took_micros, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(search.id.description), .integer(search.date.milliseconds), .text(search.date.utcDay)] + search.searchQuery.values.dropLast()
                + [.integer(Int64(search.tookMicros)), .text(search.source.rawValue)]
        )
    }
}
