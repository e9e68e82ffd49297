import Foundation
import KBContent
import KBFlows
import KnowledgeBase
import Testing
@testable import KBSite

/// The site in two languages: the Indonesian tree under `id/`, the same pages as the
/// English one at the root, linked both ways.
@Suite("The site in English and Bahasa Indonesia")
struct MultilingualSiteTests {
    let site = SiteFixtures.shippedSite
    let baseURL = SiteFixtures.baseURL
    static let indonesian = SiteFixtures.shippedKnowledgeBase.edition(.indonesian)

    /// The files every language shares, at the site's root.
    static let sharedFiles: Set<String> = ["style.css", "favicon.svg", "search.js", "copy.js"]

    /// The English pages, without the `.html` files of the `id/` tree.
    var englishPages: [String] { site.files.filter { $0.isPage && !$0.path.hasPrefix("id/") }.map(\.path) }

    @Test("every English page has its Indonesian page under id/, and nothing else is there")
    func sameTree() {
        let english = Set(englishPages)
        let indonesian = Set(site.files.filter { $0.isPage && $0.path.hasPrefix("id/") }.map { String($0.path.dropFirst(3)) })
        #expect(english == indonesian)
        #expect(site.file("id/search-index.js") != nil)
    }

    @Test("hreflang alternates both ways, x-default English, and the switcher to the same page")
    func alternatesAndSwitcher() throws {
        for path in englishPages where path != "404.html" {
            let url = { (path: String) in
                let address = path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
                return SiteFixtures.baseURL + address
            }
            let expected = ["en": url(path), "id": url("id/" + path), "x-default": url(path)]
            for (own, other) in [(path, "id/" + path), ("id/" + path, path)] {
                let page = try #require(SiteFixtures.page(own, in: site))
                let alternates = page.all("link").filter { $0["rel"] == "alternate" }
                #expect(Dictionary(alternates.map { ($0["hreflang"] ?? "", $0["href"] ?? "") }, uniquingKeysWith: { first, _ in first }) == expected, "\(own)")
                let switcher = page.all("nav").first { $0["class"] == "languages" }?.all("a") ?? []
                #expect(switcher.count == 1, "\(own) has \(switcher.count) language links")
                let link = try #require(switcher.first)
                #expect(Self.resolve(link["href"] ?? "", from: own) == other, "\(own): the switcher leads to \(link["href"] ?? "nothing")")
                #expect(link["hreflang"] == (own.hasPrefix("id/") ? "en" : "id"))
                #expect(link["lang"] == link["hreflang"])
                #expect(link.textContent == (own.hasPrefix("id/") ? "English" : "Bahasa Indonesia"))
            }
        }
    }

    @Test("links in id/ pages stay in id/, but for the shared files and the way to English")
    func indonesianLinksStayInTree() throws {
        for file in site.files where file.isPage && file.path.hasPrefix("id/") {
            let page = try #require(HTMLNode.parse(file.contents))
            for element in page.elements {
                for attribute in ["href", "src", "action"] {
                    guard let value = element[attribute], !value.hasPrefix("#"), !value.hasPrefix("mailto:") else { continue }
                    var target: String?
                    if value.hasPrefix(baseURL) {
                        target = String(value.dropFirst(baseURL.count))
                    } else if value.hasPrefix("https://") || value.hasPrefix("http://") {
                        continue
                    } else {
                        target = Self.resolve(value, from: file.path)
                    }
                    let path = try #require(target, "\(file.path): \(value) leaves the site")
                    let isEnglish = element["hreflang"] != nil && element["hreflang"] != "id"
                    if isEnglish || Self.sharedFiles.contains(path.split(separator: "#").first.map(String.init) ?? path) { continue }
                    #expect(path.hasPrefix("id/"), "\(file.path): \(attribute)=\(value) leads out of id/ to \(path)")
                }
            }
        }
    }

