import Foundation
import KBAnalytics
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// A store that fails while told to (a disk full, a lost server), around a real one.
final class FailingStore: AnalyticsStore {
    let wrapped: any AnalyticsStore
    let failing = Mutex(false)
    let attempts = Mutex(0)

    init(_ wrapped: any AnalyticsStore) {
        self.wrapped = wrapped
    }

    var label: String { "failing " + wrapped.label }

    func write(_ events: [AnalyticsEvent]) async throws {
        attempts.withLock { $0 += 1 }
        if failing.withLock({ $0 }) { throw AnalyticsStoreError("database or disk is full (SQLITE_FULL)") }
        try await wrapped.write(events)
    }

    func report(_ query: ReportQuery) async throws -> AnalyticsReport { try await wrapped.report(query) }
    func purge(before date: Date) async throws -> Int { try await wrapped.purge(before: date) }
}

/// Runs `recorder` as a service until `body` returns, then stops it gracefully, as `kb serve` does.
func running<Value: Sendable>(_ recorder: AnalyticsRecorder, _ body: @Sendable () async throws -> Value) async throws -> Value {
    let logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })
    let group = ServiceGroup(configuration: .init(services: [recorder], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let value: Value
        do {
            value = try await body()
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return value
    }
}

// Serialized: the 100,000-event test keeps a core busy, and the fault tests wait on time.
@Suite("Analytics recorder", .serialized)
struct AnalyticsRecorderTests {
    @Test("100,000 search events recorded at once all arrive in SQLite after a graceful stop")
    func hundredThousandEvents() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let recorder = AnalyticsRecorder(store: store, capacity: 100_000, logger: Logger(label: "kb-test"))
        let start = ContinuousClock.now
        let accepted = try await running(recorder) {
            var accepted = 0
            for index in 0..<100_000 {
                if recorder.record(searchEvent("query \(index % 500)", hits: index % 3)) { accepted += 1 }
                // Leave the cooperative threads to the writer (and to other tests) now and then.
                if index % 1000 == 999 { await Task.yield() }
            }
            return accepted
        }
        #expect(accepted == 100_000)
        let elapsed = ContinuousClock.now - start
        #expect(recorder.droppedCount == 0)
        #expect(recorder.pendingCount == 0)
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.totals.searches == 100_000)
        print("analytics: 100,000 events recorded and written to SQLite in \(elapsed)")
    }

    @Test("a full queue drops events and counts them, never waiting")
    func fullQueueDrops() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dropped = Mutex(0)
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let recorder = AnalyticsRecorder(store: store, capacity: 10, logger: Logger(label: "kb-test")) { count in
            dropped.withLock { $0 += count }
        }
        // Not running: nothing drains the queue.
        for index in 0..<25 { recorder.record(searchEvent("q\(index)")) }
        #expect(recorder.droppedCount == 15 && dropped.withLock { $0 } == 15 && recorder.pendingCount == 10)
        try await running(recorder) {}
        #expect(try await store.report(ReportQuery(since: .distantPast)).totals.searches == 10)
    }

    @Test("a failing writer (disk full): logged once, degraded, events kept and written once it works again")
    func failingWriter() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = FailingStore(try SQLiteAnalyticsStore(path: folder.databasePath))
        let log = CollectingLogHandler()
        let recorder = AnalyticsRecorder(store: store, retryInterval: .milliseconds(20), logger: Logger(label: "kb-test", factory: { _ in log }))
        try await running(recorder) {
            recorder.record(searchEvent("before"))
            #expect(await eventually { recorder.writtenCount == 1 })
            store.failing.withLock { $0 = true }
            for _ in 0..<5 { recorder.record(searchEvent("during")) }
            #expect(await eventually { store.attempts.withLock { $0 } >= 6 })
            #expect(recorder.health != .ok)
            store.failing.withLock { $0 = false }
            recorder.record(searchEvent("after"))
            #expect(await eventually { recorder.writtenCount == 7 })
            #expect(recorder.health == .ok)
        }
        let failures = log.messages.filter { $0.contains("writing events failed") }
        #expect(failures.count == 1, "the failure is logged once: \(log.messages)")
        #expect(log.messages.contains { $0.contains("works again") })
        let report = try await store.report(ReportQuery(since: .distantPast))
        #expect(report.totals.searches == 7)
        #expect(Set(report.topQueries.map(\.query)) == ["before", "during", "after"])
    }

    /// Runs `during` on a recorder over a new SQLite file once its first search
    /// ("before") is written, then `after` with the file's path and store, the recorder stopped.
    private func onFile(
        during: @Sendable (String, AnalyticsRecorder) async throws -> Void,
        after: (String, SQLiteAnalyticsStore) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.databasePath
        let store = try SQLiteAnalyticsStore(path: path)
        let recorder = AnalyticsRecorder(store: store, retryInterval: .milliseconds(20), logger: Logger(label: "kb-test"))
        try await running(recorder) {
            recorder.record(searchEvent("before"))
            #expect(await eventually { recorder.writtenCount == 1 })
            try await during(path, recorder)
        }
        try await after(path, store)
    }

    @Test("the database file made read-only mid-run: writes wait, and land once it is writable again")
    func readOnlyMidRun() async throws {
        try await onFile(during: { path, recorder in
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            recorder.record(searchEvent("during"))
            #expect(await eventually { recorder.health != .ok })
            if case let .degraded(message) = recorder.health { #expect(message.contains("read-only")) }
            #expect(recorder.writtenCount == 1)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            recorder.record(searchEvent("after"))
            #expect(await eventually { recorder.writtenCount == 3 && recorder.health == .ok })
        }, after: { _, store in
            let report = try await store.report(ReportQuery(since: .distantPast))
            #expect(Set(report.topQueries.map(\.query)) == ["before", "during", "after"])
        })
    }

    @Test("the database file deleted mid-run: a new file is made, and what comes after is in it")
    func deletedMidRun() async throws {
        try await onFile(during: { path, recorder in
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            recorder.record(searchEvent("after"))
            #expect(await eventually { recorder.writtenCount == 2 })
        }, after: { path, _ in
            #expect(FileManager.default.fileExists(atPath: path))
            let report = try await SQLiteAnalyticsStore(path: path).report(ReportQuery(since: .distantPast))
            #expect(report.topQueries.map(\.query) == ["after"], "the deleted file's events are gone with it; the new file has the rest")
        })
    }
}

