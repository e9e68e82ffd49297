import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KnowledgeBase
import Testing

@Suite("Response codes")
struct CodeRouteTests {
    @Test("GET /v1/codes lists every code in the table's order")
    func list() async throws {
        try await withServer { client in
            let body = try await client.get("/v1/codes").object
            let codes = try #require(body["codes"] as? [[String: Any]])
            let expected = TestContent.knowledgeBase.content.responseCodes.map(\.code)
            #expect(codes.compactMap { $0["code"] as? String } == expected)
            #expect(body["total"] as? Int == expected.count)
            #expect(codes.first?["class"] is String && codes.first?["merchant_action"] is String)
        }
    }

    @Test("GET /v1/codes/{code} in any case, or by name", arguments: [
        ("51", "51"), ("n7", "N7"), ("N7", "N7"), ("do%20not%20honor", "05"), ("Insufficient%20funds", "51"),
    ])
    func code(_ path: String, _ expected: String) async throws {
        try await withServer { client in
            let response = try await client.get("/v1/codes/\(path)")
            #expect(response.status == .ok)
            let body = try response.object
            #expect(body["code"] as? String == expected)
            #expect(body["url"] as? String == "/codes/\(expected).html")
            #expect(body["customer_message"] is String)
        }
    }

    @Test("an unknown code is a 404 with close codes")
    func unknownCode() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/codes/5x")
            #expect(response.status == .notFound)
            let error = try response.error
            #expect(error.code == "unknown-code")
            #expect(error.message.hasPrefix("no response code '5x'; close codes: 51 (Insufficient funds)"))
            #expect(error.suggestions.first == "51")
            let none = try await client.get("/v1/codes/%E2%9C%93%E2%9C%93%E2%9C%93%E2%9C%93").error
            #expect(none.message == "no response code '✓✓✓✓'; GET /v1/codes lists every code")
            #expect(none.suggestions.isEmpty)
        }
    }
}
