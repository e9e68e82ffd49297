import Foundation
import KBContent
@testable import KBServer
import KnowledgeBase
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// Reloads are coalesced (a burst of SIGHUPs costs two), shutdown never waits for
/// the one queued, and `--watch` always ends on the files as they are.
@Suite("Reload coalescing and --watch")
struct ReloadCoalescingTests {
    @Test("50 requests during a reload give 2 reloads, the second after the last request")
    func coalesced() async throws {
        let queue = ReloadQueue()
        let reloads = Mutex<[ContinuousClock.Instant]>([])
        let released = Mutex(false)
        let runner = Task {
            await queue.run { _ in
                reloads.withLock { $0.append(.now) }
                // The first reload lasts until every request has been made.
                while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(5)) }
            }
        }
        queue.request(.hangup)
        while reloads.withLock({ $0.isEmpty }) { try await Task.sleep(for: .milliseconds(5)) }
        for _ in 0..<50 { queue.request(.hangup) }
        let lastRequest = ContinuousClock.now
        released.withLock { $0 = true }
        let deadline = ContinuousClock.now + .seconds(10)
        while reloads.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(200))
        queue.finish()
        await runner.value
        let started = reloads.withLock { $0 }
        #expect(started.count == 2, "\(started.count) reloads")
        #expect(started.last.map { $0 > lastRequest } == true, "the last reload started after the last request")
    }

    @Test("shutdown waits for the reload running, never for the one queued")
    func shutdownSkipsQueued() async throws {
        let queue = ReloadQueue()
        let count = Mutex(0)
        let runner = Task {
            await queue.run { _ in
                count.withLock { $0 += 1 }
                // Not cancellable, as a real reload is not.
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { continuation.resume() }
                }
            }
        }
        queue.request(.hangup)
        try await Task.sleep(for: .milliseconds(50))
        for _ in 0..<10 { queue.request(.hangup) }
        runner.cancel()
        await runner.value
        // It returned after the one running: the one queued never ran.
        #expect(count.withLock { $0 } == 1)
    }

    @Test("--watch: after a burst of same-size edits, whatever their timing, the last one is served")
    func lastEditOfABurstIsServed() async throws {
        let folder = try TestContent.copy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try KnowledgeBaseStore(try KnowledgeBase.load(directory: folder.path), directory: folder.path)
        let file = folder.appendingPathComponent("articles/unlock-account.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let configuration = ServerConfiguration(contentDirectory: folder.path, watch: true, watchInterval: .milliseconds(20))
        let logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = ContentReloadService(store: store, configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var generator = SystemRandomNumberGenerator()
            for burst in 0..<3 {
                var last = ""
                for edit in 0..<12 {
                    // Same length every time, written in place: only the content and the times change.
                    last = String(format: "Unlock edit %02d-%02d", burst, edit)
                    let text = original.replacingOccurrences(of: "title: How do I unlock my portal account?", with: "title: \(last)")
                    try Data(text.utf8).write(to: file)
                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...40, using: &generator)))
                }
                // Generous: other suites' blocking process waits can hold the cooperative threads for seconds.
                let deadline = ContinuousClock.now + .seconds(30)
                while store.knowledgeBase.content.article("unlock-account")?.title != last, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(store.knowledgeBase.content.article("unlock-account")?.title == last, "burst \(burst)")
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("a fingerprint tells two same-size writes in one clock tick apart")
    func racyFingerprint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        try Data("version 1".utf8).write(to: file)
        let first = ContentFingerprint(directory: folder.path)
        try Data("version 2".utf8).write(to: file)
        let second = ContentFingerprint(directory: folder.path)
        #expect(!second.matches(first))
        #expect(second.matches(ContentFingerprint(directory: folder.path)))
        // Long after the write, without hashes, the same files still match.
        #expect(ContentFingerprint(directory: folder.path, racyWindow: .seconds(-10)).matches(second))
    }
}
