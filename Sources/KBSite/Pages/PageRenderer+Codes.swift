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
        let description = strings(.codesDescription, ["count": "\(codes.count)"])
        return try page(.codes, title: strings(.bankResponseCodes), description: description) { page in
            page.breadcrumbs([(strings(.home), .home)], current: strings(.responseCodes))
            page.main.element("h1", text: strings(.bankResponseCodes))
            page.main.element("p", ["class": "lead"], text: strings(.codesLead))

            let classes = ResponseClass.allCases.filter { responseClass in codes.contains { $0.responseClass == responseClass } }
            for responseClass in classes {
                page.main.element("span", ["class": "filter-target", "id": responseClass.filterID])
            }
            let filters = page.main.element("nav", ["class": "filters", "aria-label": strings(.filterCodes)])
            filters.element("span", ["class": "filters-label"], text: strings(.filterShow))
            let list = filters.element("ul")
            list.element("li").element("a", ["href": "#all-codes"], text: strings(.filterAll, ["count": "\(codes.count)"]))
            for responseClass in classes {
                let count = codes.filter { $0.responseClass == responseClass }.count
                list.element("li").element("a", ["href": "#" + responseClass.filterID], text: "\(strings.title(responseClass)) (\(count))")
            }

            let table = page.main.element("div", ["class": "table-scroll codes-table"]).element("table", ["id": "all-codes"])
            table.element("caption", text: strings(.codesCaption))
            let header = table.element("thead").element("tr")
            let columns = [strings(.columnCode), strings(.columnName), strings(.columnClass), strings(.columnRetry), strings(.columnAction)]
            for title in columns {
                header.element("th", ["scope": "col"], text: title)
            }
            let body = table.element("tbody")
            for code in codes {
                let row = body.element("tr", ["id": "code-" + code.code, "class": code.responseClass.rawValue])
                row.element("th", ["scope": "row", "data-label": columns[0]])
                    .element("a", ["href": page.href(.code(code.code))], text: code.code)
                page.mark(row.element("td", ["data-label": columns[1]], text: code.name), as: code.language)
                row.element("td", ["data-label": columns[2]])
                    .element("span", ["class": "badge " + code.responseClass.rawValue], text: strings.label(code.responseClass))
                row.element("td", ["data-label": columns[3]], text: strings.label(code.retry))
                page.mark(row.element("td", ["data-label": columns[4]], text: code.merchantAction), as: code.language)
            }

            let legend = page.section(strings(.classesHeading), id: "kb_classes")
            let terms = legend.element("dl", ["class": "classes"])
            for responseClass in classes {
                terms.element("dt").element("span", ["class": "badge " + responseClass.rawValue], text: strings.label(responseClass))
                terms.element("dd", text: strings.explanation(responseClass))
            }
        }
    }

    /// `codes/<code>.html`: one code with its meaning, class, retry advice, what the
    /// merchant does, what to tell the customer, and the articles that mention it.
    func codePage(_ code: ResponseCode) throws(SiteError) -> Data {
        let title = strings(.codeTitle, ["code": code.code, "name": code.name])
        let answer = codeAnswer(code)
        var scripts: [SiteRoute] = answer == nil ? [] : [.file(SiteAssets.copyScriptName)]
        if options.feedbackEndpoint != nil { scripts.append(.file(SiteAssets.feedbackScriptName)) }
        return try page(.code(code.code), title: title, description: code.meaning, scripts: scripts) { page in
            page.breadcrumbs([(strings(.home), .home), (strings(.responseCodes), .codes)], current: code.code)
            let article = page.main.element("article", ["class": "code"])
            article.element("h1", text: title)
            page.mark(article.element("p", ["class": "lead"], text: code.meaning), as: code.language)
            if let answer { page.copyAnswer(answer, language: code.language, into: article) }
            let facts = article.element("dl", ["class": "facts"])
            facts.element("dt", text: strings(.columnClass))
            let classValue = facts.element("dd")
            classValue.element("a", ["class": "badge " + code.responseClass.rawValue, "href": page.href(.codes, fragment: code.responseClass.filterID)], text: strings.label(code.responseClass))
            classValue.text(" " + strings.explanation(code.responseClass))
            facts.element("dt", text: strings(.columnRetry))
            facts.element("dd", text: strings.explanation(code.retry))
            if !code.aliases.isEmpty {
                facts.element("dt", text: strings(.alsoCalled))
                page.mark(facts.element("dd", text: code.aliases.joined(separator: ", ")), as: code.language)
            }

            let action = page.section(strings(.whatToDo), id: "kb_action", into: article).element("p", text: code.merchantAction)
            page.mark(action, as: code.language)
            let message = page.section(strings(.whatToTellCustomer), id: "kb_customer", into: article)
                .element("blockquote", ["class": "customer-message"]).element("p", text: code.customerMessage)
            page.mark(message, as: code.language)

            if let mentions = context.mentions[code.code], !mentions.isEmpty {
                let section = page.section(strings(.articlesMentioningCode, ["code": code.code]), id: "kb_mentions")
                page.articleList(mentions, into: section, summaries: true)
            }
            page.main.element("p").element("a", ["href": page.href(.codes, fragment: "code-" + code.code)], text: strings(.seeCodeInTable, ["code": code.code]))
            page.feedback(kind: "code", id: code.code, into: page.main)
        }
    }
}