    @Test("no English in the site's own words on Indonesian pages")
    func noEnglishChrome() throws {
        let patterns = try SiteString.allCases.compactMap { key -> (SiteString, Regex<AnyRegexOutput>)? in
            guard !SiteStringsTests.sameInBothLanguages.contains(key), let text = SiteStrings.english[key] else { return nil }
            var fixed = text
            for name in SiteStrings.placeholders(in: text) { fixed = fixed.replacingOccurrences(of: "{\(name)}", with: "\u{0}") }
            guard fixed.filter(\.isLetter).count >= 2 else { return nil }
            let parts = fixed.split(separator: "\u{0}", omittingEmptySubsequences: false).map { NSRegularExpression.escapedPattern(for: String($0)) }
            let body = parts.joined(separator: ".*").trimmingCharacters(in: .whitespaces)
            return (key, try Regex("^" + body + "$"))
        }
        var leaks: [String] = []
        for file in site.files where file.isPage && file.path.hasPrefix("id/") {
            let page = try #require(HTMLNode.parse(file.contents))
            // Each piece of text, and each part of one the site joins with " · " (the footer).
            for text in Self.chromeTexts(page) {
                for part in text.components(separatedBy: " · ") {
                    let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !trimmed.isEmpty else { continue }
                    for (key, pattern) in patterns where trimmed.wholeMatch(of: pattern) != nil {
                        leaks.append("\(file.path): “\(trimmed)” is the English '\(key)'")
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) English strings: \(leaks.prefix(20))")
    }

    /// The text a reader sees or hears on a page, less what an article's body, another
    /// language's text or a literal value holds: text nodes and the attributes that are
    /// read out or shown, outside `.article-body`, elements marked with another `lang`,
    /// and `code` and `pre`.
    static func chromeTexts(_ node: HTMLNode, language: String = "id") -> [String] {
        if node.name == "#text" { return [node.text] }
        if ["code", "pre", "script", "style"].contains(node.name) || node["class"] == "article-body" { return [] }
        let own = node["lang"] ?? language
        guard own == "id" else { return [] }
        var texts: [String] = []
        for (name, value) in node.attributes where ["aria-label", "placeholder", "alt", "title"].contains(name) || name.hasPrefix("data-") {
            if !["data-copy-target", "data-copy-status"].contains(name) { texts.append(value) }
        }
        if node.name == "meta", node["name"] == "description", let content = node["content"] { texts.append(content) }
        return texts + node.children.flatMap { chromeTexts($0, language: own) }
    }

    @Test("the sitemap lists both languages, each URL with its alternates")
    func sitemap() throws {
        let sitemap = String(decoding: try #require(site.file("sitemap.xml")).contents, as: UTF8.self)
        for path in ["", "articles/unlock-account.html", "codes/51.html", "flows/account-lockout.html"] {
            let english = baseURL + path, indonesian = baseURL + "id/" + path
            let alternates = """
                <xhtml:link rel="alternate" hreflang="en" href="\(english)"/>
                <xhtml:link rel="alternate" hreflang="id" href="\(indonesian)"/>
            """
            #expect(sitemap.contains("<loc>\(english)</loc>\n"), "\(english)")
            #expect(sitemap.contains("<loc>\(indonesian)</loc>\n"), "\(indonesian)")
            #expect(sitemap.components(separatedBy: alternates).count == 3, "\(path): the alternates are not on both URLs")
        }
        #expect(!sitemap.contains("404.html") && !sitemap.contains("search.html"))
    }

    @Test("Copy answer in Indonesian: the Indonesian reply, greeting and sign-off, links to id/ pages")
    func indonesianAnswer() throws {
        let article = try #require(Self.indonesian.content.article("unlock-account"))
        let expected = AnswerTextRenderer(baseURL: baseURL + "id/").plainText(try Answer.forArticle(article, variables: try AnswerVariables()))
        let page = try #require(SiteFixtures.page("id/articles/unlock-account.html", in: site))
        let text = try #require(page.all("pre").first { $0["id"] == "kb_answer-text" }).textContent
        #expect(text == expected)
        #expect(text.hasPrefix("Halo Bapak/Ibu,"))
        #expect(text.hasSuffix("Salam,\nTim Support Midtrans"))
        let button = try #require(page.all("button").first { $0["data-copy-target"] == "kb_answer-text" })
        #expect(button.textContent == "Salin jawaban")
        #expect(button["data-copied"] == "Tersalin")
        #expect(page.all("summary").map(\.textContent) == ["Balasan untuk tiket"])
        #expect(page.all("script").compactMap { $0["src"] } == ["../../copy.js"])

        let code = try #require(SiteFixtures.page("id/codes/51.html", in: site))
        let reply = try #require(code.all("pre").first { $0["id"] == "kb_answer-text" }).textContent
        #expect(reply.hasPrefix("Halo Bapak/Ibu,"))
        let english = try #require(SiteFixtures.page("codes/51.html", in: site))
        #expect(english.all("pre").first { $0["id"] == "kb_answer-text" }?.textContent.hasPrefix("Hi there,") == true)

        // An article linking to another one: the reply's links lead to the Indonesian page.
        let linking = try #require(Self.indonesian.content.articles.first { $0.answer.contains(".md") })
        let linked = try #require(SiteFixtures.page("id/articles/\(linking.slug).html", in: site))
        let linkedText = try #require(linked.all("pre").first { $0["id"] == "kb_answer-text" }).textContent
        #expect(linkedText.contains(baseURL + "id/articles/"), "\(linking.slug)")
    }

    @Test("a 404 page per language, its links absolute into its own tree")
    func notFound() throws {
        let page = try #require(SiteFixtures.page("id/404.html", in: site))
        #expect(page["lang"] == "id")
        #expect(page.all("h1").first?.textContent == "Halaman tidak ditemukan")
        #expect(page.all("form").first?["action"] == baseURL + "id/search.html")
        for link in page.all("a") {
            guard let href = link["href"], !href.hasPrefix("#"), !href.hasPrefix("mailto:") else { continue }
            let english = link["hreflang"] == "en"
            #expect(href.hasPrefix(english ? baseURL : baseURL + "id/"), "\(href)")
            if english { #expect(href == baseURL, "the 404's switcher leads to the English home page") }
        }
        #expect(page.all("link").first { $0["rel"] == "stylesheet" }?["href"] == baseURL + "style.css")
    }

    @Test("flow pages in both languages: each computed in its language, cell for cell, in the page's own words")
    func flowPages() throws {
        let registry = SiteFixtures.shippedKnowledgeBase.flows
        for flow in registry.flows {
            let english = try #require(SiteFixtures.page("flows/\(flow.id).html", in: site))
            let indonesian = try #require(SiteFixtures.page("id/flows/\(flow.id).html", in: site))
            #expect(indonesian["lang"] == "id")
            #expect(!indonesian.elements.contains { $0["lang"] != nil && $0.name != "html" && $0["hreflang"] == nil }, "\(flow.id)")
            #expect(indonesian.all("h1").map(\.textContent) == [flow.title(in: .indonesian)])
            let context = SiteContext(content: Self.indonesian.content, options: SiteOptions(), flows: [flow]).flowContext(for: flow)
            #expect(context.language == .indonesian)
            let expected = flow.scenarios(context: context)
            let sections = indonesian.all("section").filter { $0["class"] == "scenario" }
            #expect(sections.count == expected.count, "\(flow.id)")
            for (section, table) in zip(sections, expected) {
                #expect(section.all("h2").first?.textContent == table.title)
                #expect(section.all("caption").first?.textContent == table.note)
                #expect(section.all("th").map(\.textContent) == table.columns)
                #expect(section.all("tbody").first?.all("tr").map { $0.all("td").map(\.textContent) } == table.rows, "\(flow.id): \(table.title)")
            }
            let englishTitles = english.all("section").filter { $0["class"] == "scenario" }.map { $0.all("h2").first?.textContent }
            #expect(englishTitles != sections.map { $0.all("h2").first?.textContent }, "\(flow.id): the Indonesian tables are the English ones")
            let headings = indonesian.all("h2").map(\.textContent)
            #expect(headings.contains("Jalankan sendiri"), "\(flow.id)")
            #expect(indonesian.all("nav").first { $0["class"] == "breadcrumbs" }?.all("a").first?.textContent == "Beranda")
            let time = try #require(indonesian.all("time").first)
            #expect(time.textContent.hasSuffix(", pukul 09.00"))
            #expect(indonesian.textContent.contains("kb simulate \(flow.id) --lang id"))
            #expect(indonesian.textContent.contains("POST /v1/flows/\(flow.id)/simulate?now="))
            #expect(indonesian.textContent.contains("&lang=id"))
            let fields = flow.fields(in: .indonesian)
            let helpCells = indonesian.all("section").first { $0["aria-labelledby"] == "kb_inputs" }?.all("tbody").first?.all("tr")
                .compactMap { $0.all("td").last?.textContent } ?? []
            #expect(helpCells.count == fields.count)
            for (cell, field) in zip(helpCells, fields) { #expect(cell.hasPrefix(field.help), "\(flow.id): \(field.name)") }
        }
    }

    @Test("the Indonesian search page loads its own index and the shared script, in Indonesian")
    func searchPage() throws {
        let page = try #require(SiteFixtures.page("id/search.html", in: site))
        #expect(page.all("script").compactMap { $0["src"] } == ["search-index.js", "../search.js"])
        let status = try #require(page.all("p").first { $0["id"] == "kb_status" })
        #expect(status["data-prompt"] == "Ketik pertanyaan atau kode respons.")
        #expect(status["data-many"] == "{count} hasil untuk “{query}”")
        let index = String(decoding: try #require(site.file("id/search-index.js")).contents, as: UTF8.self)
        let expected = String(decoding: try OfflineSearchIndex(knowledgeBase: Self.indonesian).javaScript(), as: UTF8.self)
        #expect(index == expected)
        #expect(index.contains("\"Bagaimana cara membuka akun portal yang terkunci?\""))
    }

    @Test("one language, one tree: no switcher, no alternates, no id/")
    func singleLanguage() throws {
        let plain = SiteFixtures.build(SiteFixtures.shippedContent, options: SiteOptions(baseURL: baseURL))
        #expect(!plain.files.contains { $0.path.hasPrefix("id/") })
        let page = try #require(SiteFixtures.page("articles/unlock-account.html", in: plain))
        #expect(!page.all("link").contains { $0["rel"] == "alternate" })
        #expect(!page.all("nav").contains { $0["class"] == "languages" })
        let sitemap = String(decoding: try #require(plain.file("sitemap.xml")).contents, as: UTF8.self)
        #expect(!sitemap.contains("xhtml"))
    }

    @Test("an article not translated yet: its id/ page says lang=en around its text and claims no alternates")
    func untranslated() throws {
        let knowledgeBase = try KnowledgeBase.load(directory: SiteFixtures.testsFolder.appendingPathComponent("Fixtures/Content").path)
        let fixture = SiteFixtures.build(knowledgeBase, options: SiteOptions(baseURL: baseURL))
        let page = try #require(SiteFixtures.page("id/articles/unlock-account.html", in: fixture))
        #expect(page["lang"] == "id")
        #expect(page.all("h1").first?["lang"] == "en")
        #expect(page.all("div").first { $0["class"] == "article-body" }?["lang"] == "en")
        #expect(page.all("p").first { $0["class"] == "meta" }?["lang"] == nil)
        #expect(!page.all("link").contains { $0["rel"] == "alternate" })
        let english = try #require(SiteFixtures.page("articles/unlock-account.html", in: fixture))
        #expect(!english.all("link").contains { $0["rel"] == "alternate" })
        #expect(english.all("nav").first { $0["class"] == "languages" }?.all("a").first?["href"] == "../id/articles/unlock-account.html")
        let translated = try #require(SiteFixtures.page("id/articles/declined-card.html", in: fixture))
        #expect(translated.all("link").filter { $0["rel"] == "alternate" }.count == 3)
    }

    /// `href` resolved against the page at `page` to a path below the site's root, or
    /// `nil` when it leaves the site; the query is dropped, the fragment kept.
    static func resolve(_ href: String, from page: String) -> String? {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            case ".", "":
                continue
            default:
                components.append(String(component))
            }
        }
        var result = components.joined(separator: "/")
        if path.isEmpty { result = page }
        if path.hasSuffix("/") { result += "/index.html" }
        return parts.count > 1 ? result + "#" + parts[1] : result
    }
}
