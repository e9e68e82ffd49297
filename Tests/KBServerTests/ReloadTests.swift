import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBFlows
import KBServer
import KnowledgeBase
import Logging
import ServiceLifecycle
import Testing

/// A copy of the shipped content that tests edit, with a store reading it.
private struct EditableContent {
    let folder: URL
    let store: KnowledgeBaseStore
    let originalUnlock: String

    static let newTitle = "How do I unlock my portal account? (edited)"

    init() throws {
        folder = try TestContent.copy()
        let directory = folder.path
        store = try KnowledgeBaseStore(try KnowledgeBase.load(directory: directory), directory: directory)
        originalUnlock = try String(contentsOf: folder.appendingPathComponent("articles/unlock-account.md"), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(relative), options: .atomic)
    }

    func remove(_ relative: String) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(relative))
    }

    /// Version A: the shipped content as it is.
    func writeOriginal() throws {
        try write("articles/unlock-account.md", originalUnlock)
        remove("articles/reload-probe.md")
        remove("articles/broken.md")
    }

    /// Version B: one more article and a new title for unlock-account.
    func writeEdited() throws {
        try write("articles/unlock-account.md", originalUnlock.replacingOccurrences(
            of: "title: How do I unlock my portal account?", with: "title: \(Self.newTitle)"
        ))
        try write("articles/reload-probe.md", originalUnlock.replacingOccurrences(
            of: "title: How do I unlock my portal account?", with: "title: Reload probe"
        ))
        remove("articles/broken.md")
    }

    /// Version B plus an article in a category that does not exist: refused by the checker.
    func writeBroken() throws {
        try writeEdited()
        try write("articles/broken.md", originalUnlock.replacingOccurrences(of: "category: portal-access", with: "category: acount"))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }
}

@Suite("Reloading the content")
struct ReloadTests {
    @Test("content whose simulators cannot be made is refused on reload, located, and the last good version stays")
    func flowProblemsRefused() async throws {
        let content = try EditableContent()
        defer { content.cleanUp() }
        let original = content.store.knowledgeBase.version
        try content.write("articles/unlock-account.md", content.originalUnlock.replacingOccurrences(
            of: "flow: account-lockout", with: "flow: acount-lockout"
        ))
        guard case let .failed(_, errors) = content.store.reload() else {
            Issue.record("a mistyped flow id should be refused")
            return
        }
        #expect(errors.map(\.kind) == [.unknownFlow])
        #expect(errors.first?.file.hasSuffix("articles/unlock-account.md") == true && errors.first?.line ?? 0 > 1)

        try content.writeOriginal()
        let policies = content.folder.appendingPathComponent("policies.yaml")
        let text = try String(contentsOf: policies, encoding: .utf8)
        try content.write("policies.yaml", text.replacingOccurrences(of: "unlock_after_minutes: 15", with: "unlock_after_minutes: soon"))
        guard case let .failed(_, policyErrors) = content.store.reload() else {
            Issue.record("a policy value the lockout simulator cannot use should be refused")
            return
        }
        #expect(policyErrors.contains { $0.kind == .flowPolicy && $0.file.hasSuffix("policies.yaml") && $0.line > 0 })
        #expect(content.store.knowledgeBase.version == original)
        #expect(content.store.snapshot.flows.flow("account-lockout") != nil)
        try await withServer(store: content.store) { client in
            let status = try await client.get("/v1/flows").status
            #expect(status == .ok)
        }
    }

    @Test("a good edit is served after reload; a broken one is refused, reported, and the last good content stays")
    func goodThenBroken() async throws {
        let content = try EditableContent()
        defer { content.cleanUp() }
        let metrics = ServerMetrics()
        let originalVersion = content.store.knowledgeBase.version
        try await withServer(store: content.store, metrics: metrics) { client in
            // Answered (and cached) before the edit: the cache must not outlive the version.
            let before = try await client.get("/v1/articles/unlock-account").object
            #expect(before["title"] as? String == "How do I unlock my portal account?")
            try content.writeEdited()
            guard case let .succeeded(version) = content.store.reload() else {
                Issue.record("the edited content should load")
                return
            }
            #expect(version != originalVersion)
            let article = try await client.get("/v1/articles/unlock-account").object
            #expect(article["title"] as? String == EditableContent.newTitle)
            #expect(try await client.get("/v1/articles/reload-probe").status == .ok)

            try content.writeBroken()
            guard case let .failed(_, errors) = content.store.reload() else {
                Issue.record("the broken content should be refused")
                return
            }
            #expect(errors.contains { $0.kind == .unknownCategory })
            #expect(try await client.get("/v1/articles/unlock-account").object["title"] as? String == EditableContent.newTitle)
            #expect(try await client.get("/v1/articles/broken").status == .notFound)

            let health = try await client.get("/healthz").object
            #expect(health["status"] as? String == "degraded")
            #expect((health["content"] as? [String: Any])?["version"] as? String == version)
            let reloads = try #require(health["reloads"] as? [String: Any])
            #expect(reloads["succeeded"] as? Int == 1)
            #expect(reloads["failed"] as? Int == 1)
            let last = try #require(reloads["last"] as? [String: Any])
            #expect(last["result"] as? String == "failed")
            let messages = try #require(last["errors"] as? [String])
            #expect(messages.contains { $0.hasPrefix("articles/broken.md:4:11: error: unknown category 'acount'") })
            #expect(!messages.contains { $0.contains(content.folder.path) })

            let text = try await client.get("/metrics").text
            #expect(text.contains(#"kb_content_reloads_total{result="ok"} 1"#))
            #expect(text.contains(#"kb_content_reloads_total{result="failed"} 1"#))
            #expect(text.contains("kb_content_last_reload_failed 1"))
            #expect(text.contains(#"kb_content_items{kind="article"} \#(TestContent.knowledgeBase.content.articles.count + 1)"#))

            try content.writeOriginal()
            #expect(content.store.reload() == .succeeded(version: originalVersion))
            #expect(try await client.get("/healthz").object["status"] as? String == "ok")
        }
    }

