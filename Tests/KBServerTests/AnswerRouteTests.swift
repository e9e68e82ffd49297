import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KnowledgeBase
import Testing

@Suite("Answers")
struct AnswerRouteTests {
    /// What `kb answer` prints for the same subject, variables and format.
    private func expected(_ subject: String, _ variables: [String: String], markdown: Bool, baseURL: String? = nil) throws -> String {
        let knowledgeBase = TestContent.knowledgeBase
        let answer = try knowledgeBase.answer(for: try #require(knowledgeBase.subject(named: subject)), variables: AnswerVariables(variables))
        let renderer = AnswerTextRenderer(baseURL: baseURL)
        return markdown ? renderer.markdown(answer) : renderer.plainText(answer)
    }

    @Test("an article's answer: plain text by default, variables from var.NAME")
    func articleText() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles/cancel-transaction/answer?var.customer.name=Budi&var.order_id=ORDER-1001&var.agent.name=Sari")
            #expect(response.status == .ok)
            let body = try response.object
            #expect(body["kind"] as? String == "article")
            #expect(body["id"] as? String == "cancel-transaction")
            #expect(body["format"] as? String == "text")
            let text = try #require(body["text"] as? String)
            #expect(text.hasPrefix("Hi Budi,"))
            #expect(text.hasSuffix("Best regards,\nSari"))
            #expect(text == (try expected("cancel-transaction", ["customer.name": "Budi", "order_id": "ORDER-1001", "agent.name": "Sari"], markdown: false)))
        }
    }

    @Test("markdown keeps emphasis; links are absolute under --base-url and dropped to their text without it")
    func articleMarkdown() async throws {
        try await withServer(baseURL: "https://help.example.com") { client in
            let text = try #require(try await client.get("/v1/articles/cancel-transaction/answer?format=markdown").object["text"] as? String)
            #expect(text.contains("**Transactions**"))
            #expect(text.contains("](https://help.example.com/articles/refund-transaction.html)"))
            #expect(text == (try expected("cancel-transaction", [:], markdown: true, baseURL: "https://help.example.com")))
        }
        try await withServer { client in
            let text = try #require(try await client.get("/v1/articles/cancel-transaction/answer?format=markdown").object["text"] as? String)
            #expect(!text.contains("]("))
        }
    }

    @Test("html is the fragment `kb answer --format html` prints: libxml2-built, links absolute under --base-url")
    func articleHTML() async throws {
        try await withServer(baseURL: "https://help.example.com") { client in
            let body = try await client.get("/v1/articles/cancel-transaction/answer?format=html&var.customer.name=Budi").object
            #expect(body["format"] as? String == "html")
            let html = try #require(body["text"] as? String)
            #expect(html.hasPrefix("<p>Hi Budi,</p>"))
            #expect(html.contains("<li>"))
            #expect(html.contains(#"<a href="https://help.example.com/articles/refund-transaction.html">"#))
            #expect(html.hasSuffix("<p>Best regards,<br>Midtrans Support</p>"))
        }
        try await withServer { client in
            let html = try #require(try await client.get("/v1/codes/51/answer?format=html").object["text"] as? String)
            #expect(html.hasPrefix("<p>Hi there,</p>"))
            #expect(html.contains("response code 51"))
            #expect(!html.contains("<a "))
        }
    }

    @Test("a code's answer, by code in any case")
    func codeAnswer() async throws {
        try await withServer { client in
            let body = try await client.get("/v1/codes/n7/answer?format=text").object
            #expect(body["kind"] as? String == "code")
            #expect(body["id"] as? String == "N7")
            let text = try #require(body["text"] as? String)
            #expect(text.hasPrefix("Hi there,\n\nThe payment for your order was declined"))
            #expect(text == (try expected("N7", [:], markdown: false)))
        }
    }

    @Test("bad answer requests are 400s naming what was wrong", arguments: [
        ("/v1/articles/unlock-account/answer?format=rtf", "invalid-parameter", "'rtf' is not a valid value for 'format'; expected text, markdown or html"),
        ("/v1/codes/51/answer?strict=maybe", "invalid-parameter", "'maybe' is not a valid value for 'strict'; expected true or false"),
        ("/v1/articles/unlock-account/answer?var.name=Budi", "unknown-variable",
         "unknown variable 'var.name'; answers know: var.agent.name, var.customer.name, var.order_id, var.user.email"),
        ("/v1/articles/unlock-account/answer?strict=true&var.customer.name=Budi", "missing-variables",
         "strict: the answer needs agent.name, user.email; give var.agent.name=…&var.user.email=…"),
        ("/v1/articles/unlock-account/answer?format=text&format=markdown", "repeated-parameter",
         "the query parameter 'format' is given 2 times; give it once"),
    ])
    func badRequests(_ path: String, _ code: String, _ message: String) async throws {
        try await withServer { client in
            let response = try await client.get(path)
            #expect(response.status == .badRequest)
            let error = try response.error
            #expect(error.code == code)
            #expect(error.message == message)
        }
    }

    @Test("strict with every variable given answers")
    func strictComplete() async throws {
        try await withServer { client in
            let response = try await client.get("/v1/articles/unlock-account/answer?strict=1&var.customer.name=Budi&var.agent.name=Sari&var.user.email=budi%40example.com")
            #expect(response.status == .ok)
            #expect(try (response.object["text"] as? String)?.contains("budi@example.com") == true)
        }
    }

    @Test("unknown subjects are 404s with close matches")
    func unknownSubjects() async throws {
        try await withServer { client in
            let article = try await client.get("/v1/articles/unlock-acount/answer")
            #expect(article.status == .notFound)
            #expect(try article.error.code == "unknown-article")
            let code = try await client.get("/v1/codes/5x/answer")
            #expect(code.status == .notFound)
            #expect(try code.error.suggestions.first == "51")
        }
    }
}