/// A service that fails soon after it starts, as a server that cannot listen does.
struct FailingService: Service {
    func run() async throws {
        try await Task.sleep(for: .milliseconds(50))
        throw AnalyticsStoreError("bind: address already in use")
    }
}

@Suite("Analytics recorder in a service group")
struct AnalyticsRecorderGroupTests {
    @Test("another service failing cancels the group: the recorder writes what it holds and returns, instead of waiting for events forever")
    func returnsWhenCancelled() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try SQLiteAnalyticsStore(path: folder.databasePath)
        let recorder = AnalyticsRecorder(store: store, logger: Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() }))
        recorder.record(searchEvent("before the failure"))
        let group = ServiceGroup(configuration: .init(services: [recorder, FailingService()], logger: Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })))
        // The group runs in a task of its own, so that the test ends even if it never
        // does (before the fix it waited for events forever); 20 seconds at most.
        let finished = Mutex<String?>(nil)
        let runner = Task {
            do {
                try await group.run()
                finished.withLock { $0 = "returned" }
            } catch {
                finished.withLock { $0 = "failed: \(error)" }
            }
        }
        for _ in 0..<200 where finished.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(100)) }
        let outcome = finished.withLock { $0 } ?? "still running after 20 s"
        if outcome.hasPrefix("still") { runner.cancel() }
        #expect(outcome.hasPrefix("failed: ") && outcome.contains("address already in use"), "\(outcome)")
        #expect(recorder.pendingCount == 0)
        #expect(try await store.report(ReportQuery(since: .distantPast)).totals.searches == 1)
    }
}
