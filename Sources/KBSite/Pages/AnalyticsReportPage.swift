public import Foundation
public import KBAnalytics

/// The analytics report as an HTML page (`/admin/report`), built with the site's
/// libxml2 renderer: totals, a bar chart of searches and the zero-result rate per day
/// as inline SVG, then the report's tables. No script and no asset from elsewhere:
/// the site's own style sheet, at `/style.css`, and the strict CSP hold.
public enum AnalyticsReportPage {
    /// The page for `report`.
    public static func render(_ report: AnalyticsReport) throws(SiteError) -> Data {
        let document = MarkupDocument(htmlLanguage: "en")
        let head = document.root.element("head")
        head.element("meta", ["http-equiv": "Content-Type", "content": "text/html; charset=utf-8"])
        head.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.element("meta", ["name": "robots", "content": "noindex"])
        head.element("title", text: "Search and feedback report")
        head.element("link", ["rel": "stylesheet", "href": "/" + SiteAssets.styleSheetName])
        let main = document.root.element("body").element("main", ["id": "kb_main", "class": "wrap report"])
        main.element("h1", text: "Search and feedback report")
        let scope = report.lang.map { " in '\($0)'" } ?? " in every language"
        main.element("p", ["class": "lead"], text: "Since \(report.since)\(scope).")

        let totals = main.element("dl", ["class": "report-totals"])
        let rate = report.totals.searches == 0 ? 0 : 100 * report.totals.zeroResults / report.totals.searches
        for (term, value) in [
            ("Searches", "\(report.totals.searches)"), ("With no results", "\(report.totals.zeroResults) (\(rate) %)"),
            ("Clicks", "\(report.totals.clicks)"), ("Feedback", "\(report.totals.feedback)"),
        ] {
            totals.element("dt", text: term)
            totals.element("dd", text: value)
        }

        let chartSection = main.element("section", ["aria-labelledby": "kb_days"])
        chartSection.element("h2", ["id": "kb_days"], text: "Searches per day")
        if report.days.isEmpty {
            chartSection.element("p", text: "No searches in this period.")
        } else {
            chart(report.days, into: chartSection)
        }

        table(
            "Queries with no results", id: "kb_zero", columns: ["Query", "Language", "Searches", "Suggestion"],
            rows: report.zeroResultQueries.map { [$0.query, $0.lang, "\($0.count)", $0.suggestion ?? ""] }, into: main
        )
        table(
            "Top queries", id: "kb_top", columns: ["Query", "Language", "Searches", "No results"],
            rows: report.topQueries.map { [$0.query, $0.lang, "\($0.count)", "\($0.zeroResults)"] }, into: main
        )
        table(
            "Clicks mostly past rank 3", id: "kb_ranking", columns: ["Query", "Language", "Clicks", "Past rank 3"],
            rows: report.pastRank3Queries.map { [$0.query, $0.lang, "\($0.clicks)", "\($0.pastRank3)"] }, into: main
        )
        table(
            "Pages by helpfulness, lowest first", id: "kb_pages", columns: ["Page", "Yes", "No", "Reasons", "Recent comments"],
            rows: report.pages.map { page in
                [
                    page.kind + " " + page.id, "\(page.helpful)", "\(page.notHelpful)",
                    page.reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                    page.comments.map(\.text).joined(separator: " · "),
                ]
            }, into: main
        )
        do {
            return try document.serialized()
        } catch {
            throw SiteError(error)
        }
    }

    /// One bar per day (height: searches), its zero-result share in a darker part,
    /// with a text alternative in `<title>` and `<desc>`.
    static func chart(_ days: [AnalyticsReport.Day], into section: MarkupElement) {
        let shown = Array(days.suffix(60))
        let barWidth = 12, gap = 4, height = 120, top = 10, bottom = 20
        let width = max(200, shown.count * (barWidth + gap) + gap)
        let most = max(1, shown.map(\.searches).max() ?? 1)
        let svg = section.element("svg", [
            "class": "report-chart", "role": "img", "aria-labelledby": "kb_chart_title kb_chart_desc",
            "viewBox": "0 0 \(width) \(height + top + bottom)", "width": "\(width)", "height": "\(height + top + bottom)",
        ])
        svg.element("title", ["id": "kb_chart_title"], text: "Searches per day, with the share that found nothing")
        let summary = shown.map { "\($0.day): \($0.searches) searches, \($0.zeroResults) with no results" }.joined(separator: "; ")
        svg.element("desc", ["id": "kb_chart_desc"], text: summary)
        for (index, day) in shown.enumerated() {
            let x = gap + index * (barWidth + gap)
            let barHeight = max(1, day.searches * height / most)
            let zeroHeight = day.searches == 0 ? 0 : day.zeroResults * barHeight / day.searches
            svg.element("rect", [
                "x": "\(x)", "y": "\(top + height - barHeight)", "width": "\(barWidth)", "height": "\(barHeight)", "fill": "#0a7cba",
            ]).element("title", text: "\(day.day): \(day.searches) searches, \(day.zeroResults) with no results")
            if zeroHeight > 0 {
                svg.element("rect", [
                    "x": "\(x)", "y": "\(top + height - zeroHeight)", "width": "\(barWidth)", "height": "\(zeroHeight)", "fill": "#c0392b",
                ])
            }
        }
        svg.element("text", ["x": "\(gap)", "y": "\(height + top + bottom - 4)", "font-size": "11", "fill": "currentColor"], text: shown.first?.day ?? "")
        let legend = section.element("p", ["class": "report-legend"])
        legend.text("Blue: searches; red: the part that found nothing. Busiest day: \(most) searches.")
    }

    static func table(_ title: String, id: String, columns: [String], rows: [[String]], into main: MarkupElement) {
        let section = main.element("section", ["aria-labelledby": id])
        section.element("h2", ["id": id], text: title)
        guard !rows.isEmpty else {
            section.element("p", text: "None in this period.")
            return
        }
        let table = section.element("div", ["class": "table-scroll"]).element("table")
        let header = table.element("thead").element("tr")
        for column in columns { header.element("th", ["scope": "col"], text: column) }
        let body = table.element("tbody")
        for row in rows {
            let line = body.element("tr")
            for cell in row { line.element("td", text: cell) }
        }
    }
}
