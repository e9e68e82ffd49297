import Foundation
import KBContent
import KBFlows
import KnowledgeBase
import Testing
@testable import KBSite

/// The flow pages' form, "Try it with your own values": where it is, what it holds,
/// and the page a server renders for what a reader typed.
@Suite("Flow page forms and results")
struct FlowFormTests {
    static let knowledgeBase = SiteFixtures.shippedKnowledgeBase
    static let served = SiteBuilder(knowledgeBase: knowledgeBase, options: SiteOptions(simulatorForm: .served))
    static let servedSite: StaticSite = {
        do {
            return try served.build()
        } catch {
            fatalError("the served site did not build: \(error)")
        }
    }()

    /// The moment the pages' worked examples run at: the last second of the page's day.
    static func exampleNow(_ flow: AnyFlow, language: Language = .source) -> String {
        let content = knowledgeBase.edition(language).content
        let context = SiteContext(content: content, options: SiteOptions(), flows: [flow]).flowContext(for: flow)
        return context.iso(PageRenderer.exampleMoment(context))
    }

    /// The page the server renders for `query` on `flow`'s page.
    static func answer(_ flow: String, _ query: [(String, String)], language: Language = .source) throws -> HTMLNode {
        let data = try #require(try served.flowPage(
            flow, language: language, query: query.map { (name: $0.0, value: $0.1) }, now: Date(timeIntervalSince1970: 1_800_000_000),
            maxValueLength: 512
        ))
        return try #require(HTMLNode.parse(data))
    }

    static func example(_ flow: AnyFlow, language: Language = .source) -> [(String, String)] {
        PageRenderer.exampleInput(for: flow).map { ($0.name, $0.value) } + [("now", exampleNow(flow, language: language))]
    }

    @Test("a site built for static hosting has no form and no form script, unless a kb server is named")
    func staticSiteHasNoForm() throws {
        let site = SiteFixtures.shippedSite
        for flow in Self.knowledgeBase.flows.flows {
            let page = try #require(SiteFixtures.page("flows/\(flow.id).html", in: site))
            #expect(page.all("form").isEmpty, "\(flow.id) has a form without a server")
            #expect(page.all("script").isEmpty)
        }
        #expect(site.file("flow.js") == nil)

        let remote = SiteFixtures.build(Self.knowledgeBase, options: SiteOptions(simulatorForm: .remote("https://kb.example.com/")))
        let page = try #require(SiteFixtures.page("id/flows/account-lockout.html", in: remote))
        let form = try #require(page.all("form").first)
        #expect(form["action"] == "https://kb.example.com/id/flows/account-lockout.html#kb_result")
        #expect(form["method"] == "get")
        #expect(form["data-api"] == nil, "a remote form is sent the ordinary way, not by script")
        #expect(page.all("script").isEmpty)
        #expect(remote.file("flow.js") == nil)
    }

    @Test("served, every flow page has a labelled control of the right kind for each input, in both languages")
    func everyFlowHasItsForm() throws {
        #expect(Self.servedSite.file("flow.js") != nil)
        for language in Self.knowledgeBase.languages {
            let prefix = language == .source ? "" : "\(language.code)/"
            for flow in Self.knowledgeBase.flows.flows {
                let page = try #require(SiteFixtures.page("\(prefix)flows/\(flow.id).html", in: Self.servedSite))
                let form = try #require(page.all("form").first, "\(prefix)\(flow.id) has no form")
                #expect(form["action"] == "\(flow.id).html#kb_result")
                #expect(form["data-api"] == (language == .source ? "../v1/flows/\(flow.id)/simulate" : "../../v1/flows/\(flow.id)/simulate"))
                #expect(form["data-lang"] == language.code)
                #expect(page.all("script").contains { $0["src"]?.hasSuffix("flow.js") == true })
                let labels = form.all("label")
                for field in flow.fields(in: language) + [FlowField("now", .dateTime, default: "", help: "")] {
                    let id = "kb_field-\(field.name)"
                    let control = try #require(
                        form.elements.first { $0["id"] == id && ["input", "select", "textarea"].contains($0.name) },
                        "\(flow.id): no control for \(field.name)"
                    )
                    #expect(control["name"] == field.name)
                    let label = try #require(labels.first { $0["for"] == id }, "\(flow.id): \(field.name) has no label")
                    #expect(!label.textContent.contains("_"), "\(flow.id): the label of \(field.name) reads like an id: \(label.textContent)")
                    #expect(control["aria-describedby"] == "kb_help-\(field.name)")
                    let required = control.name == "select" ? control["aria-required"] == "true" : control["required"] != nil
                    #expect(required == field.isRequired, "\(flow.id): \(field.name)")
                    switch field.kind {
                    case .choice:
                        #expect(control.name == "select")
                        let values = control.all("option").map { $0["value"] ?? "" }.filter { !$0.isEmpty }
                        #expect(values == field.allowedValues)
                    case .boolean:
                        #expect(control.name == "select")
                        #expect(control.all("option").map { $0["value"] ?? "" } == ["yes", "no"])
                    case .list: #expect(control.name == "textarea")
                    case .dateTime: #expect(control["type"] == "datetime-local")
                    case .email: #expect(control["type"] == "email")
                    case .url: #expect(control["type"] == "url")
                    default: #expect(control["type"] == "text")
                    }
                }
                let area = try #require(page.elements.first { $0["id"] == "kb_result-area" })
                #expect(area["hidden"] != nil, "the empty result area is hidden until there is a result")
            }
        }
    }

    @Test("each flow's example, sent through its page, shows the flow's outcome, details and rules with their sections")
    func examplesRunThroughThePage() throws {
        for language in Self.knowledgeBase.languages {
            let content = Self.knowledgeBase.edition(language).content
            for flow in Self.knowledgeBase.flows.flows {
                let query = Self.example(flow, language: language)
                let page = try Self.answer(flow.id, query, language: language)
                var input = FlowInput()
                for (name, value) in query where name != "now" { input.set(name, .text(value)) }
                let zone = SiteContext(content: content, options: SiteOptions(), flows: [flow]).flowContext(for: flow).timeZone
                let now = try #require(FlowTime.parse(Self.exampleNow(flow, language: language), in: zone))
                let report = try flow.run(input, context: FlowContext(now: now, timeZone: zone, language: language))
                let area = try #require(page.elements.first { $0["id"] == "kb_result-area" })
                #expect(area["hidden"] == nil)
                #expect(area.all("h2").first?["id"] == "kb_result")
                #expect(area.all("p").first { $0["class"] == "outcome" }?.textContent == report.headline, "\(language) \(flow.id)")
                #expect(area.all("dd").map(\.textContent) == report.details.map(\.value))
                let sources = area.all("li").compactMap { $0.all("a").first?["href"] }
                #expect(sources.count == report.trace.count)
                for (href, step) in zip(sources, report.trace) {
                    #expect(href == "../articles/\(step.source.slug).html#\(step.source.anchor)")
                }
                // The share link names every value and the moment, so it gives this result again.
                let share = try #require(area.all("a").first { $0["class"] == "share-link" }?["href"])
                #expect(share.hasPrefix("\(flow.id).html?"))
                #expect(Self.pairs(of: share).contains { $0.0 == "now" && $0.1 == report.now })
                let again = try Self.answer(flow.id, Self.pairs(of: share), language: language)
                let outcome = again.all("p").first { $0["class"] == "outcome" }?.textContent
                #expect(outcome == report.headline, "the share link of \(flow.id) gives another result")
            }
        }
    }

    /// The decoded pairs of a link's query.
    static func pairs(of href: String) -> [(String, String)] {
        let query = href.split(separator: "?", maxSplits: 1).last.map { $0.split(separator: "#").first ?? "" } ?? ""
        return query.split(separator: "&").map { part in
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).removingPercentEncoding ?? String($0)
            }
            return (pair[0], pair.count > 1 ? pair[1] : "")
        }
    }

    @Test("invalid input is shown next to its field, in words, with the value kept and linked from the summary")
    func invalidInput() throws {
        let page = try Self.answer("account-lockout", [("attempts", "09:00 maybe"), ("now", "2026-11-25T23:00")])
        let field = try #require(page.elements.first { $0["id"] == "kb_field-attempts" })
        #expect(field.textContent == "09:00 maybe", "the typed value is kept")
        #expect(field["aria-invalid"] == "true")
        #expect(field["aria-describedby"] == "kb_help-attempts kb_error-attempts")
        let error = try #require(page.elements.first { $0["id"] == "kb_error-attempts" })
        #expect(error.textContent.contains("does not end in right or wrong"))
        let area = try #require(page.elements.first { $0["id"] == "kb_result-area" })
        #expect(area.all("a").first?["href"] == "#kb_field-attempts")
        #expect(area.all("h2").first?.textContent == "Check your input")
        #expect(page.elements.first { $0["class"] == "outcome" } == nil)

        let id = try Self.answer("account-lockout", [("attempts", "09:00 mungkin"), ("now", "2026-11-25T23:00")], language: .indonesian)
        let idError = try #require(id.elements.first { $0["id"] == "kb_error-attempts" })
        #expect(idError.textContent.contains("tidak diakhiri benar atau salah"))

        let badNow = try Self.answer("account-lockout", [("attempts", "09:00 wrong"), ("now", "tomorrow")])
        #expect(badNow.elements.first { $0["id"] == "kb_error-now" }?.textContent.contains("“tomorrow” is not a date and time") == true)
        #expect(badNow.elements.first { $0["id"] == "kb_field-now" }?["value"] == "tomorrow")

        let long = try Self.answer("account-lockout", [("attempts", String(repeating: "9", count: 600))])
        #expect(long.elements.first { $0["id"] == "kb_error-attempts" }?.textContent.contains("600 characters, at most 512") == true)
    }

    @Test("anything typed comes back as text: hostile values are escaped, never markup")
    func hostileInput() throws {
        let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
        for (flow, field) in [("account-lockout", "attempts"), ("forgot-2fa", "name"), ("card-denied", "code"), ("payment-urls", "order_id")] {
            let data = try #require(try Self.served.flowPage(
                flow, language: .source, query: [(name: field, value: hostile), (name: "now", value: "2026-11-25T23:00")],
                now: Date(), maxValueLength: 512
            ))
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert"), "\(flow)")
            #expect(!html.contains("<img src=x"), "\(flow)")
            let page = try #require(HTMLNode.parse(data))
            #expect(page.all("script").allSatisfy { $0["src"] != nil && $0.children.isEmpty }, "\(flow)")
            #expect(page.all("img").allSatisfy { $0["onerror"] == nil }, "\(flow)")
        }
    }

    @Test("a query that names none of the form's fields is the built page; an unknown flow is nobody's")
    func queriesThatAreNotSubmissions() throws {
        #expect(try Self.served.flowPage("account-lockout", language: .source, query: [(name: "utm_source", value: "x")], now: Date(), maxValueLength: 512) == nil)
        #expect(try Self.served.flowPage("no-such-flow", language: .source, query: [(name: "now", value: "")], now: Date(), maxValueLength: 512) == nil)
        let staticBuilder = SiteBuilder(knowledgeBase: Self.knowledgeBase)
        #expect(try staticBuilder.flowPage("account-lockout", language: .source, query: [(name: "now", value: "")], now: Date(), maxValueLength: 512) == nil)
    }
}
