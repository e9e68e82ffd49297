import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KnowledgeBase
import Testing

@Suite("Articles and categories")
struct ArticleRouteTests {
    @Test("GET /v1/articles lists every article without its Markdown")
    func list() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let body = try response.object
            let articles = try #require(body["articles"] as? [[String: Any]])
            #expect(body["total"] as? Int == TestContent.knowledgeBase.content.articles.count)
            #expect(articles.count == TestContent.knowledgeBase.content.articles.count)
            let unlock = try #require(articles.first { $0["slug"] as? String == "unlock-account" })
            #expect(unlock["url"] as? String == "/articles/unlock-account.html")
            #expect(unlock["category"] as? String == "portal-access")
            #expect(unlock["markdown"] == nil)
        }
    }

    @Test("?category= keeps one category's articles, sorted by title")
    func listByCategory() async throws {
        try await withServer { client in
            let body = try await client.get("/v1/articles?category=payments").object
            let articles = try #require(body["articles"] as? [[String: Any]])
            let expected = TestContent.knowledgeBase.content.articles(inCategory: "payments").map(\.slug)
            #expect(articles.compactMap { $0["slug"] as? String } == expected)
            #expect(articles.allSatisfy { $0["category"] as? String == "payments" })
        }
    }

    @Test("an unknown category is a 404 that lists the categories; given twice, a 400")
    func unknownCategory() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles?category=paymnts")
            #expect(response.status == .notFound)
            let error = try response.error
            #expect(error.code == "unknown-category")
            #expect(error.message.hasPrefix("no category 'paymnts'; categories are: portal-access, "))
            let twice = try await client.get("/v1/articles?category=payments&category=integration")
            #expect(twice.status == .badRequest)
            #expect(try twice.error.code == "repeated-parameter")
            #expect(error.suggestions.contains("payments"))
        }
    }

    @Test("GET /v1/articles/{slug}: metadata, Markdown with policies filled, its HTML, related articles")
    func article() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles/unlock-account")
            #expect(response.status == .ok)
            let body = try response.object
            #expect(body["title"] as? String == "How do I unlock my portal account?")
            #expect(body["flow"] as? String == "account-lockout")
            let markdown = try #require(body["markdown"] as? String)
            #expect(markdown.contains("15 minutes"))
            #expect(!markdown.contains("{{"))
            let html = try #require(body["html"] as? String)
            #expect(html.hasPrefix("<"))
            #expect(html.contains("15 minutes"))
            #expect(html.contains("<h2 id="))
            #expect(!html.contains("<h1") && !html.contains("<body") && !html.contains("{{"))
            let related = try #require(body["related_articles"] as? [[String: Any]])
            let slugs = try #require(body["related"] as? [String])
            #expect(related.compactMap { $0["slug"] as? String } == slugs)
            #expect(related.allSatisfy { ($0["url"] as? String)?.hasPrefix("/articles/") == true && $0["title"] is String })
        }
    }

    @Test("slugs match in any case and with .md; links are absolute under --base-url")
    func slugForms() async throws {
        try await withServer(baseURL: "https://help.example.com/kb/") { client in
            for path in ["/v1/articles/Unlock-Account", "/v1/articles/unlock-account.md", "/v1/articles/unlock%2Daccount"] {
                let body = try await client.get(path).object
                #expect(body["slug"] as? String == "unlock-account", "\(path)")
                #expect(body["url"] as? String == "https://help.example.com/kb/articles/unlock-account.html")
            }
            let html = try #require(try await client.get("/v1/articles/cancel-transaction").object["html"] as? String)
            #expect(html.contains(#"href="https://help.example.com/kb/articles/refund-transaction.html""#))
        }
        try await withServer { client in
            let html = try #require(try await client.get("/v1/articles/cancel-transaction").object["html"] as? String)
            #expect(html.contains(#"href="/articles/refund-transaction.html""#))
        }
    }

    @Test("an unknown slug is a 404 that suggests close slugs")
    func unknownArticle() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles/unlock-acount")
            #expect(response.status == .notFound)
            let error = try response.error
            #expect(error.code == "unknown-article")
            #expect(error.message == "no article 'unlock-acount'; did you mean: unlock-account?")
            #expect(error.suggestions == ["unlock-account"])
            let far = try await client.get("/v1/articles/zzzzzzzzzzzz").error
            #expect(far.message == "no article 'zzzzzzzzzzzz'; GET /v1/articles lists them")
        }
    }

    @Test("GET /v1/categories: home-page order with article counts")
    func categories() async throws {
        try await withServer { client in
            let body = try await client.get("/v1/categories").object
            let categories = try #require(body["categories"] as? [[String: Any]])
            let content = TestContent.knowledgeBase.content
            #expect(categories.compactMap { $0["id"] as? String } == content.categories.map(\.id))
            let payments = try #require(categories.first { $0["id"] as? String == "payments" })
            #expect(payments["articles"] as? Int == content.articles(inCategory: "payments").count)
            #expect(payments["url"] as? String == "/categories/payments.html")
            #expect(payments["title"] is String && payments["description"] is String && payments["order"] is Int)
        }
    }
}
