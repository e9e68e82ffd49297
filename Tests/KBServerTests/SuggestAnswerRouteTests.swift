import Foundation
import Hummingbird
import HummingbirdTesting
import KBServer
import Testing

@Suite("POST /v1/answers/suggest")
struct SuggestAnswerRouteTests {
    private func post(_ uri: String, _ body: String, type: String = "text/plain") async throws -> TestResponse {
        try await withServer { client in
            try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)) { $0 }
        }
    }

    @Test("a ticket gives its best matches with why, and the first one's answer with the ticket's details filled")
    func ticket() async throws {
        let ticket = """
        Hello, customer tried to pay order ORDER-2026-7788 three times, the bank response shows code 51.
        What should I tell him? Reply to finance@shop.example.co.id please.
        """
        let response = try await post("/v1/answers/suggest?var.customer.name=Budi", ticket)
        #expect(response.status == .ok)
        let body = try response.object
        let matches = try #require(body["matches"] as? [[String: Any]])
        #expect(matches.first?["kind"] as? String == "code")
        #expect(matches.first?["id"] as? String == "51")
        #expect((matches.first?["why"] as? [String])?.first == "the ticket names response code 51")
        let answer = try #require(body["answer"] as? [String: Any])
        let text = try #require(answer["text"] as? String)
        #expect(text.hasPrefix("Hi Budi,"))
        #expect(text.contains("ORDER-2026-7788"))
        #expect((body["filled"] as? [String: String])?["order_id"] == "ORDER-2026-7788")
        #expect((body["placeholders"] as? [String]) == ["agent.name"])
    }

    @Test("an Indonesian ticket is answered in Indonesian; JSON bodies carry the ticket; other bodies are refused")
    func languagesAndErrors() async throws {
        let indonesian = try await post("/v1/answers/suggest", #"{"ticket": "Halo, akun dashboard saya terkunci setelah salah kata sandi berkali-kali. Bagaimana cara membukanya?"}"#, type: "application/json")
        #expect(indonesian.status == .ok)
        #expect(indonesian.headers[.contentLanguage] == "id")
        #expect((try indonesian.object["matches"] as? [[String: Any]])?.first?["id"] as? String == "unlock-account")

        let notJSON = try await post("/v1/answers/suggest", #"{"text": "locked"}"#, type: "application/json")
        #expect(notJSON.status == .badRequest)
        let image = try await post("/v1/answers/suggest", "GIF89a", type: "image/gif")
        #expect(image.status == .unsupportedMediaType)
        let huge = try await post("/v1/answers/suggest", String(repeating: "locked account ", count: 5_000))
        #expect(huge.status == .contentTooLarge)
    }
}
