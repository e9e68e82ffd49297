import Foundation
import KBContent
import KBFlows

extension PageRenderer {
    /// `flows/<id>.html`: a simulator's scenario tables, each row computed by running it
    /// (``AnyFlow/scenarios(context:)``) at the moment ``SiteContext/flowContext(for:)``
    /// derives from the content; the policy values it read; its inputs; and how to run
    /// it with other inputs.
    func flowPage(_ flow: AnyFlow) throws(SiteError) -> Data {
        let route = SiteRoute.flow(flow.id)
        let article = content.article(flow.article)
        let flowContext = context.flowContext(for: flow)
        let tables = flow.scenarios(context: flowContext)
        let description = "\(flow.title) Worked examples computed by the \(flow.id) simulator"
            + (article.map { " from the rules in “\($0.title)”." } ?? ".")
        return try page(route, title: flow.title, description: description) { page in
            var trail: [(title: String, route: SiteRoute)] = [("Home", .home)]
            if let article { trail.append((article.title, .article(article.slug))) }
            page.breadcrumbs(trail, current: "Simulator")

            let body = page.main.element("article", ["class": "flow"])
            body.element("h1", text: flow.title)
            let lead = body.element("p", ["class": "lead"])
            if let article {
                lead.text("The rules are stated in ")
                lead.element("a", ["href": page.href(.article(article.slug))], text: article.title)
                lead.text(". Every row below was computed by running the \(flow.id) simulator on them.")
            } else {
                lead.text("Every row below was computed by running the \(flow.id) simulator.")
            }
            let meta = body.element("p", ["class": "meta"])
            meta.text("Computed for ")
            meta.element("time", ["datetime": flowContext.iso(flowContext.now)], text: Self.moment(flowContext))
            meta.text(" (the date of the newest article), in \(flowContext.timeZone.identifier).")

            for (index, table) in tables.enumerated() {
                let id = "kb_scenario-\(index + 1)"
                let section = page.section(table.title, id: id, into: body, class: "scenario")
                scenarioTable(table, into: section)
            }

            let policies = flow.policyPaths.compactMap { path in content.policies.text(path).map { (path, $0) } }
            if !policies.isEmpty {
                let section = page.section("Policy values used", id: "kb_policies", into: body)
                section.element("p", text: "From policies.yaml, the same values the article states; change one there and both follow.")
                let table = section.element("div", ["class": "table-scroll"]).element("table", ["class": "data-table"])
                table.element("caption", text: "The policy values the \(flow.id) simulator read")
                let header = table.element("thead").element("tr")
                header.element("th", ["scope": "col"], text: "Policy")
                header.element("th", ["scope": "col"], text: "Value")
                let rows = table.element("tbody")
                for (path, value) in policies {
                    let row = rows.element("tr")
                    row.element("th", ["scope": "row"]).element("code", text: path)
                    row.element("td", text: value)
                }
            }

            if !flow.fields.isEmpty {
                let section = page.section("Inputs", id: "kb_inputs", into: body)
                let table = section.element("div", ["class": "table-scroll"]).element("table", ["class": "data-table stack"])
                table.element("caption", text: "What the \(flow.id) simulator asks for")
                let header = table.element("thead").element("tr")
                for title in ["Input", "Type", "Default", "What to enter"] {
                    header.element("th", ["scope": "col"], text: title)
                }
                let rows = table.element("tbody")
                for field in flow.fields {
                    let row = rows.element("tr")
                    row.element("th", ["scope": "row"]).element("code", text: field.name)
                    row.element("td", ["data-label": "Type"], text: field.kind.rawValue)
                    row.element("td", ["data-label": "Default"], text: field.defaultValue.map { $0.isEmpty ? "empty" : $0 } ?? "required")
                    var help = field.help
                    if let last = help.last, !".?!:".contains(last) { help += "." }
                    if !field.allowedValues.isEmpty { help += " One of: " + field.allowedValues.joined(separator: ", ") + "." }
                    if let example = field.example { help += " Example: " + example }
                    row.element("td", ["data-label": "What to enter"], text: help)
                }
            }

            let run = page.section("Run it yourself", id: "kb_run", into: body)
            let example = Self.exampleInput(for: flow)
            let now = flowContext.iso(Self.exampleMoment(flowContext))
            run.element("p", text: "Try other inputs and another moment with kb, in a terminal. With no inputs it asks for each one; the second line runs example values at the end of the day above:")
            let sets = example.map { " \\\n  --set " + Self.shellQuoted("\($0.name)=\($0.value)") }.joined()
            run.element("pre").element("code", text: "kb simulate \(flow.id)\nkb simulate \(flow.id) --now \(now)" + sets)
            let api = run.element("p")
            api.text("Or ask a running kb server: the inputs go in a JSON body, and ")
            api.element("code", text: "?now=")
            api.text(" and ")
            api.element("code", text: "?time_zone=")
            api.text(" are optional:")
            let query = "?now=" + now.replacingOccurrences(of: "+", with: "%2B")
            run.element("pre").element("code", text: "POST /v1/flows/\(flow.id)/simulate\(query)\nContent-Type: application/json\n\n" + Self.json(example))
        }
    }

    /// When the worked example runs: the last second of the page's day, so that example
    /// times on that day are not in the future.
    static func exampleMoment(_ flowContext: FlowContext) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = flowContext.timeZone
        let day = calendar.startOfDay(for: flowContext.now)
        return calendar.date(byAdding: .second, value: 86_399, to: day) ?? flowContext.now
    }

    /// Values the flow accepts for a worked example: each field's example, and for a
    /// required field without one, `yes` or its first allowed value.
    static func exampleInput(for flow: AnyFlow) -> [(name: String, value: String)] {
        flow.fields.compactMap { field in
            var value = field.example
            if value == nil, field.isRequired {
                value = field.kind == .boolean ? "yes" : field.allowedValues.first
            }
            return value.map { (field.name, $0) }
        }
    }

    /// `text` as one shell word: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        if plain, !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The pairs as a JSON object of strings, in order, on one line.
    static func json(_ pairs: [(name: String, value: String)]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func quoted(_ text: String) -> String {
            (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
        return "{" + pairs.map { quoted($0.name) + ": " + quoted($0.value) }.joined(separator: ", ") + "}"
    }

    /// One scenario table: its note as the caption, a header cell per column; each cell
    /// carries its column's name, so a narrow screen shows one card per row.
    private func scenarioTable(_ table: FlowScenarioTable, into section: MarkupElement) {
        let element = section.element("div", ["class": "table-scroll"]).element("table", ["class": "data-table stack"])
        element.element("caption", text: table.note)
        let header = element.element("thead").element("tr")
        for column in table.columns {
            header.element("th", ["scope": "col"], text: column)
        }
        let body = element.element("tbody")
        for row in table.rows {
            let line = body.element("tr")
            for (index, cell) in row.enumerated() {
                line.element("td", ["data-label": index < table.columns.count ? table.columns[index] : ""], text: cell)
            }
        }
    }

    /// "25 November 2026, 09:00" for a flow context's `now`, in its zone.
    static func moment(_ flowContext: FlowContext) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = flowContext.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: flowContext.now)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return (DisplayDate.readable(day) ?? day) + ", " + time
    }
}
