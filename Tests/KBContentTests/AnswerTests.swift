import Testing
@testable import KBContent

@Suite("Answers for support agents")
struct AnswerTests {
    static let articles = ["unlock-account", "cancel-transaction", "forgot-2fa-code", "notification-and-redirect-urls"]
    static let codes = ["51", "05", "N7"]
    let content = ShippedContent.result.content
    let plain = AnswerTextRenderer()
    let linked = AnswerTextRenderer(baseURL: "https://help.example.com/kb/")

    @Test("every article has an answer that greets and signs", arguments: ShippedContent.result.content.articles)
    func everyArticleHasAnAnswer(_ article: Article) throws {
        let answer = try Answer.forArticle(article, variables: AnswerVariables())
        let text = plain.plainText(answer)
        #expect(text.hasPrefix("Hi there,"))
        #expect(text.hasSuffix("Midtrans Support"))
        #expect(!text.contains("{{"))
    }

    @Test("article answers in text and Markdown match their golden files", arguments: articles)
    func articleGolden(_ slug: String) throws {
        let article = try #require(content.article(slug))
        let variables = try AnswerVariables(["customer.name": "Budi", "agent.name": "Sari", "order_id": "ORDER-1001", "user.email": "budi@example.com"])
        let answer = try Answer.forArticle(article, variables: variables)
        Golden.check(plain.plainText(answer) + "\n", "answers/\(slug).txt")
        Golden.check(linked.markdown(answer) + "\n", "answers/\(slug).md")
    }

    @Test("code answers in text and Markdown match their golden files", arguments: codes)
    func codeGolden(_ code: String) throws {
        let responseCode = try #require(content.responseCode(code))
        let answer = try Answer.forCode(responseCode, variables: AnswerVariables(["customer.name": "Budi"]))
        Golden.check(plain.plainText(answer) + "\n", "answers/code-\(code).txt")
        Golden.check(linked.markdown(answer) + "\n", "answers/code-\(code).md")
    }

    @Test("plain text has no Markdown markers; links read text: URL")
    func plainTextShape() throws {
        let markdown = "Hi {{customer.name}},\n\nSee **this** [guide](refund-transaction.md#how), [code 51](code:51) and [mail](mailto:a@b.c).\n\n1. One\n2. `Two`\n\nBest regards,\n{{agent.name}}"
        let article = try #require(content.article("unlock-account"))
        var custom = article
        custom.answer = markdown
        let answer = try Answer.forArticle(custom, variables: AnswerVariables())
        #expect(plain.plainText(answer) == "Hi there,\n\nSee this guide, code 51 and mail: a@b.c.\n\n1. One\n2. Two\n\nBest regards,\nMidtrans Support")
        #expect(linked.plainText(answer).contains("guide: https://help.example.com/kb/articles/refund-transaction.html#how, code 51: https://help.example.com/kb/codes/51.html"))
        #expect(linked.markdown(answer).contains("See **this** [guide](https://help.example.com/kb/articles/refund-transaction.html#how)"))
    }

    @Test("strict mode lists the variables not given; unknown variables are refused")
    func variables() throws {
        let article = try #require(content.article("unlock-account"))
        #expect(throws: AnswerError.missingVariables(["agent.name", "customer.name", "user.email"])) {
            try Answer.forArticle(article, variables: AnswerVariables(), strict: true)
        }
        let all = try AnswerVariables(["agent.name": "Sari", "customer.name": "Budi", "user.email": "b@x.id"])
        #expect(throws: Never.self) { try Answer.forArticle(article, variables: all, strict: true) }
        #expect(throws: AnswerError.unknownVariable("customer")) { try AnswerVariables(["customer": "x"]) }
        #expect(AnswerError.unknownVariable("x").description == "unknown variable 'x'; answers know: agent.name, customer.name, order_id, user.email")
    }
}
