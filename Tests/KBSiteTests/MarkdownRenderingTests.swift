import Foundation
import KBContent
import Testing
@testable import KBSite

@Suite("Article bodies, from the Markdown tree into the page")
struct MarkdownRenderingTests {
    static let site = SiteFixtures.build(SiteFixtures.fixtureContent)
    let page = SiteFixtures.page("articles/declined-card.html", in: Self.site)

    var body: HTMLNode? { page?.all("div").first { $0["class"] == "article-body" } }

    @Test("headings get their anchor as id, a link to it beside them, and levels from h2")
    func headings() throws {
        let body = try #require(body)
        let headings = body.elements.filter { ["h1", "h2", "h3", "h4"].contains($0.name) }
        #expect(headings.map(\.name) == ["h2", "h3"])
        #expect(headings.map { $0["id"] } == ["read-the-response-code", "soft-and-hard-declines"])
        let anchors = body.all("a").filter { $0["class"] == "anchor" }
        #expect(anchors.map { $0["href"] } == ["#read-the-response-code", "#soft-and-hard-declines"])
        #expect(anchors.first?["aria-label"] == "Link to the section “Read the response code”")
    }

    @Test("body headings are renumbered so that none is an h1 and no level is skipped")
    func headingOutline() throws {
        let article = ContentBuilder.article(markdown: "# One\n\n### Two\n\n##### Three\n\n## Four\n\n#### Five\n")
        let data = try SiteBuilder(content: ContentBuilder.content([article])).page(.article(article.slug))
        let page = try #require(HTMLNode.parse(data))
        let levels = page.elements.compactMap { $0.name.count == 2 && $0.name.hasPrefix("h") ? Int($0.name.dropFirst()) : nil }
        #expect(levels == [1, 2, 3, 4, 3, 4, 2])
    }

    @Test("lists keep their nesting; tight items have no <p>")
    func lists() throws {
        let body = try #require(body)
        let ordered = try #require(body.all("ol").first)
        let items = ordered.children.filter { $0.name == "li" }
        #expect(items.count == 2)
        #expect(items[0].children.allSatisfy { $0.name == "#text" })
        #expect(items[1].all("ul").first?.all("li").count == 2)
    }

    @Test("tables have a header row with scope and the column alignment as a class")
    func tables() throws {
        let table = try #require(body?.all("table").first)
        let headers = table.all("th")
        #expect(headers.map(\.textContent) == ["Class", "Retry?", "Share"])
        #expect(headers.map { $0["scope"] } == ["col", "col", "col"])
        #expect(headers.map { $0["class"] } == ["align-left", "align-center", "align-right"])
        #expect(table.all("td").count == 6)
        #expect(table.all("td")[4].all("code").first?.textContent == "no")
    }

    @Test("code, quotes, rules, emphasis and strikethrough become their elements")
    func blocksAndInlines() throws {
        let body = try #require(body)
        let code = try #require(body.all("pre").first?.all("code").first)
        #expect(code["class"] == "language-sh")
        #expect(code.textContent == "curl https://api.example.com/v2/ORDER-1/status")
        #expect(body.all("blockquote").first?.textContent.contains("the customer's bank knows") == true)
        #expect(body.all("hr").count == 1)
        #expect(body.all("strong").map(\.textContent) == ["response code"])
        #expect(body.all("em").map(\.textContent) == ["most"])
        #expect(body.all("del").map(\.textContent) == ["final"])
    }

    @Test("content links lead to pages of the site; web links stay as they are")
    func links() throws {
        let hrefs = try #require(body).all("a").filter { $0["class"] != "anchor" }.map { $0["href"] ?? "" }
        #expect(hrefs == [
            "../codes/51.html", "../codes/05.html", "../codes/00.html", "#read-the-response-code",
            "mailto:help@example.com", "unlock-account.html#why-it-locks", "https://www.example.com/cards?a=1&b=2",
        ])
    }

    @Test("raw HTML in Markdown never reaches the page")
    func rawHTML() throws {
        let markdown = "<div class=\"x\">block</div>\n\nText <span onclick=\"x()\">inline</span> <!-- comment --> end.\n"
        let article = ContentBuilder.article(markdown: markdown)
        let data = try SiteBuilder(content: ContentBuilder.content([article])).page(.article(article.slug))
        let html = String(decoding: data, as: UTF8.self)
        #expect(!html.contains("<div class=\"x\">"))
        #expect(!html.contains("<span onclick"))
        #expect(!html.contains("comment"))
        #expect(html.contains("<div class=\"article-body\"><p>Text inline  end.</p></div>"))
    }
}
