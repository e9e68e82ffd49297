public import Logging
import ServiceLifecycle
import UnixSignals

/// `kb serve`: the HTTP application and the content reloader, run together until
/// SIGINT or SIGTERM, which shut both down gracefully (requests in flight finish).
/// SIGHUP is trapped before the server starts listening, and reloads the content.
public struct KnowledgeBaseServer: Sendable {
    public let configuration: ServerConfiguration
    public let store: KnowledgeBaseStore
    public let logger: Logger

    public init(configuration: ServerConfiguration, store: KnowledgeBaseStore, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
    }

    /// Runs until a shutdown signal; `onListening` gets the URL once connections are accepted.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let reloader = ContentReloadService(store: store, configuration: configuration, logger: logger, hangups: hangups)
        let application = buildApplication(configuration, store: store, logger: logger, onListening: onListening)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application, reloader],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