    @Test("the site follows a good reload and keeps its pages through a broken one")
    func siteReload() async throws {
        let content = try EditableContent()
        defer { content.cleanUp() }
        try await withServer(store: content.store) { client in
            let before = try await client.get("/articles/unlock-account.html")
            #expect(before.text.contains("<h1>How do I unlock my portal account?</h1>"))
            let oldTag = try #require(before.headers[.eTag])
            #expect(try await client.get("/articles/reload-probe.html").status == .notFound)

            try content.writeEdited()
            guard case .succeeded = content.store.reload() else {
                Issue.record("the edited content should load")
                return
            }
            let edited = try await client.get("/articles/unlock-account.html", headers: [.ifNoneMatch: oldTag])
            #expect(edited.status == .ok)
            #expect(edited.text.contains("<h1>\(EditableContent.newTitle)</h1>"))
            let newTag = try #require(edited.headers[.eTag])
            #expect(newTag != oldTag)
            #expect(try await client.get("/articles/reload-probe.html").status == .ok)

            try content.writeBroken()
            guard case .failed = content.store.reload() else {
                Issue.record("the broken content should be refused")
                return
            }
            let kept = try await client.get("/articles/unlock-account.html", headers: [.ifNoneMatch: newTag])
            #expect(kept.status == .notModified)
            #expect(try await client.get("/articles/unlock-account.html").text.contains("<h1>\(EditableContent.newTitle)</h1>"))
            #expect(try await client.get("/articles/broken.html").status == .notFound)
        }
    }

    @Test("no request sees an error or a half-built knowledge base while good and broken content reloads")
    func concurrentReloads() async throws {
        let content = try EditableContent()
        defer { content.cleanUp() }
        let count = TestContent.knowledgeBase.content.articles.count
        let original = "How do I unlock my portal account?"
        let outcomes = try await withServer(store: content.store) { client in
            try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    var results: [String] = []
                    for round in 0..<12 {
                        switch round % 3 {
                        case 0: try content.writeEdited()
                        case 1: try content.writeBroken()
                        default: try content.writeOriginal()
                        }
                        switch content.store.reload() {
                        case .succeeded: results.append("ok")
                        case .failed: results.append("failed")
                        }
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    return results
                }
                for _ in 0..<8 {
                    group.addTask {
                        var problems: [String] = []
                        for request in 0..<60 {
                            let path = ["/v1/articles", "/healthz", "/articles/unlock-account.html"][request % 3]
                            let response = try await client.get(path)
                            guard response.status == .ok else {
                                problems.append("\(path): \(response.status.code) \(response.text)")
                                continue
                            }
                            if path.hasSuffix(".html") {
                                let text = response.text
                                if !text.contains("<h1>\(original)</h1>"), !text.contains("<h1>\(EditableContent.newTitle)</h1>") {
                                    problems.append("the article page has neither title")
                                }
                                continue
                            }
                            guard path == "/v1/articles" else { continue }
                            let articles = try response.object["articles"] as? [[String: Any]] ?? []
                            let title = articles.first { $0["slug"] as? String == "unlock-account" }?["title"] as? String
                            let consistent = (articles.count == count && title == original)
                                || (articles.count == count + 1 && title == EditableContent.newTitle)
                            if !consistent { problems.append("mixed state: \(articles.count) articles, title \(title ?? "none")") }
                        }
                        return problems
                    }
                }
                var all: [String] = []
                for try await part in group { all += part }
                return all
            }
        }
        #expect(outcomes.filter { $0 == "ok" }.count == 8)
        #expect(outcomes.filter { $0 == "failed" }.count == 4)
        #expect(outcomes.allSatisfy { $0 == "ok" || $0 == "failed" }, "problems: \(outcomes.filter { $0 != "ok" && $0 != "failed" })")
    }

    @Test("--watch: a change to a content file is picked up without a signal")
    func watch() async throws {
        let content = try EditableContent()
        defer { content.cleanUp() }
        let configuration = ServerConfiguration(contentDirectory: content.folder.path, watch: true, watchInterval: .milliseconds(50))
        let logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let service = ContentReloadService(store: content.store, configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try content.writeEdited()
            // Generous: other suites' blocking process waits (and the 100,000-event analytics
            // test) can hold the cooperative threads and the cores for tens of seconds.
            let deadline = ContinuousClock.now + .seconds(150)
            while content.store.knowledgeBase.content.article("reload-probe") == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(content.store.knowledgeBase.content.article("reload-probe") != nil)
            try content.writeBroken()
            while content.store.snapshot.reloads.failed == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(content.store.snapshot.reloads.failed == 1)
            #expect(content.store.knowledgeBase.content.article("reload-probe") != nil)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
