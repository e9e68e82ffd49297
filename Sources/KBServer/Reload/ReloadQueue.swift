/// Reload requests (SIGHUP, a change seen by `--watch`), coalesced: at most one
/// reload runs and at most one waits behind it; every request made while one
/// waits is merged into it. A request made during a reload is never lost (the one
/// waiting reads the content after it), and a burst of requests costs two reloads.
///
/// Cancelling ``run(_:)`` (graceful shutdown) ends it once the reload running, if
/// any, returns: the one waiting is dropped, never run.
final class ReloadQueue: Sendable {
    /// Why a reload was asked for, for the log.
    enum Reason: String, Sendable {
        case hangup = "SIGHUP"
        case contentChanged = "the content changed"
    }

    private let requests: AsyncStream<Reason>
    private let continuation: AsyncStream<Reason>.Continuation

    init() {
        (requests, continuation) = AsyncStream.makeStream(of: Reason.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a reload; returns at once.
    func request(_ reason: Reason) {
        continuation.yield(reason)
    }

    /// Runs `reload` for each request, one at a time, until the task is cancelled or
    /// ``finish()`` is called. Only one task may run it.
    func run(_ reload: (Reason) async -> Void) async {
        for await reason in requests {
            guard !Task.isCancelled else { return }
            await reload(reason)
        }
    }

    /// Ends ``run(_:)`` after the reload running, dropping the one waiting.
    func finish() {
        continuation.finish()
    }
}
