public import Logging
public import ServiceLifecycle
import KBContent
import KnowledgeBase
public import UnixSignals

/// Reloads the knowledge base on SIGHUP and, when watching, whenever a file in the
/// content folder changes (its files are looked at every `interval`: see ``ContentFingerprint``).
///
/// Requests are coalesced by a ``ReloadQueue``: at most one reload runs and one
/// waits, however many signals or changes come, and graceful shutdown waits only for
/// the one running. Once the files stop changing, the content served is theirs
/// within an interval and two reloads (or, when they have errors, the last good
/// version stays, with the errors reported).
///
/// Failed reloads are logged with their diagnostics; the store keeps serving the
/// last good knowledge base. Ends on graceful shutdown.
public struct ContentReloadService: Service, CustomStringConvertible {
    let store: KnowledgeBaseStore
    let directory: String
    let watch: Bool
    let interval: Duration
    let logger: Logger
    /// The content files as they were when the service was made, just after the
    /// store loaded them: a change made before ``run()`` starts is still seen.
    let baseline: ContentFingerprint
    /// SIGHUP, trapped by whoever made the service; `nil` to trap it when the service starts.
    let hangups: UnixSignalsSequence?
    let queue = ReloadQueue()

    /// - Parameter hangups: SIGHUP, already trapped, so that a SIGHUP sent once the
    ///   server answers can never hit the default action and end the process.
    public init(store: KnowledgeBaseStore, configuration: ServerConfiguration, logger: Logger, hangups: UnixSignalsSequence? = nil) {
        self.hangups = hangups
        self.store = store
        directory = configuration.contentDirectory
        watch = configuration.watch
        interval = configuration.watchInterval
        self.logger = logger
        baseline = configuration.watch
            ? ContentFingerprint(directory: configuration.contentDirectory, racyWindow: Self.racyWindow(configuration.watchInterval))
            : ContentFingerprint(entries: [])
    }

    /// Files changed this recently are hashed: more than two intervals, so that an
    /// edit within one tick of the file clock is still caught by the next look.
    static func racyWindow(_ interval: Duration) -> Duration {
        max(.seconds(2), interval * 3)
    }

    public func run() async throws {
        let hangups = if let hangups { hangups } else { await UnixSignalsSequence(trapping: .sighup) }
        do {
            try await watchUntilShutdown(hangups)
        } catch is CancellationError {
            // Graceful shutdown: nothing left to reload.
        }
    }

    private func watchUntilShutdown(_ hangups: UnixSignalsSequence) async throws {
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in hangups {
                        queue.request(.hangup)
                    }
                }
                if watch {
                    group.addTask { try await poll() }
                }
                group.addTask {
                    await queue.run { reason in
                        logger.info("\(reason.rawValue): reloading the content")
                        reload()
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// Looks at the content files every `interval` and asks for a reload when they
    /// changed. The reload reads the files after the look, so a change made between
    /// the two is seen again by the next look: once the files stop changing, the last
    /// reload has read them as they are.
    private func poll() async throws {
        var seen = baseline
        let window = Self.racyWindow(interval)
        logger.info("watching the content for changes", metadata: ["content": .string(directory)])
        while !Task.isCancelled {
            try await Task.sleep(for: interval)
            let now = ContentFingerprint(directory: directory, racyWindow: window)
            guard !now.matches(seen) else { continue }
            seen = now
            queue.request(.contentChanged)
        }
    }

    public var description: String {
        "ContentReloadService(\(directory), watch: \(watch))"
    }

    private func reload() {
        switch store.reload() {
        case let .succeeded(version):
            let counts = store.knowledgeBase.content
            logger.info("reloaded the content", metadata: [
                "version": .string(version),
                "articles": .stringConvertible(counts.articles.count),
                "codes": .stringConvertible(counts.responseCodes.count),
            ])
        case let .failed(_, errors):
            logger.error("the new content has errors; still serving the last good version", metadata: [
                "errors": .stringConvertible(errors.count),
                "version": .string(store.knowledgeBase.version),
            ])
            for diagnostic in errors.prefix(20) {
                logger.error("\(diagnostic.formatted)")
            }
        }
    }
}
