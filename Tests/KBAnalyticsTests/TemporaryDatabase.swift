import Foundation
import KBAnalytics
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
