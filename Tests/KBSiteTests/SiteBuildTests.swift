import Foundation
import KBContent
import KnowledgeBase
import Testing
@testable import KBSite

@Suite("Building the site")
struct SiteBuildTests {
    let content = SiteFixtures.shippedContent
    let site = SiteFixtures.shippedSite

    @Test("two builds of the same content are byte-identical, both languages")
    func deterministic() throws {
        let options = SiteOptions(baseURL: SiteFixtures.baseURL)
        let first = SiteFixtures.build(SiteFixtures.shippedKnowledgeBase, options: options)
        let second = SiteFixtures.build(try KnowledgeBase.load(directory: SiteFixtures.shippedDirectory), options: options)
        #expect(first.files.contains { $0.path == "id/index.html" })
        #expect(first.files.map(\.path) == second.files.map(\.path))
        for (one, other) in zip(first.files, second.files) {
            #expect(one.contents == other.contents, "\(one.path) differs between builds")
        }
    }

    @Test("every article, category, code and flow has its page, plus home, search, 404 and the codes table, in each language")
    func everyPage() {
        let paths = Set(site.files.map(\.path))
        for folder in ["", "id/"] {
            for article in content.articles { #expect(paths.contains("\(folder)articles/\(article.slug).html")) }
            for category in content.categories { #expect(paths.contains("\(folder)categories/\(category.id).html")) }
            for code in content.responseCodes { #expect(paths.contains("\(folder)codes/\(code.code).html")) }
            for path in ["index.html", "search.html", "404.html", "codes/index.html", "search-index.js"] {
                #expect(paths.contains(folder + path), "missing \(folder + path)")
            }
        }
        for path in ["style.css", "favicon.svg", "robots.txt", "sitemap.xml", "search.js", "copy.js"] {
            #expect(paths.contains(path), "missing \(path)")
            #expect(!paths.contains("id/" + path), "id/\(path) is shared, not per language")
        }
        let flows = Set(content.articles.compactMap(\.flow))
        for flow in flows { #expect(paths.contains("flows/\(flow).html") && paths.contains("id/flows/\(flow).html")) }
        let perLanguage = 4 + content.articles.count + content.categories.count + content.responseCodes.count + flows.count
        #expect(site.pageCount == 2 * perLanguage)
        #expect(site.files.filter { $0.isPage && $0.path.hasPrefix("id/") }.count == perLanguage)
    }

    @Test("the codes table has one row per code with the id code-<code>, and a filter per class")
    func codesTable() throws {
        let page = try #require(SiteFixtures.page("codes/index.html", in: site))
        let rows = page.all("tbody").first?.all("tr") ?? []
        #expect(rows.map { $0["id"] } == content.responseCodes.map { "code-" + $0.code })
        #expect(rows.map { $0["class"] } == content.responseCodes.map { $0.responseClass.rawValue })
        let targets = page.all("span").filter { $0["class"] == "filter-target" }.compactMap { $0["id"] }
        let classes = ResponseClass.allCases.filter { responseClass in content.responseCodes.contains { $0.responseClass == responseClass } }
        #expect(targets == classes.map { "show-" + $0.rawValue })
        let css = String(decoding: SiteAssets.styleSheet, as: UTF8.self)
        for responseClass in ResponseClass.allCases {
            #expect(css.contains("#show-\(responseClass.rawValue):target ~ .codes-table tbody tr:not(.\(responseClass.rawValue))"),
                    "style.css has no filter rule for \(responseClass.rawValue)")
        }
    }

    @Test("a code's page has the merchant action, the customer message and the articles that mention it")
    func codePage() throws {
        let code = try #require(content.responseCode("51"))
        let page = try #require(SiteFixtures.page("codes/51.html", in: site))
        let text = page.textContent
        #expect(text.contains(code.merchantAction))
        #expect(text.contains(code.customerMessage))
        #expect(page.all("h1").first?.textContent == "Code 51: \(code.name)")
        let mentioning = content.articles.filter { $0.document.links.contains { $0.destination == "code:51" } }
        let linked = Set(page.all("a").compactMap { $0["href"] })
        for article in mentioning { #expect(linked.contains("../articles/\(article.slug).html")) }
    }

    @Test("the home page lists the most-asked articles: most questions first")
    func mostAsked() throws {
        let page = try #require(SiteFixtures.page("index.html", in: site))
        let section = try #require(page.all("section").first { $0["aria-labelledby"] == "kb_most-asked" })
        let slugs = section.all("a").compactMap { $0["href"] }.map { String($0.dropFirst("articles/".count).dropLast(".html".count)) }
        let expected = content.articles
            .sorted { ($1.questions.count, $0.title) < ($0.questions.count, $1.title) }
            .prefix(6).map(\.slug)
        #expect(slugs == Array(expected))
    }

    @Test("canonical links, sitemap.xml and absolute 404 links only with a base URL")
    func baseURL() throws {
        let plain = SiteFixtures.build(SiteFixtures.fixtureContent)
        #expect(plain.file("sitemap.xml") == nil)
        let plainPage = try #require(SiteFixtures.page("articles/unlock-account.html", in: plain))
        #expect(!plainPage.all("link").contains { $0["rel"] == "canonical" })
        #expect(String(decoding: try #require(plain.file("robots.txt")).contents, as: UTF8.self) == "User-agent: *\nAllow: /\n")

        let page = try #require(SiteFixtures.page("articles/unlock-account.html", in: site))
        let canonical = page.all("link").first { $0["rel"] == "canonical" }
        #expect(canonical?["href"] == SiteFixtures.baseURL + "articles/unlock-account.html")
        #expect(page.all("meta").first { $0["name"] == "description" }?["content"] == content.article("unlock-account")?.summary)
        let sitemap = String(decoding: try #require(site.file("sitemap.xml")).contents, as: UTF8.self)
        #expect(sitemap.hasPrefix(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
        ))
        let plainSitemap = String(decoding: try #require(SiteFixtures.build(SiteFixtures.fixtureContent, options: SiteOptions(baseURL: SiteFixtures.baseURL)).file("sitemap.xml")).contents, as: UTF8.self)
        #expect(plainSitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), "one language: no xhtml namespace")
        #expect(sitemap.contains("<loc>\(SiteFixtures.baseURL)</loc>"))
        #expect(sitemap.contains("<loc>\(SiteFixtures.baseURL)codes/51.html</loc>"))
        #expect(!sitemap.contains("404") && !sitemap.contains("search.html"))
        let robots = String(decoding: try #require(site.file("robots.txt")).contents, as: UTF8.self)
        #expect(robots.hasSuffix("Sitemap: \(SiteFixtures.baseURL)sitemap.xml\n"))
        let notFound = try #require(SiteFixtures.page("404.html", in: site))
        #expect(notFound.all("a").compactMap { $0["href"] }.filter { !$0.hasPrefix("#") && !$0.hasPrefix("mailto:") }
            .allSatisfy { $0.hasPrefix(SiteFixtures.baseURL) })
    }

    @Test("a base URL must be an absolute http(s) address", arguments: [
        ("https://help.example.com", "https://help.example.com/"),
        ("http://localhost:8080/kb/", "http://localhost:8080/kb/"),
    ])
    func validBaseURL(_ text: String, _ expected: String) throws {
        #expect(try SiteOptions.normalizedBaseURL(text) == expected)
    }

    @Test("a bad base URL says what is wrong", arguments: [
        ("help.example.com", "it is not an absolute URL"),
        ("ftp://example.com/", "its scheme is 'ftp', not http or https"),
        ("https:///path", "it has no host name"),
        ("https://example.com/?a=1", "it has a query or fragment"),
    ])
    func invalidBaseURL(_ text: String, _ reason: String) {
        #expect(throws: SiteError.invalidBaseURL(text, reason: reason)) { try SiteOptions.normalizedBaseURL(text) }
    }

    @Test("'Try the simulator' appears only for flows that have a page")
    func simulatorHook() throws {
        // Without the policies the simulator cannot be made, so there is no knowledge base,
        // and so no site that could link to a missing flow page.
        let article = ContentBuilder.article(flow: "account-lockout", markdown: "Text.")
        #expect(throws: KnowledgeBaseError.self) { try SiteBuilder(content: ContentBuilder.content([article])) }
        let plain = ContentBuilder.article(markdown: "Text.")
        let without = try #require(HTMLNode.parse(try SiteBuilder(content: ContentBuilder.content([plain])).page(.article(plain.slug))))
        #expect(!without.all("a").contains { $0.textContent == "Try the simulator" })
        let with = try #require(SiteFixtures.page("articles/unlock-account.html", in: site))
        #expect(with.all("a").first { $0.textContent == "Try the simulator" }?["href"] == "../flows/account-lockout.html")
    }

    @Test("pages are UTF-8 text with the HTML5 doctype, not character references")
    func encoding() throws {
        let html = String(decoding: try #require(site.file("articles/unlock-account.html")).contents, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"))
        #expect(html.contains("·"))
        #expect(!html.contains("&middot;"))
    }
}
