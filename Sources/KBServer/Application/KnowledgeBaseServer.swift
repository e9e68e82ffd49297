public import Logging
import KBAnalytics
import ServiceLifecycle
import UnixSignals

/// `kb serve`: the HTTP application and the content reloader, run together until
/// SIGINT or SIGTERM, which shut both down gracefully (requests in flight finish).
/// SIGHUP is trapped before the server starts listening, and reloads the content.
public struct KnowledgeBaseServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: KnowledgeBaseStore
    public let logger: Logger
    /// Where reader events go, and who may read the report.
    public let analytics: ServerAnalytics
    /// Events older than this many days are deleted, daily; `nil` keeps them.
    public let retentionDays: Int?

    public init(
        configuration: ServerConfiguration, store: KnowledgeBaseStore, logger: Logger,
        analytics: ServerAnalytics = .off, retentionDays: Int? = nil
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.analytics = analytics
        self.retentionDays = retentionDays
    }

    /// Runs until a shutdown signal; `onListening` gets the URL once connections are accepted.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let reloader = ContentReloadService(store: store, configuration: configuration, logger: logger, hangups: hangups)
        let application = buildApplication(configuration, store: store, analytics: analytics, logger: logger, onListening: onListening)
        // Services stop in the reverse of this order: the server first (requests in flight
        // are answered and recorded), the recorder last (its queue is written out).
        var services: [any Service] = []
        if let recorder = analytics.recorder {
            services.append(recorder)
            if let retentionDays { services.append(AnalyticsRetention(store: recorder.store, days: retentionDays, logger: logger)) }
        }
        services += [application, reloader]
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
