import ArgumentParser
import Foundation
import KBAnalytics

/// Where analytics are kept, as `--analytics` names it: `off`, a SQLite file, or a
/// `postgres://` URL.
enum AnalyticsLocation: Equatable {
    case off
    case sqlite(path: String)
    case postgres(url: String)

    /// The default: `kb-analytics.sqlite` in the working folder.
    static let defaultPath = "kb-analytics.sqlite"

    init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "off" {
            self = .off
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The store, opened (and its schema brought up to date); `nil` when off.
    ///
    /// - Parameter mustExist: refuse a SQLite file that is not there (the report reads
    ///   what a server wrote; it does not make an empty database).
    func open(mustExist: Bool = false) async throws -> (any AnalyticsStore)? {
        switch self {
        case .off:
            return nil
        case let .sqlite(path):
            if mustExist, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("no analytics database at \(path); kb serve writes one there (give --analytics PATH|URL)")
            }
            return try SQLiteAnalyticsStore(path: path)
        case let .postgres(text):
            let url: PostgresURL
            do {
                url = try PostgresURL(text)
            } catch {
                throw ValidationError("--analytics: \(error)")
            }
            return try await PostgresAnalyticsStore.connect(url)
        }
    }
}
