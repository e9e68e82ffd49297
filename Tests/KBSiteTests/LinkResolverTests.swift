import KBContent
import Testing
@testable import KBSite

@Suite("Which links a page may hold")
struct LinkResolverTests {
    static let target = ContentBuilder.article(slug: "other-article", markdown: "## Known heading\n\nText.\n")
    static let content = ContentBuilder.content([ContentBuilder.article(markdown: "Body."), target])
    let resolver = LinkResolver(content: Self.content, page: .article("test-article"), ownAnchors: ["here"])

    @Test("allowed destinations become relative or web links", arguments: [
        ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),
        ("HTTP://example.com", "HTTP://example.com"),
        ("mailto:help@example.com", "mailto:help@example.com"),
        ("other-article.md", "other-article.html"),
        ("./other-article.md", "other-article.html"),
        ("../other-article.md", "other-article.html"),
        ("other-article.md#known-heading", "other-article.html#known-heading"),
        ("other-article.md#no-such-heading", "other-article.html"),
        ("code:51", "../codes/51.html"),
        ("#here", "#here"),
        ("  https://example.com/x  ", "https://example.com/x"),
    ])
    func allowed(_ destination: String, _ expected: String) {
        #expect(resolver.href(for: destination) == expected)
    }

    @Test("everything else is shown as text, not linked", arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " \tjava\nscript:alert(1)", "jav\u{0}ascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "ftp://example.com",
        "//evil.example/x", "\\\\evil.example\\x", "/etc/passwd", "missing-article.md", "code:99", "#nowhere",
        "images/logo.png", "folder/other-article.md", "", "   ",
    ])
    func refused(_ destination: String) {
        #expect(resolver.href(for: destination) == nil)
    }
}
