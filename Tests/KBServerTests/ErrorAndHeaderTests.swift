import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import KBContent
import KBServer
import KnowledgeBase
import Logging
import Testing

@Suite("Errors, security headers and CORS")
struct ErrorAndHeaderTests {
    @Test("an unknown API route is a 404 in the error shape", arguments: ["/v1/nowhere", "/v1", "/v1/articles/unlock-account/answer/extra", "/v1/codes/51/extra"])
    func unknownRoute(_ path: String) async throws {
        try await withServer { client in
            let response = try await client.get(path)
            #expect(response.status == .notFound)
            let error = try response.error
            #expect(error.code == "not-found")
            #expect(error.message == "nothing at '\(path)'; the API is under /v1 (GET /openapi.yaml describes it)")
        }
    }

    @Test("a known path with another method is a 405 with Allow")
    func methodNotAllowed() async throws {
        try await withServer { client in
            for method: HTTPRequest.Method in [.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/v1/codes/51", method: method) { $0 }
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                let error = try response.error
                #expect(error.code == "method-not-allowed")
                #expect(error.message == "\(method.rawValue) is not allowed on '/v1/codes/51'; use GET or HEAD")
            }
            let unknown = try await client.execute(uri: "/v1/nowhere", method: .post) { $0 }
            #expect(unknown.status == .notFound)
        }
    }

    @Test("every response has the security headers and a request id", arguments: ["/v1/codes/51", "/v1/nowhere", "/", "/style.css", "/nowhere", "/../x", "/metrics", "/openapi.yaml"])
    func securityHeaders(_ path: String) async throws {
        try await withServer { client in
            let response = try await client.get(path)
            let policy = try #require(response.headers[.init("Content-Security-Policy")!])
            #expect(policy.contains("default-src 'self'"))
            #expect(policy.contains("script-src 'self'"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(response.headers[.init("Referrer-Policy")!] == "strict-origin-when-cross-origin")
            #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
            #expect(response.headers[.init("X-Request-ID")!]?.isEmpty == false)
        }
    }

    @Test("CORS: GET under /v1 from any origin; preflight for GET only; nothing outside /v1")
    func cors() async throws {
        try await withServer { client in
            let origin: HTTPFields = [.origin: "https://shop.example.com"]
            let api = try await client.get("/v1/codes/51", headers: origin)
            #expect(api.headers[.accessControlAllowOrigin] == "*")
            let missing = try await client.get("/v1/codes/zz", headers: origin)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.accessControlAllowOrigin] == "*")

            let preflight = try await client.execute(
                uri: "/v1/articles", method: .options,
                headers: [.origin: "https://shop.example.com", .accessControlRequestMethod: "GET"]
            ) { $0 }
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowMethods] == "GET, HEAD")
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")

            let post = try await client.execute(
                uri: "/v1/articles", method: .options,
                headers: [.origin: "https://shop.example.com", .accessControlRequestMethod: "POST"]
            ) { $0 }
            #expect(post.status == .forbidden)
            #expect(try post.error.code == "cors-method-not-allowed")

            for path in ["/metrics", "/healthz", "/openapi.yaml"] {
                let response = try await client.get(path, headers: origin)
                #expect(response.headers[.accessControlAllowOrigin] == nil, "\(path)")
            }
            let noOrigin = try await client.get("/v1/codes/51")
            #expect(noOrigin.headers[.accessControlAllowOrigin] == nil)
        }
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String { "database password is hunter2 at /srv/secret" }
    }

    @Test("a 500 says nothing internal, names the request id, and the log has the error under that id")
    func internalError() async throws {
        let logs = InMemoryLogHandler()
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get("/fail") { _, _ -> Response in throw Failure() }
        let app = Application(router: router, logger: Logger(label: "kb-test", factory: { _ in logs }))
        try await app.test(.router) { client in
            let response = try await client.get("/fail")
            #expect(response.status == .internalServerError)
            let error = try response.error
            #expect(error.code == "internal-error")
            #expect(!response.text.contains("hunter2") && !response.text.contains("/srv"))
            let requestID = try #require(error.message.split(separator: " ").last.map(String.init))
            let entry = try #require(logs.entries.first { $0.level == .error })
            #expect(entry.metadata["hb.request.id"]?.description == requestID)
            #expect(entry.metadata["error"]?.description.contains("hunter2") == true)
        }
    }

    @Test("one log line per request at info: method, path, status, duration, request id")
    func requestLog() async throws {
        let logs = InMemoryLogHandler()
        try await withServer(logger: Logger(label: "kb-test", factory: { _ in logs })) { client in
            _ = try await client.get("/v1/codes/51?x=1")
            _ = try await client.get("/v1/nothing")
        }
        let lines = logs.entries.filter { $0.message.description == "request" }
        #expect(lines.count == 2)
        let first = try #require(lines.first)
        #expect(first.level == .info)
        #expect(first.metadata["http.method"]?.description == "GET")
        #expect(first.metadata["http.path"]?.description == "/v1/codes/51")
        #expect(first.metadata["http.status"]?.description == "200")
        #expect(first.metadata["duration_ms"]?.description.contains(".") == true)
        #expect(first.metadata["hb.request.id"] != nil)
        #expect(lines.last?.metadata["http.status"]?.description == "404")
    }
}
