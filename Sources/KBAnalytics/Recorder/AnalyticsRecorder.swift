import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Takes reader events without ever making the request wait, and writes them to a
/// store in batches from one background task.
///
/// ``record(_:)`` appends to a bounded in-memory queue under a lock and returns: when
/// the queue (with what the writer holds) is full the event is dropped and counted
/// (``droppedCount``, `kb_analytics_dropped_total`). ``run()``, a service beside the
/// HTTP server, takes the whole queue at once (it swaps it for its last, emptied
/// batch, so the lock is held for no copy) and writes it in transactions of up to
/// ``batchSize`` events. When the store fails, what it took is kept and tried again
/// every ``retryInterval``; the failure is logged once (and its end once), and
/// ``health`` says `degraded` until a write succeeds. At graceful shutdown the queue
/// is drained before `run()` returns: accepted events are not lost while the store
/// can be written.
public final class AnalyticsRecorder: Service, Sendable {
    /// Whether the last write worked.
    public enum Health: Sendable, Hashable {
        case ok
        /// The store is failing; the message says how (no secrets).
        case degraded(String)
    }

    private struct State {
        /// Accepted and not yet taken by the writer.
        var queue: [AnalyticsEvent] = []
        /// The writer's last batch, emptied and handed back: the next ``queue``, its
        /// room already there.
        var spare: [AnalyticsEvent] = []
        /// Taken by the writer and not yet written.
        var taken = 0
        var dropped = 0
        var accepted = 0
        var written = 0
        var health = Health.ok
        var stopping = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    public let store: any AnalyticsStore
    /// The most events the queue holds, waiting to be written.
    public let capacity: Int
    public let batchSize: Int
    public let retryInterval: Duration
    /// How long a partial batch waits for more events before it is written: one
    /// transaction per interval under light load instead of one per event.
    public let flushInterval: Duration
    private let logger: Logger
    private let state = Mutex(State())
    private let onDrop: @Sendable (Int) -> Void

    /// - Parameters:
    ///   - store: where events go.
    ///   - capacity: the queue's bound; past it, events are dropped and counted.
    ///   - batchSize: events written in one transaction, at most.
    ///   - retryInterval: how long to wait before trying a failed write again.
    ///   - onDrop: told of each drop (for `/metrics`).
    public init(
        store: any AnalyticsStore, capacity: Int = 50_000, batchSize: Int = 5000,
        retryInterval: Duration = .seconds(1), flushInterval: Duration = .milliseconds(100),
        logger: Logger, onDrop: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.flushInterval = flushInterval
        self.store = store
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        self.retryInterval = retryInterval
        self.logger = logger
        self.onDrop = onDrop
    }

    /// Queues `event`; `false` when the queue was full and it was dropped. Never waits
    /// on the store.
    @discardableResult
    public func record(_ event: AnalyticsEvent) -> Bool {
        let (accepted, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard state.queue.count + state.taken < capacity else {
                state.dropped += 1
                return (false, nil)
            }
            state.queue.append(event)
            state.accepted += 1
            let waiter = state.waiter
            state.waiter = nil
            return (true, waiter)
        }
        waiter?.resume()
        if !accepted { onDrop(1) }
        return accepted
    }

    /// Events dropped because the queue was full.
    public var droppedCount: Int { state.withLock { $0.dropped } }
    /// Events queued since the recorder was made.
    public var acceptedCount: Int { state.withLock { $0.accepted } }
    /// Events written to the store.
    public var writtenCount: Int { state.withLock { $0.written } }
    /// Events queued and not yet written.
    public var pendingCount: Int { state.withLock { $0.queue.count + $0.taken } }
    public var health: Health { state.withLock { $0.health } }

    /// Writes queued events until graceful shutdown, then writes what is left and returns.
    /// Cancelled (another service of its group failed, such as a server that cannot
    /// listen), it stops the same way instead of waiting for events forever.
    public func run() async throws {
        var batch = Batch()
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await writeUntilStopped(&batch)
            } onGracefulShutdown: {
                self.stop()
            }
        } onCancel: {
            self.stop()
        }
        await drain(&batch)
    }

    /// Asks ``run()`` to finish: it writes what is queued, then returns.
    public func stop() {
        let waiter = state.withLock { state in
            state.stopping = true
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// What the writer took from the queue, and how much of it is written.
    private struct Batch {
        var events: [AnalyticsEvent] = []
        var done = 0

        var isFinished: Bool { done == events.count }
    }

    private func writeUntilStopped(_ batch: inout Batch) async {
        var waited = false
        while true {
            if batch.isFinished {
                let (queued, stopping) = state.withLock { ($0.queue.count, $0.stopping) }
                if stopping { return }
                if queued == 0 {
                    waited = false
                    await waitForEvents()
                    continue
                }
                if queued < batchSize, !waited {
                    waited = true
                    try? await Task.sleep(for: flushInterval)
                    continue
                }
                waited = false
                take(&batch)
            }
            if await writeNext(&batch) == false {
                try? await Task.sleep(for: retryInterval)
            }
        }
    }

    /// Swaps the queue for `batch`'s emptied array: the writer holds what was queued,
    /// record() appends to an array with room, and the lock is held for no copy.
    private func take(_ batch: inout Batch) {
        batch.events.removeAll(keepingCapacity: true)
        batch.done = 0
        state.withLock { state in
            swap(&state.queue, &batch.events)
            state.taken += batch.events.count
        }
    }

    /// Waits until an event is queued or the recorder is stopping.
    private func waitForEvents() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if !state.queue.isEmpty || state.stopping { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Writes what is left at shutdown, what the writer holds first: a few more tries
    /// when the store fails, then what could not be written is logged as lost.
    private func drain(_ batch: inout Batch) async {
        var failures = 0
        while true {
            if batch.isFinished {
                take(&batch)
                if batch.isFinished { return }
            }
            if await writeNext(&batch) { continue }
            failures += 1
            if failures >= 3 {
                let lost = state.withLock { state in
                    let count = state.queue.count + state.taken
                    state.queue.removeAll()
                    state.taken = 0
                    return count
                }
                logger.error("analytics: \(lost) events not written at shutdown; the store \(store.label) keeps failing")
                return
            }
            try? await Task.sleep(for: retryInterval)
        }
    }

    /// Writes the next ``batchSize`` events of `batch` (all of it, without a copy, when
    /// it is no larger) and, when that worked, counts them written.
    private func writeNext(_ batch: inout Batch) async -> Bool {
        let events = batch.done == 0 && batch.events.count <= batchSize
            ? batch.events : Array(batch.events[batch.done..<min(batch.done + batchSize, batch.events.count)])
        do {
            // In a task of its own: a cancelled run (its group stopping on another
            // service's failure) still writes what it took, and loses nothing it accepted.
            let store = store
            try await Task { try await store.write(events) }.value
        } catch {
            let first = state.withLock { state in
                let first = state.health == .ok
                state.health = .degraded(String(describing: error))
                return first
            }
            if first {
                logger.error("analytics: writing events failed; searches go on, events wait in the queue (up to \(capacity)) and are retried: \(error)")
            }
            return false
        }
        batch.done += events.count
        let recovered = state.withLock { state in
            state.taken -= events.count
            state.written += events.count
            let recovered = state.health != .ok
            state.health = .ok
            return recovered
        }
        if recovered {
            logger.notice("analytics: writing events works again (\(store.label))")
        }
        return true
    }
}
