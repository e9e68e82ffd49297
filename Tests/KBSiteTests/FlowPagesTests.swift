import Foundation
import KBContent
import KBFlows
import KnowledgeBase
import Testing
@testable import KBSite

@Suite("Flow pages and the copy-answer box")
struct FlowPagesTests {
    let content = SiteFixtures.shippedContent
    let site = SiteFixtures.shippedSite

    static let registry: FlowRegistry = {
        do {
            return try FlowRegistry(content: SiteFixtures.shippedContent)
        } catch {
            fatalError("the shipped content's simulators cannot be made: \(error)")
        }
    }()

    /// What the site computes each flow's page for: the newest article's date, 09:00.
    func flowContext(_ flow: AnyFlow) -> FlowContext {
        SiteContext(content: content, options: SiteOptions(), flows: [flow]).flowContext(for: flow)
    }

    @Test("every flow has a page holding each of its scenario tables, cell for cell")
    func everyFlowHasItsTables() throws {
        #expect(Self.registry.flows.count == 10)
        for flow in Self.registry.flows {
            let page = try #require(SiteFixtures.page("flows/\(flow.id).html", in: site), "no page for \(flow.id)")
            #expect(page.all("h1").map(\.textContent) == [flow.title])
            let expected = flow.scenarios(context: flowContext(flow))
            #expect(!expected.isEmpty, "\(flow.id) computes no table")
            let tables = page.all("table").filter { table in expected.contains { $0.note == table.all("caption").first?.textContent } }
            #expect(tables.count == expected.count, "\(flow.id): \(tables.count) of \(expected.count) scenario tables")
            for (table, scenario) in zip(tables, expected) {
                let headers = table.all("thead").first?.all("th") ?? []
                #expect(headers.map(\.textContent) == scenario.columns)
                #expect(headers.allSatisfy { $0["scope"] == "col" })
                let rows = (table.all("tbody").first?.all("tr") ?? []).map { $0.all("td").map(\.textContent) }
                #expect(rows == scenario.rows, "\(flow.id): \(scenario.title)")
            }
            let text = page.textContent
            #expect(text.contains("kb simulate \(flow.id)"))
            #expect(text.contains("POST /v1/flows/\(flow.id)/simulate"))
            let article = try #require(content.article(flow.article))
            #expect(page.all("a").contains { $0["href"] == "../articles/\(article.slug).html" })
        }
    }

    @Test("a flow page is computed for the newest article's date at 09:00 in the flow's zone, and says so")
    func fixedMoment() throws {
        let flow = try #require(Self.registry.flow("cancel-transaction"))
        let latest = try #require(content.articles.map(\.updated).max())
        let context = flowContext(flow)
        #expect(context.timeZone.identifier == "Asia/Jakarta")
        #expect(context.iso(context.now) == "\(latest)T09:00:00+07:00")
        let page = try #require(SiteFixtures.page("flows/cancel-transaction.html", in: site))
        let time = try #require(page.all("time").first { $0["datetime"] == "\(latest)T09:00:00+07:00" })
        #expect(time.textContent == (SiteStrings(.english).date(latest) ?? "") + ", 09:00")
        #expect(page.textContent.contains("Computed for"))
        // The zone is explained once, in words; times in the tables use its short name.
        let explanation = FlowTime.zoneExplanation(for: context.timeZone, language: .english)
        #expect(page.textContent.components(separatedBy: explanation).count == 2, "the zone is explained exactly once")
        let scenarios = page.all("section").filter { $0["class"] == "scenario" }
        #expect(!scenarios.isEmpty)
        #expect(scenarios.allSatisfy { !$0.textContent.contains("Asia/Jakarta") }, "times in the tables name the zone as people do")
    }

    @Test("the policy values a flow read are listed with their values")
    func policyValues() throws {
        for (prefix, language) in [("", Language.english), ("id/", .indonesian)] {
            let page = try #require(SiteFixtures.page("\(prefix)flows/account-lockout.html", in: site))
            let section = try #require(page.all("section").first { $0["aria-labelledby"] == "kb_policies" })
            let rows = (section.all("tbody").first?.all("tr") ?? []).map { row in
                let name = row.all("th").first
                return (
                    name?.all("span").first?.textContent ?? "", name?.all("code").first?.textContent ?? "",
                    row.all("td").first?.textContent ?? ""
                )
            }
            let paths = rows.map(\.1)
            #expect(paths.contains("lockout.max_failed_attempts"))
            #expect(paths.contains("lockout.unlock_after_minutes"))
            let edition = SiteFixtures.shippedKnowledgeBase.edition(language).content
            for (label, path, value) in rows {
                #expect(label == PolicyLabels.label(for: path, in: language), "\(path) is named as a sentence")
                #expect(!label.isEmpty)
                #expect(edition.policies[path]?.rendered(in: language) == value)
            }
        }
    }

    @Test("the page's worked example runs: every flow accepts its example input at the end of the page's day")
    func exampleRuns() throws {
        for flow in Self.registry.flows {
            var input = FlowInput()
            for (name, value) in PageRenderer.exampleInput(for: flow) { input.set(name, .text(value)) }
            var context = flowContext(flow)
            context.now = PageRenderer.exampleMoment(context)
            #expect(context.iso(context.now).hasSuffix("T23:59:59+07:00"))
            #expect(flow.problem(with: input, context: context).map { "\($0)" } == nil, "\(flow.id)")
        }
        #expect(PageRenderer.shellQuoted("ip=203.0.113.7") == "ip=203.0.113.7")
        #expect(PageRenderer.shellQuoted("name=Budi Santoso") == "'name=Budi Santoso'")
        #expect(PageRenderer.shellQuoted("it's") == "'it'\\''s'")
        #expect(PageRenderer.json([("a", "b/c"), ("q", "\"")]) == #"{"a": "b/c", "q": "\""}"#)
    }

