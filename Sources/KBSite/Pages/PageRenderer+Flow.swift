import Foundation
import KBContent
import KBFlows
import KnowledgeBase

extension PageRenderer {
    /// `flows/<id>.html`: a simulator's scenario tables, each row computed by running it
    /// (``AnyFlow/scenarios(context:)``) at the moment ``SiteContext/flowContext(for:)``
    /// derives from the content; the policy values it read; its inputs; and how to run
    /// it with other inputs. The simulator writes its title, tables and input help in the
    /// page's language, and the commands shown ask for that language.
    ///
    /// With a ``FlowSubmission`` (a server answering the page's form), the page has the
    /// form filled with what was typed and the result (or the problem) under it.
    func flowPage(_ flow: AnyFlow, submission: FlowSubmission? = nil) throws(SiteError) -> Data {
        let route = SiteRoute.flow(flow.id)
        let article = content.article(flow.article)
        let flowContext = context.flowContext(for: flow)
        let tables = context.scenarios(flow)
        let title = flow.title(in: language)
        let description = article.map {
            strings(.flowDescriptionFromArticle, ["title": title, "flow": flow.id, "article": $0.title])
        } ?? strings(.flowDescription, ["title": title, "flow": flow.id])
        let scripts: [SiteRoute] = options.simulatorForm == .served ? [.file(SiteAssets.flowScriptName)] : []
        return try page(route, title: title, description: description, scripts: scripts) { page in
            var trail: [(title: String, route: SiteRoute)] = [(strings(.home), .home)]
            if let article { trail.append((article.title, .article(article.slug))) }
            page.breadcrumbs(trail, current: strings(.simulator))

            let body = page.main.element("article", ["class": "flow"])
            body.element("h1", text: title)
            let lead = body.element("p", ["class": "lead"])
            if let article {
                lead.text(strings(.flowRulesStatedIn) + " ")
                lead.element("a", ["href": page.href(.article(article.slug))], text: article.title)
                lead.text(strings(.flowRowsComputedFromArticle, ["flow": flow.id]))
            } else {
                lead.text(strings(.flowRowsComputed, ["flow": flow.id]))
            }
            let meta = body.element("p", ["class": "meta"])
            meta.text(strings(.flowComputedFor) + " ")
            meta.element("time", ["datetime": flowContext.iso(flowContext.now)], text: Self.moment(flowContext, strings))
            meta.text(strings(.flowComputedIn) + " " + FlowTime.zoneExplanation(for: flowContext.timeZone, language: language))

            flowForm(flow, submission: submission, zone: flowContext.timeZone, into: body, page)

            for (index, table) in tables.enumerated() {
                let id = "kb_scenario-\(index + 1)"
                let section = page.section(table.title, id: id, into: body, class: "scenario")
                scenarioTable(table, into: section)
            }

            let policies = flow.policyPaths.compactMap { path in content.policies[path].map { (path, $0.rendered(in: language)) } }
            if !policies.isEmpty {
                let section = page.section(strings(.policyValuesUsed), id: "kb_policies", into: body)
                section.element("p", text: strings(.policyValuesLead))
                let table = section.element("div", ["class": "table-scroll"]).element("table", ["class": "data-table"])
                table.element("caption", text: strings(.policyValuesCaption, ["flow": flow.id]))
                let header = table.element("thead").element("tr")
                header.element("th", ["scope": "col"], text: strings(.columnPolicy))
                header.element("th", ["scope": "col"], text: strings(.columnValue))
                let rows = table.element("tbody")
                for (path, value) in policies {
                    let row = rows.element("tr")
                    // The value's name as a sentence; its key small beneath, for authors.
                    let name = row.element("th", ["scope": "row"])
                    if let label = PolicyLabels.label(for: path, in: language) {
                        name.element("span", ["class": "policy-name"], text: label)
                    }
                    name.element("code", ["class": "policy-key"], text: path)
                    row.element("td", text: value)
                }
            }

            let fields = flow.fields(in: language)
            if !fields.isEmpty {
                let section = page.section(strings(.inputs), id: "kb_inputs", into: body)
                let table = section.element("div", ["class": "table-scroll"]).element("table", ["class": "data-table stack"])
                table.element("caption", text: strings(.inputsCaption, ["flow": flow.id]))
                let header = table.element("thead").element("tr")
                let columns = [strings(.columnInput), strings(.columnType), strings(.columnDefault), strings(.columnWhatToEnter)]
                for title in columns {
                    header.element("th", ["scope": "col"], text: title)
                }
                let rows = table.element("tbody")
                for field in fields {
                    let row = rows.element("tr")
                    row.element("th", ["scope": "row"]).element("code", text: field.name)
                    row.element("td", ["data-label": columns[1]], text: strings.label(field.kind))
                    // A default is a value to type (code); "empty" and "required" are words.
                    let defaultCell = row.element("td", ["data-label": columns[2]])
                    if let value = field.defaultValue, !value.isEmpty {
                        defaultCell.element("code", text: value)
                    } else {
                        defaultCell.text(field.defaultValue == nil ? strings(.inputRequired) : strings(.inputEmpty))
                    }
                    var help = field.help
                    if let last = help.last, !".?!:".contains(last) { help += "." }
                    if !field.allowedValues.isEmpty { help += " " + strings(.inputOneOf) + " " + field.allowedValues.joined(separator: ", ") + "." }
                    if let example = field.example { help += " " + strings(.inputExample) + " " + example }
                    row.element("td", ["data-label": columns[3]], text: help)
                }
            }

            let run = page.section(strings(.runItYourself), id: "kb_run", into: body)
            let example = Self.exampleInput(for: flow)
            let now = flowContext.iso(Self.exampleMoment(flowContext))
            run.element("p", text: strings(.runInTerminal))
            let sets = example.map { " \\\n  --set " + Self.shellQuoted("\($0.name)=\($0.value)") }.joined()
            // In a translation, the commands ask for that language too.
            let lang = language == .source ? "" : " --lang \(language.code)"
            run.element("pre").element("code", text: "kb simulate \(flow.id)\(lang)\nkb simulate \(flow.id)\(lang) --now \(now)" + sets)
            let api = run.element("p")
            api.text(strings(.runOnServer) + " ")
            api.element("code", text: "?now=")
            api.text(" " + strings(.runOnServerAnd) + " ")
            api.element("code", text: "?time_zone=")
            api.text(" " + strings(.runOnServerEnd))
            let query = "?now=" + now.replacingOccurrences(of: "+", with: "%2B") + (language == .source ? "" : "&lang=\(language.code)")
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
    static func shellQuoted(_ text: String) -> String { ShellWord.quoted(text) }

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

    /// "25 November 2026, 09:00" ("25 November 2026, pukul 09.00") for a flow
    /// context's `now`, in its zone.
    static func moment(_ flowContext: FlowContext, _ strings: SiteStrings) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = flowContext.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: flowContext.now)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = strings.time(hour: parts.hour ?? 0, minute: parts.minute ?? 0)
        return strings(.dateTime, ["date": strings.date(day) ?? day, "time": time])
    }
}

extension SiteStrings {
    /// A simulator input's kind as the site names it ("date-time", "tanggal dan waktu").
    func label(_ kind: FlowField.Kind) -> String {
        switch kind {
        case .text: self(.kindText)
        case .email: self(.kindEmail)
        case .boolean: self(.kindBoolean)
        case .integer: self(.kindInteger)
        case .choice: self(.kindChoice)
        case .dateTime: self(.kindDateTime)
        case .list: self(.kindList)
        case .host: self(.kindHost)
        case .url: self(.kindURL)
        case .ipAddress: self(.kindIPAddress)
        }
    }
}
