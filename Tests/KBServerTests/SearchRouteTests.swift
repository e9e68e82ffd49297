import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBSearch
import KBServer
import KnowledgeBase
import Testing

@Suite("Search and suggestions")
struct SearchRouteTests {
    @Test("GET /v1/search answers with the record kb search --json prints")
    func searchMatchesTheFacade() async throws {
        let response = try await withServer { client in try await client.get("/v1/search?q=account%20locked&limit=3") }
        #expect(response.status == .ok)
        let body = try response.object
        let expected = TestContent.knowledgeBase.search("account locked", options: SearchOptions(limit: 3))
        #expect(body["query"] as? String == "account locked")
        #expect(body["total"] as? Int == expected.total)
        let hits = try #require(body["hits"] as? [[String: Any]])
        #expect(hits.compactMap { $0["id"] as? String } == expected.hits.map(\.id))
        #expect(hits.first?["id"] as? String == "unlock-account")
        #expect(hits.first?["url"] as? String == "/articles/unlock-account.html")
        #expect(body["facets"] is [String: Any] && body["tookMicros"] is Int && body["truncated"] as? Bool == false)
    }

    @Test("kind, category, offset and limit narrow and page the hits")
    func filtersAndPaging() async throws {
        try await withServer { client in
            let codes = try await client.get("/v1/search?q=insufficient%20funds&kind=code").object
            let hits = try #require(codes["hits"] as? [[String: Any]])
            #expect(!hits.isEmpty && hits.allSatisfy { $0["kind"] as? String == "code" })
            #expect(hits.first?["id"] as? String == "51")

            let all = try #require(try await client.get("/v1/search?q=payment&limit=4").object["hits"] as? [[String: Any]])
            let second = try #require(try await client.get("/v1/search?q=payment&limit=2&offset=2").object["hits"] as? [[String: Any]])
            #expect(second.compactMap { $0["id"] as? String } == all.dropFirst(2).compactMap { $0["id"] as? String })

            let payments = try #require(try await client.get("/v1/search?q=cancel&category=payments").object["hits"] as? [[String: Any]])
            let content = TestContent.knowledgeBase.content
            #expect(payments.allSatisfy { content.article($0["id"] as? String ?? "")?.category == "payments" })
        }
    }

    @Test("bad search requests are 4xx naming what was wrong", arguments: [
        ("/v1/search", 400, "missing-parameter", "the query parameter 'q' is required: what to search for, e.g. ?q=account+locked"),
        ("/v1/search?q=%20%20", 400, "missing-parameter", "the query parameter 'q' is required: what to search for, e.g. ?q=account+locked"),
        ("/v1/search?q=x&limit=0", 400, "out-of-range", "'limit' must be from 1 to 100, not 0"),
        ("/v1/search?q=x&limit=101", 400, "out-of-range", "'limit' must be from 1 to 100, not 101"),
        ("/v1/search?q=x&limit=ten", 400, "invalid-parameter", "'ten' is not a valid value for 'limit'; expected a whole number from 1 to 100"),
        ("/v1/search?q=x&offset=-1", 400, "out-of-range", "'offset' must be from 0 to 999, not -1"),
        ("/v1/search?q=x&kind=page", 400, "unknown-kind", "unknown kind 'page'; use article or code"),
        ("/v1/search?q=x&q=y", 400, "repeated-parameter", "the query parameter 'q' is given 2 times; give it once"),
        ("/v1/suggest", 400, "missing-parameter", "the query parameter 'q' is required: what to search for, e.g. ?q=account+locked"),
    ])
    func badRequests(_ path: String, _ status: Int, _ code: String, _ message: String) async throws {
        let response = try await withServer { client in try await client.get(path) }
        #expect(Int(response.status.code) == status)
        let error = try response.error
        #expect(error.code == code)
        #expect(error.message == message)
    }

    @Test("an unknown category filter is a 404 listing the categories")
    func unknownCategory() async throws {
        let response = try await withServer { client in try await client.get("/v1/search?q=x&category=nope") }
        #expect(response.status == .notFound)
        #expect(try response.error.code == "unknown-category")
    }

    @Test("GET /v1/suggest: up to 8 titles and codes for a prefix")
    func suggest() async throws {
        let body = try await withServer { client in try await client.get("/v1/suggest?q=unl") }.object
        #expect(body["query"] as? String == "unl")
        let suggestions = try #require(body["suggestions"] as? [[String: Any]])
        #expect((1...8).contains(suggestions.count))
        #expect(suggestions.first?["id"] as? String == "unlock-account")
        let expected = TestContent.knowledgeBase.suggest("unl").map(\.id)
        #expect(suggestions.compactMap { $0["id"] as? String } == expected)
    }
}
