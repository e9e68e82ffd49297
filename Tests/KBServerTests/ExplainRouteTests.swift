import Foundation
import Hummingbird
import HummingbirdTesting
import KBServer
import Testing

@Suite("POST /v1/explain")
struct ExplainRouteTests {
    private func post(_ uri: String, _ body: String, type: String? = "application/json") async throws -> TestResponse {
        let headers: HTTPFields = type.map { [.contentType: $0] } ?? [:]
        return try await withServer { client in
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
        }
    }

    private static let denied = """
    {"status_code": "202", "transaction_status": "deny", "fraud_status": "accept", "payment_type": "credit_card",
     "order_id": "ORDER-1", "channel_response_code": "51"}
    """

    @Test("a card deny is explained as kb explain --json does, the bank code from the table")
    func denied() async throws {
        let response = try await post("/v1/explain", Self.denied)
        #expect(response.status == .ok)
        #expect(response.headers[.contentLanguage] == "en")
        let body = try response.object
        #expect(body["state"] as? String == "denied")
        #expect(body["paid"] as? Bool == false)
        #expect((body["bank_code"] as? [String: Any])?["code"] as? String == "51")
        #expect((body["read"] as? [[String: Any]])?.contains { $0["id"] as? String == "bank-response-codes" } == true)

        let indonesian = try await post("/v1/explain?lang=id", Self.denied)
        #expect(indonesian.headers[.contentLanguage] == "id")
        #expect((try indonesian.object["headline"] as? String)?.hasPrefix("Ditolak") == true)
    }

    @Test("a redirect URL as text/plain; what is not a Midtrans message is a 400 saying what was expected")
    func textAndErrors() async throws {
        let redirect = try await post("/v1/explain", "https://shop.example.co.id/thanks?order_id=A&status_code=201&transaction_status=pending", type: "text/plain")
        #expect(redirect.status == .ok)
        #expect(try redirect.object["state"] as? String == "pending")

        let malformed = try await post("/v1/explain", "{\n\"status_code\": 200,\n\"transaction_status\": pending\n}")
        #expect(malformed.status == .badRequest)
        let error = try #require(try malformed.object["error"] as? [String: Any])
        #expect(error["code"] as? String == "not-midtrans")
        #expect((error["message"] as? String)?.hasPrefix("line 3, column") == true)

        let other = try await post("/v1/explain", #"{"name": "Budi"}"#)
        #expect(other.status == .badRequest)

        let image = try await post("/v1/explain", "GIF89a", type: "image/gif")
        #expect(image.status == .unsupportedMediaType)

        let huge = try await post("/v1/explain", "{\"order_id\": \"" + String(repeating: "x", count: 70_000) + "\"}")
        #expect(huge.status == .contentTooLarge)
    }
}
