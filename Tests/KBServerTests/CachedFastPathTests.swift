import Foundation
import Hummingbird
import HummingbirdTesting
import KBAnalytics
@testable import KBServer
import Synchronization
import Testing

/// Cached answers served before routing are the routed answers, byte for byte: the
/// same requests sent on the wire to a server with the fast path and to one without
/// get the same status line, the same headers in the same order (but `Date` and the
/// per-request `X-Request-ID`) and the same body.
@Suite("Cached answers before routing")
struct CachedFastPathTests {
    /// Request heads that change what a cached answer may carry: gzip asked for, a
    /// conditional request, a cross-origin one, another language, all together.
    static let variants: [String] = [
        "",
        "Accept-Encoding: gzip, deflate\r\n",
        "If-None-Match: \"x\", *\r\n",
        "Origin: https://merchant.example\r\n",
        "Accept-Language: id-ID,id;q=0.9\r\n",
        "Accept-Encoding: gzip\r\nIf-None-Match: *\r\nOrigin: https://a.example\r\nAccept-Language: en\r\n",
    ]

    static let uris = [
        "/v1/search?q=account%20locked",
        "/v1/search?q=refnd&limit=3",
        "/v1/suggest?q=unl",
        "/v1/articles",
        "/v1/codes",
    ]

    /// Each URI under each variant, twice (the first fills the cache, the second is
    /// answered from it), on one kept-alive connection: the replies as normalized text.
    static func replies(
        fastPath: Bool, analytics: ServerAnalytics = .off, normalize: @escaping @Sendable (String) -> String
    ) async throws -> [String] {
        try await withLiveServer(analytics: analytics, configure: { $0.answersBeforeRouting = fastPath }) { port in
            let connection = try RawConnection(port: port)
            var replies: [String] = []
            for uri in uris {
                for variant in variants {
                    for _ in 0..<2 {
                        await connection.send("GET \(uri) HTTP/1.1\r\nHost: localhost\r\n\(variant)\r\n")
                        let reply = await connection.receiveResponse()
                        #expect(reply.status == 200, "\(uri) \(variant): \(reply.text.prefix(200))")
                        replies.append(normalize(reply.text))
                    }
                }
            }
            return replies
        }
    }

    /// The reply with the values of `Date` and `X-Request-ID` blanked (each request has its
    /// own) and, in the body, the search's `tookMicros` (each server times its own search),
    /// with `Content-Length`, which counts its digits.
    static func normalized(_ text: String) -> String {
        guard let end = text.range(of: "\r\n\r\n") else { return text }
        let head = text[..<end.lowerBound].components(separatedBy: "\r\n").map { line in
            let name = line.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return ["date", "x-request-id", "content-length"].contains(name) ? name + ": -" : line
        }
        let body = text[end.upperBound...].replacing(/"tookMicros":\d+/, with: "\"tookMicros\":-")
        return head.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    @Test("the fast path's replies equal the routed ones: status, headers in order (but Date and X-Request-ID), body")
    func byteIdentical() async throws {
        let routed = try await Self.replies(fastPath: false, normalize: Self.normalized)
        let fast = try await Self.replies(fastPath: true, normalize: Self.normalized)
        #expect(routed.count == fast.count)
        for (index, (expected, actual)) in zip(routed, fast).enumerated() {
            #expect(expected == actual, "request \(index): routed\n\(expected.prefix(600))\nfast path\n\(actual.prefix(600))")
        }
    }

    @Test("on one server, the fast path's answer is the routed first answer to the byte (tookMicros and all)")
    func sameServerSameBytes() async throws {
        let keepBody: @Sendable (String) -> String = { text in
            let normalized = Self.normalized(text)
            guard let end = text.range(of: "\r\n\r\n"), let mine = normalized.range(of: "\r\n\r\n") else { return text }
            return String(normalized[..<mine.upperBound] + text[end.upperBound...])
        }
        for fastPath in [false, true] {
            let replies = try await Self.replies(fastPath: fastPath, normalize: keepBody)
            for pair in stride(from: 0, to: replies.count, by: 2) {
                #expect(replies[pair] == replies[pair + 1], "fast path \(fastPath), request \(pair + 1)")
            }
        }
    }

    @Test("cached answers are served before routing and still counted by route in /metrics")
    func answeredBeforeRouting() async throws {
        let metrics = ServerMetrics()
        try await withServer(metrics: metrics) { client in
            for _ in 0..<3 {
                let response = try await client.get("/v1/search?q=refund")
                #expect(response.status == .ok)
                #expect(response.headers[.xRequestID] != nil)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            let text = try await client.get("/metrics").text
            let line = try #require(text.split(separator: "\n").first {
                $0.hasPrefix("kb_http_requests_total{") && $0.contains("route=\"/v1/search\"")
            }, "\(text)")
            #expect(line.hasSuffix(" 3"), "\(line)")
        }
    }

    @Test("while searches are recorded, the fast path answers a search seen before as the route does, with a fresh searchId, and records it")
    func recordedSearches() async throws {
        let searchID = /"searchId":"[0-9a-f]{32}"/
        let blankID: @Sendable (String) -> String = { Self.normalized($0).replacing(/"searchId":"[0-9a-f]{32}"/, with: "\"searchId\":\"-\"") }
        var routedAndFast: [[String]] = []
        for fastPath in [false, true] {
            let fixture = try AnalyticsFixture()
            defer { fixture.remove() }
            let raw = Mutex<[String]>([])
            let report = try await fixture.run {
                let replies = try await Self.replies(fastPath: fastPath, analytics: ServerAnalytics(recorder: fixture.recorder)) { $0 }
                raw.withLock { $0 = replies }
            }
            let replies = raw.withLock { $0 }
            let ids = replies.compactMap { $0.firstMatch(of: searchID).map { String($0.output) } }
            let searches = Self.uris.filter { $0.hasPrefix("/v1/search") }.count * Self.variants.count * 2
            #expect(ids.count == searches, "fast path \(fastPath)")
            #expect(Set(ids).count == searches, "fast path \(fastPath): every answer has its own searchId")
            #expect(report.totals.searches == searches, "fast path \(fastPath): every search recorded")
            routedAndFast.append(replies.map(blankID))
        }
        #expect(routedAndFast[0].count == routedAndFast[1].count)
        for (index, (routed, fast)) in zip(routedAndFast[0], routedAndFast[1]).enumerated() {
            #expect(routed == fast, "request \(index): routed\n\(routed.prefix(600))\nfast path\n\(fast.prefix(600))")
        }
    }

    @Test("with analytics recording, each search is answered afresh with its own searchId")
    func searchesNotCachedWhileRecording() {
        #expect(uncachedPaths(.off) == [ServerRoute.report.path])
        // The fast path skips exactly what the cache middleware skips.
        let request = Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/v1/search?q=refund"),
            body: RequestBody(buffer: ByteBuffer())
        )
        #expect(ResponseCacheMiddleware.key(request, uncachedPaths: [ServerRoute.search.path]) == nil)
        #expect(ResponseCacheMiddleware.key(request, uncachedPaths: []) == "/v1/search?q=refund")
    }
}
