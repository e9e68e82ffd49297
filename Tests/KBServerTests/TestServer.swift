import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KBSite
import KnowledgeBase
import Logging
import ServiceLifecycle
import Testing

/// The shipped content, loaded once for every test that only reads it.
enum TestContent {
    /// The repository's `Content/`.
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content").path

    static let knowledgeBase: KnowledgeBase = {
        do {
            return try KnowledgeBase.load(directory: directory)
        } catch {
            fatalError("the shipped content does not load: \(error)")
        }
    }()

    /// The help site of the shipped content, as `kb site build` builds it (no base URL).
    static let staticSite: StaticSite = {
        do {
            return try SiteBuilder(knowledgeBase: knowledgeBase).build()
        } catch {
            fatalError("the shipped content's site does not build: \(error)")
        }
    }()

    /// The same site as the server sends it, built once for every store of the shipped content.
    static let servedSite: ServedSite = {
        do {
            return try ServedSite(staticSite)
        } catch {
            fatalError("the shipped content's site cannot be served: \(error)")
        }
    }()

    /// A store serving the shipped content, reloading it from disk.
    static func store() -> KnowledgeBaseStore {
        do {
            return try KnowledgeBaseStore(knowledgeBase, directory: directory, site: servedSite)
        } catch {
            fatalError("the shipped policies do not suit the simulators: \(error)")
        }
    }

    /// A copy of the shipped content in a fresh temporary folder, for tests that edit it.
    static func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-server-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: directory), to: folder)
        return folder
    }
}

/// Runs `test` against the application built as `kb serve` builds it, requests going
/// straight to the router.
func withServer<Value>(
    baseURL: String? = nil,
    store: KnowledgeBaseStore = TestContent.store(),
    metrics: ServerMetrics = ServerMetrics(),
    analytics: ServerAnalytics = .off,
    logger: Logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() }),
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ test: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    var configuration = ServerConfiguration(contentDirectory: TestContent.directory, baseURL: baseURL)
    configure(&configuration)
    let app = buildApplication(configuration, store: store, metrics: metrics, analytics: analytics, logger: logger)
    return try await app.test(.router, test)
}

/// Runs `test` against a real server on a loopback port, as `kb serve` builds it
/// (connection limits and all), with the port to open raw sockets to.
func withLiveServer<Value>(
    store: KnowledgeBaseStore = TestContent.store(),
    metrics: ServerMetrics = ServerMetrics(),
    analytics: ServerAnalytics = .off,
    logger: Logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() }),
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ test: @escaping @Sendable (Int) async throws -> Value
) async throws -> Value {
    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, contentDirectory: TestContent.directory)
    configure(&configuration)
    let app = buildApplication(configuration, store: store, metrics: metrics, analytics: analytics, logger: logger)
    return try await app.test(.live) { client in
        let port = try #require(client.port, "the live server's port")
        return try await test(port)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    var object: [String: Any] {
        get throws {
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return try #require(value as? [String: Any], "the body is a JSON object: \(text)")
        }
    }

    /// The `error` object of an error answer, after checking it has the shape every error has.
    var error: (code: String, message: String, suggestions: [String]) {
        get throws {
            let error = try #require(try object["error"] as? [String: Any], "an error body: \(text)")
            let code = try #require(error["code"] as? String)
            let message = try #require(error["message"] as? String)
            #expect(headers[.contentType] == "application/json; charset=utf-8")
            return (code, message, error["suggestions"] as? [String] ?? [])
        }
    }
}

extension TestClientProtocol {
    /// A GET, returning the response.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers) { $0 }
    }
}

/// Runs the application exactly as `kb serve` does (its own service group, its own
/// configuration: HummingbirdTesting's live server rebuilds the configuration and
/// drops the connection cap) on a free loopback port, and `test` with that port.
func withRunningServer<Value: Sendable>(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ test: @escaping @Sendable (Int) async throws -> Value
) async throws -> Value {
    let port = try freeLoopbackPort()
    var configuration = ServerConfiguration(host: "127.0.0.1", port: port, contentDirectory: TestContent.directory)
    configure(&configuration)
    let logger = Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })
    let listening = AsyncStream<Void>.makeStream()
    let app = buildApplication(configuration, store: TestContent.store(), logger: logger) { _ in
        listening.continuation.yield()
    }
    let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
    return try await withThrowingTaskGroup(of: Value?.self) { tasks in
        tasks.addTask {
            try await group.run()
            return nil
        }
        var iterator = listening.stream.makeAsyncIterator()
        _ = await iterator.next()
        let value: Value
        do {
            value = try await test(port)
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        for try await _ in tasks {}
        return value
    }
}

/// A port nothing listens on now: bind port 0 on 127.0.0.1 and read what the kernel chose.
func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
        }
    }
    try #require(bound, "a free loopback port")
    return Int(UInt16(bigEndian: address.sin_port))
}
