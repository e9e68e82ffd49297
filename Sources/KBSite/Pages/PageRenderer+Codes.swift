import Foundation
import KBContent

extension PageRenderer {
    /// `codes/index.html`: one table of every response code, each row with the id
    /// `code-<code>`, filterable by class without JavaScript.
    ///
    /// The filter is CSS `:target`: one empty element per class (`#show-soft-decline`)
    /// stands before the filter links and the table; when the address ends in that
    /// fragment, the style sheet hides the rows of every other class. The links are
    /// ordinary fragment links, so a filtered view can be bookmarked and shared, and
    /// `#code-51` still shows the whole table with row 51 highlighted.
    func codesPage() throws(SiteError) -> Data {
        let codes = content.responseCodes
        let description = "What each bank response code means, whether to retry, and what to do: \(codes.count) codes."
        return try page(.codes, title: "Bank response codes", description: description) { page in
            page.breadcrumbs([("Home", .home)], current: "Response codes")
            page.main.element("h1", text: "Bank response codes")
            page.main.element("p", ["class": "lead"], text: "The code a card's issuing bank sends back with a payment, what it means, whether to retry, and what to do.")

            let classes = ResponseClass.allCases.filter { responseClass in codes.contains { $0.responseClass == responseClass } }
            for responseClass in classes {
                page.main.element("span", ["class": "filter-target", "id": responseClass.filterID])
            }
            let filters = page.main.element("nav", ["class": "filters", "aria-label": "Filter the codes by class"])
            filters.element("span", ["class": "filters-label"], text: "Show:")
            let list = filters.element("ul")
            list.element("li").element("a", ["href": "#all-codes"], text: "All (\(codes.count))")
            for responseClass in classes {
                let count = codes.filter { $0.responseClass == responseClass }.count
                list.element("li").element("a", ["href": "#" + responseClass.filterID], text: "\(responseClass.title) (\(count))")
            }

            let table = page.main.element("div", ["class": "table-scroll codes-table"]).element("table", ["id": "all-codes"])
            table.element("caption", text: "Each response code, its class, whether to retry, and what to do")
            let header = table.element("thead").element("tr")
            for title in ["Code", "Name", "Class", "Retry", "What to do"] {
                header.element("th", ["scope": "col"], text: title)
            }
            let body = table.element("tbody")
            for code in codes {
                let row = body.element("tr", ["id": "code-" + code.code, "class": code.responseClass.rawValue])
                row.element("th", ["scope": "row", "data-label": "Code"])
                    .element("a", ["href": page.href(.code(code.code))], text: code.code)
                row.element("td", ["data-label": "Name"], text: code.name)
                row.element("td", ["data-label": "Class"])
                    .element("span", ["class": "badge " + code.responseClass.rawValue], text: code.responseClass.label)
                row.element("td", ["data-label": "Retry"], text: code.retry.rawValue)
                row.element("td", ["data-label": "What to do"], text: code.merchantAction)
            }

            let legend = page.section("What the classes mean", id: "kb_classes")
            let terms = legend.element("dl", ["class": "classes"])
            for responseClass in classes {
                terms.element("dt").element("span", ["class": "badge " + responseClass.rawValue], text: responseClass.label)
                terms.element("dd", text: responseClass.explanation)
            }
        }
    }

    /// `codes/<code>.html`: one code with its meaning, class, retry advice, what the
    /// merchant does, what to tell the customer, and the articles that mention it.
    func codePage(_ code: ResponseCode) throws(SiteError) -> Data {
        let title = "Code \(code.code): \(code.name)"
        let answer = codeAnswer(code)
        let scripts: [SiteRoute] = answer == nil ? [] : [.file(SiteAssets.copyScriptName)]
        return try page(.code(code.code), title: title, description: code.meaning, scripts: scripts) { page in
            page.breadcrumbs([("Home", .home), ("Response codes", .codes)], current: code.code)
            let article = page.main.element("article", ["class": "code"])
            article.element("h1", text: title)
            article.element("p", ["class": "lead"], text: code.meaning)
            if let answer { page.copyAnswer(answer, into: article) }
            let facts = article.element("dl", ["class": "facts"])
            facts.element("dt", text: "Class")
            let classValue = facts.element("dd")
            classValue.element("a", ["class": "badge " + code.responseClass.rawValue, "href": page.href(.codes, fragment: code.responseClass.filterID)], text: code.responseClass.label)
            classValue.text(" " + code.responseClass.explanation)
            facts.element("dt", text: "Retry")
            facts.element("dd", text: code.retry.explanation)
            if !code.aliases.isEmpty {
                facts.element("dt", text: "Also called")
                facts.element("dd", text: code.aliases.joined(separator: ", "))
            }

            page.section("What to do", id: "kb_action", into: article).element("p", text: code.merchantAction)
            page.section("What to tell the customer", id: "kb_customer", into: article)
                .element("blockquote", ["class": "customer-message"]).element("p", text: code.customerMessage)

            if let mentions = context.mentions[code.code], !mentions.isEmpty {
                let section = page.section("Articles that mention code \(code.code)", id: "kb_mentions")
                page.articleList(mentions, into: section, summaries: true)
            }
            page.main.element("p").element("a", ["href": page.href(.codes, fragment: "code-" + code.code)], text: "See code \(code.code) in the table of all codes")
        }
    }
}
