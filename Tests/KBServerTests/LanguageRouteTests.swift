import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The API in two languages")
struct LanguageRouteTests {
    @Test("a search in Indonesian words searches Indonesian, says so, and finds the article first")
    func detectedSearch() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/search?q=lupa%20kode%20otp")
            #expect(response.status == .ok)
            #expect(response.headers[.contentLanguage] == "id")
            #expect(response.headers[.vary]?.contains("Accept-Language") == true)
            let body = try response.object
            #expect(body["lang"] as? String == "id")
            let hits = try #require(body["hits"] as? [[String: Any]])
            #expect(hits.first?["id"] as? String == "forgot-2fa-code")
            #expect(hits.first?["lang"] as? String == "id")
            #expect(hits.first?["url"] as? String == "/id/articles/forgot-2fa-code.html")
            let english = try await client.get("/v1/search?q=account%20locked").object
            #expect(english["lang"] as? String == "en")
        }
    }

    @Test("?lang= wins over Accept-Language, which wins over English; the cache keeps them apart")
    func negotiation() async throws {
        try await withServer { client in
            let plain = try await client.get("/v1/codes/51")
            #expect(plain.headers[.contentLanguage] == "en")
            #expect(try plain.object["name"] as? String == "Insufficient funds")
            let asked = try await client.get("/v1/codes/51", headers: [.acceptLanguage: "id-ID,id;q=0.9,en;q=0.8"])
            #expect(asked.headers[.contentLanguage] == "id")
            #expect(try asked.object["name"] as? String == "Dana tidak cukup")
            let forced = try await client.get("/v1/codes/51?lang=en", headers: [.acceptLanguage: "id"])
            #expect(try forced.object["name"] as? String == "Insufficient funds")
            let article = try await client.get("/v1/articles/unlock-account?lang=id").object
            #expect((article["title"] as? String)?.hasPrefix("Bagaimana") == true)
            let answer = try await client.get("/v1/codes/51/answer?lang=id&format=text").object
            #expect((answer["text"] as? String)?.hasPrefix("Halo Bapak/Ibu,") == true)
        }
    }

    @Test("an unknown language is a 400 naming the ones there are")
    func unknownLanguage() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/codes/51?lang=fr")
            #expect(response.status == .badRequest)
            let error = try response.error
            #expect(error.code == "unknown-language")
            #expect(error.message == "unknown language 'fr'; use en or id")
        }
    }
}
