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
