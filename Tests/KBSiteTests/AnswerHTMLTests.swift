import Foundation
import KBContent
import Testing
@testable import KBSite

/// `kb answer --format html` and the answer API's `format=html`: fragments built with
/// libxml2 for rich e-mail editors, checked byte for byte against golden files.
/// After an intended change, run `KB_UPDATE_GOLDEN=1 swift test --filter AnswerHTMLTests`.
@Suite("Answers as HTML")
struct AnswerHTMLTests {
    static let content = SiteFixtures.shippedContent
    static let articles = ["unlock-account", "cancel-transaction", "forgot-2fa-code", "notification-and-redirect-urls"]
    static let codes = ["51", "05", "N7"]
    static let variables: AnswerVariables = {
        do {
            return try AnswerVariables(["customer.name": "Budi", "agent.name": "Sari", "order_id": "ORDER-1001", "user.email": "budi@example.com"])
        } catch {
            fatalError("the test's variables are refused: \(error)")
        }
    }()

    let linked = HTMLFragmentRenderer(content: Self.content, baseURL: SiteFixtures.baseURL)
    let unlinked = HTMLFragmentRenderer(content: Self.content, baseURL: nil)

    private func check(_ html: String, _ name: String) throws {
        let actual = html + "\n"
        let expected = try Golden.expected("answers/" + name, actual: actual)
        #expect(actual == expected, "differs from Golden/answers/\(name); if the change is intended, run the tests with KB_UPDATE_GOLDEN=1")
    }

    @Test("article answers match their golden files, with absolute links under a base URL", arguments: articles)
    func articleGolden(_ slug: String) throws {
        let article = try #require(Self.content.article(slug))
        let answer = try Answer.forArticle(article, variables: Self.variables)
        try check(try linked.html(answer), "\(slug).html")
    }

    @Test("code answers match their golden files", arguments: codes)
    func codeGolden(_ code: String) throws {
        let responseCode = try #require(Self.content.responseCode(code))
        let answer = try Answer.forCode(responseCode, variables: Self.variables)
        try check(try unlinked.html(answer), "code-\(code).html")
    }

    @Test("a link to another article is absolute with a base URL and only its text without one")
    func linksToTheSite() throws {
        let article = try #require(Self.content.article("cancel-transaction"))
        let answer = try Answer.forArticle(article, variables: Self.variables)
        let withBase = try linked.html(answer)
        #expect(withBase.contains(#"href="https://help.example.com/kb/articles/refund-transaction.html""#))
        let withoutBase = try unlinked.html(answer)
        #expect(!withoutBase.contains("refund-transaction"))
        #expect(!withoutBase.contains("<a href=\"articles/"))
        #expect(withoutBase.contains("<p>Hi Budi,</p>"))
    }

    @Test("the sign-off keeps its line break; only the fragment is written, no page around it")
    func structure() throws {
        let article = try #require(Self.content.article("unlock-account"))
        let html = try unlinked.html(try Answer.forArticle(article, variables: Self.variables))
        #expect(html.hasPrefix("<p>Hi Budi,</p>"))
        #expect(html.hasSuffix("<p>Best regards,<br>Sari</p>"))
        #expect(!html.contains("<body") && !html.contains("<html") && !html.contains("<!DOCTYPE"))
        #expect(!html.contains("{{"))
    }

    @Test("hostile Markdown in an answer stays inert: no script, no javascript: link, text escaped")
    func hostile() throws {
        let markdown = """
        Hi <script>alert(1)</script> there, [click](javascript:alert(1)) and [x](data:text/html,hi) \
        "><img src=x onerror=alert(1)> and </body><p>after</p> and a NUL \u{0}here.

        <div onclick="alert(1)">raw block</div>

        [mail](mailto:support@example.com) [web](https://example.com/a?b=1&c=2)
        """
        let document = MarkdownParser.parse(markdown)
        let html = try unlinked.html(document)
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<div"))
        #expect(!html.contains("\u{0}"))
        #expect(html.contains(#"<a href="mailto:support@example.com">mail</a>"#))
        #expect(html.contains(#"<a href="https://example.com/a?b=1&amp;c=2">web</a>"#))
    }

    @Test("an article body for the API links to the site from its root and keeps its heading anchors")
    func articleBodyRootRelative() throws {
        let article = try #require(Self.content.article("cancel-transaction"))
        let html = try HTMLFragmentRenderer(content: Self.content, siteLinks: .rootRelative).html(article.document)
        #expect(html.contains(#"href="/articles/refund-transaction.html""#))
        let anchor = try #require(article.document.headingAnchors.first)
        #expect(html.contains(#"id="\#(anchor)""#))
        #expect(html.contains("<a href=\"#\(anchor)\">"))
        #expect(!html.contains("<h1"))
    }
}
