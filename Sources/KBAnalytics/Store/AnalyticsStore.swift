public import Foundation

/// Where events are kept: SQLite (``SQLiteAnalyticsStore``) or PostgreSQL (``PostgresAnalyticsStore``). Both have
/// the same schema, migrations and report queries (``AnalyticsSchema``).
public protocol AnalyticsStore: Sendable {
    /// Writes `events` in one transaction: all of them or, on error, none.
    func write(_ events: [AnalyticsEvent]) async throws
    /// The report over the events `query` selects.
    func report(_ query: ReportQuery) async throws -> AnalyticsReport
    /// Deletes every event before `date`; returns how many.
    @discardableResult
    func purge(before date: Date) async throws -> Int
    /// A short description for logs: the file or the server, never a password.
    var label: String { get }
}

/// A store's failure, said for a person: what failed and on what.
public struct AnalyticsStoreError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
