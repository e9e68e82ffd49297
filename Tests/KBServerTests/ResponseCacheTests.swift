import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KBServer
import Testing

/// The response cache stays within its byte budget, whatever is asked of it.
@Suite("Response cache budget")
struct ResponseCacheTests {
    static func response(bytes: Int) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: bytes))
        )
    }

    @Test("never over budget: random sizes, URIs and versions; oldest evicted first; an oversized entry is not kept")
    func budget() {
        let metrics = ServerMetrics()
        let cache = ResponseCache(budget: 64 * 1024, metrics: metrics)
        var generator = SystemRandomNumberGenerator()
        for index in 0..<2000 {
            let size = Int.random(in: 0...6000, using: &generator)
            let uri = "/v1/suggest?q=" + String(repeating: "q", count: Int.random(in: 1...1000, using: &generator)) + "\(index)"
            cache.store(Self.response(bytes: size), version: index % 7 == 0 ? "b" : "a", uri: uri)
            cache._checkInvariants()
            #expect(cache.bytes <= cache.budget)
        }
        #expect(cache.evictions > 0)
        #expect(cache.count > 5)

        let before = cache.count
        cache.store(Self.response(bytes: 9000), version: "a", uri: "/v1/too-big")
        #expect(cache.response(version: "a", uri: "/v1/too-big") == nil, "over an eighth of the budget: not kept")
        #expect(cache.count == before)

        // The newest entry is kept, the oldest went first.
        cache.store(Self.response(bytes: 10), version: "a", uri: "/v1/newest")
        #expect(cache.response(version: "a", uri: "/v1/newest") != nil)

        let text = metrics.exposition()
        #expect(text.contains("kb_response_cache_bytes \(Double(cache.bytes))"), "\(text)")
        #expect(text.contains("kb_response_cache_entries \(Double(cache.count))"))
        #expect(text.contains("kb_response_cache_budget_bytes 65536.0"))
        #expect(text.contains("kb_response_cache_evictions_total \(cache.evictions)"))

        cache.removeAll()
        #expect(cache.bytes == 0 && cache.count == 0)
        cache._checkInvariants()
    }

    @Test("through the server: 60 KB suggest queries are refused, long ones cached within budget, and /metrics says so")
    func throughTheServer() async throws {
        let metrics = ServerMetrics()
        try await withServer(metrics: metrics, configure: { $0.cacheBytes = 32 * 1024 }) { client in
            #expect(try await client.get("/v1/suggest?q=" + String(repeating: "a", count: 60_000)).status == .badRequest)
            for index in 0..<200 {
                let response = try await client.get("/v1/suggest?q=" + String(repeating: "unlock ", count: 140) + "\(index)")
                #expect(response.status == .ok)
            }
            let text = try await client.get("/metrics").text
            let bytes = try #require(text.split(separator: "\n").first { $0.hasPrefix("kb_response_cache_bytes ") })
            let value = try #require(Double(bytes.split(separator: " ")[1]))
            #expect(value > 0 && value <= 32 * 1024)
            let evictions = try #require(text.split(separator: "\n").first { $0.hasPrefix("kb_response_cache_evictions_total ") })
            #expect(Double(evictions.split(separator: " ")[1]) ?? 0 > 0)
        }
    }
}
