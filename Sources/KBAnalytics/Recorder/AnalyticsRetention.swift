public import Foundation
public import Logging
public import ServiceLifecycle

/// Deletes events older than the retention period, once at start and then daily
/// (`kb serve --analytics-retention-days`, 180 by default).
public struct AnalyticsRetention: Service {
    public let store: any AnalyticsStore
    public let days: Int
    public let interval: Duration
    private let logger: Logger

    public init(store: any AnalyticsStore, days: Int, interval: Duration = .seconds(86_400), logger: Logger) {
        self.store = store
        self.days = days
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await purgeOnce()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// Deletes what is older than `days` before `now`; logs how many, or why it could not.
    public func purgeOnce(now: Date = Date()) async {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        do {
            let deleted = try await store.purge(before: cutoff)
            if deleted > 0 { logger.info("analytics: deleted \(deleted) events older than \(days) days") }
        } catch {
            logger.warning("analytics: could not delete old events: \(error)")
        }
    }
}