    @Test("flow pages are byte-identical between builds, in both languages")
    func deterministic() throws {
        let again = SiteFixtures.build(SiteFixtures.shippedKnowledgeBase, options: SiteOptions(baseURL: SiteFixtures.baseURL))
        for flow in Self.registry.flows {
            for path in ["flows/\(flow.id).html", "id/flows/\(flow.id).html"] {
                #expect(site.file(path) != nil, "no \(path)")
                #expect(again.file(path)?.contents == site.file(path)?.contents, "\(path) differs")
            }
        }
    }

    @Test("each article with a flow links to its page; the home page, the sitemap and flowPages name them")
    func linked() throws {
        let builder = try SiteBuilder(content: content)
        #expect(builder.flowPages == Self.registry.ids)
        for article in content.articles {
            guard let flow = article.flow else { continue }
            let page = try #require(SiteFixtures.page("articles/\(article.slug).html", in: site))
            let link = page.all("a").first { $0.textContent == "Try the simulator" }
            #expect(link?["href"] == "../flows/\(flow).html", "\(article.slug)")
            #expect(site.file("flows/\(flow).html") != nil)
        }
        let home = try #require(SiteFixtures.page("index.html", in: site))
        let section = try #require(home.all("section").first { $0["aria-labelledby"] == "kb_flows" })
        #expect(section.all("a").compactMap { $0["href"] } == Self.registry.ids.map { "flows/\($0).html" })
        let sitemap = String(decoding: try #require(site.file("sitemap.xml")).contents, as: UTF8.self)
        for id in Self.registry.ids { #expect(sitemap.contains("<loc>\(SiteFixtures.baseURL)flows/\(id).html</loc>")) }
    }

    @Test("content with no article naming a flow has no flow pages and no link to one")
    func noFlows() {
        let site = SiteFixtures.build(SiteFixtures.fixtureContent)
        #expect(!site.files.contains { $0.path.hasPrefix("flows/") })
        #expect(SiteLinkChecker(site: site, baseURL: nil).problems() == [])
    }

    @Test("a policy value a simulator cannot use gives no knowledge base, so no site: the diagnostic names the path")
    func brokenPolicy() {
        var values = content.policies.values
        values["lockout.max_failed_attempts"] = nil
        var broken = content
        broken.policies = Policies(values: values)
        do {
            _ = try SiteBuilder(content: broken, options: SiteOptions(search: false))
            Issue.record("a site builder was made from content whose simulators cannot be made")
        } catch {
            #expect(error.errors.map(\.message) == ["policy 'lockout.max_failed_attempts' is missing (read by flow account-lockout)"])
        }
    }

    @Test("the copy-answer box on an article page holds the answer as AnswerTextRenderer writes it")
    func articleAnswer() throws {
        for slug in ["unlock-account", "bank-response-codes", "cancel-transaction"] {
            let article = try #require(content.article(slug))
            let expected = AnswerTextRenderer(baseURL: SiteFixtures.baseURL)
                .plainText(try Answer.forArticle(article, variables: try AnswerVariables()))
            let page = try #require(SiteFixtures.page("articles/\(slug).html", in: site))
            let text = try #require(page.all("pre").first { $0["id"] == "kb_answer-text" })
            #expect(text.textContent == expected)
            let button = try #require(page.all("button").first { $0["data-copy-target"] == "kb_answer-text" })
            #expect(button.textContent == "Copy answer")
            #expect(button["hidden"] != nil, "the button shows only with JavaScript")
            #expect(page.all("summary").map(\.textContent) == ["Reply for a ticket"])
            #expect(page.all("script").compactMap { $0["src"] } == ["../copy.js"])
        }
    }

    @Test("the copy-answer box on a code page holds the code's answer")
    func codeAnswer() throws {
        let code = try #require(content.responseCode("51"))
        let expected = AnswerTextRenderer(baseURL: SiteFixtures.baseURL)
            .plainText(try Answer.forCode(code, variables: try AnswerVariables()))
        let page = try #require(SiteFixtures.page("codes/51.html", in: site))
        #expect(page.all("pre").first { $0["id"] == "kb_answer-text" }?.textContent == expected)
        #expect(site.file("copy.js") != nil)
    }

    @Test("a hostile answer is inert text in the copy box")
    func hostileAnswer() throws {
        var article = ContentBuilder.article(markdown: "Text.")
        article.answer = "Hi {{customer.name}}, </pre><script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) `</pre><script>alert(2)</script>`"
        let data = try SiteBuilder(content: ContentBuilder.content([article])).page(.article(article.slug))
        let page = try #require(HTMLNode.parse(data))
        #expect(page.all("script").compactMap { $0["src"] } == ["../copy.js"])
        #expect(page.all("img").allSatisfy { $0["onerror"] == nil })
        let text = try #require(page.all("pre").first { $0["id"] == "kb_answer-text" }).textContent
        #expect(text == AnswerTextRenderer().plainText(try Answer.forArticle(article, variables: try AnswerVariables())))
        #expect(text.contains("</pre><script>alert(2)</script>"))
        #expect(!String(decoding: data, as: UTF8.self).contains("<script>alert"))
    }
}
