import Foundation
import KBAnalytics
import KBContent
import KBSite
import Testing

@Suite("\"Was this helpful?\" and the analytics report page")
struct FeedbackWidgetTests {
    static let feedbackSite = SiteFixtures.build(
        SiteFixtures.shippedKnowledgeBase,
        options: SiteOptions(baseURL: SiteFixtures.baseURL, feedbackEndpoint: try! SiteOptions.feedbackEndpoint(serverURL: "https://kb.example.com"))
    )

    private func text(_ path: String, in site: StaticSite) throws -> String {
        String(decoding: try #require(site.file(path), "\(path) is built").contents, as: UTF8.self)
    }

    @Test("a site built without a feedback address has no widget and no feedback.js")
    func absentByDefault() throws {
        #expect(SiteFixtures.shippedSite.file("feedback.js") == nil)
        for path in ["articles/unlock-account.html", "codes/51.html", "id/articles/unlock-account.html"] {
            let html = try text(path, in: SiteFixtures.shippedSite)
            #expect(!html.contains("feedback"), "\(path)")
        }
    }

    @Test("with one, article and code pages in both languages post to it, in the page's language, with no inline script", arguments: [
        ("articles/unlock-account.html", "article", "unlock-account", "en", "Was this helpful?", "Thanks for your feedback."),
        ("codes/51.html", "code", "51", "en", "Was this helpful?", "Thanks for your feedback."),
        ("id/articles/unlock-account.html", "article", "unlock-account", "id", "Apakah ini membantu?", "Terima kasih atas masukan Anda."),
        ("id/codes/51.html", "code", "51", "id", "Apakah ini membantu?", "Terima kasih atas masukan Anda."),
    ])
    func widget(path: String, kind: String, id: String, lang: String, question: String, thanks: String) throws {
        let html = try text(path, in: Self.feedbackSite)
        #expect(html.contains(#"<form class="feedback-form" method="post" action="https://kb.example.com/v1/feedback""#))
        #expect(html.contains(#"name="kind" value="\#(kind)""#) && html.contains(#"name="id" value="\#(id)""#))
        #expect(html.contains(#"name="lang" value="\#(lang)""#))
        #expect(html.contains(question) && html.contains(thanks))
        #expect(html.contains(#"id="kb_feedback-thanks""#))
        #expect(html.contains(#"name="helpful" value="yes""#) && html.contains(#"name="helpful" value="no""#))
        #expect(html.contains("feedback.js\"></script>"))
        #expect(!html.contains("<script>") && !html.contains(" onclick="))
        #expect(Self.feedbackSite.file("feedback.js") != nil)
    }

    @Test("the report page: a chart as inline SVG with a text alternative, the tables, no script and nothing from elsewhere")
    func reportPage() throws {
        let json = """
            {"since": "2026-11-01T00:00:00Z", "totals": {"searches": 5, "zeroResults": 2, "clicks": 1, "feedback": 1},
             "days": [{"day": "2026-11-30", "searches": 3, "zeroResults": 1}, {"day": "2026-12-01", "searches": 2, "zeroResults": 1}],
             "topQueries": [{"query": "refund <b>", "lang": "en", "count": 3, "zeroResults": 0}],
             "zeroResultQueries": [{"query": "xyzzy", "lang": "en", "count": 2, "zeroResults": 2}],
             "pastRank3Queries": [],
             "pages": [{"kind": "article", "id": "unlock-account", "helpful": 0, "notHelpful": 1, "reasons": {"unclear": 1}, "comments": []}]}
            """
        let report = try JSONDecoder().decode(AnalyticsReport.self, from: Data(json.utf8))
        let html = String(decoding: try AnalyticsReportPage.render(report), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg") && html.contains("<rect") && html.contains("<desc id=\"kb_chart_desc\">2026-11-30: 3 searches"))
        #expect(html.contains("xyzzy") && html.contains("refund &lt;b&gt;") && html.contains("unclear 1"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }
}
