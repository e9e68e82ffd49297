import Foundation
import KBContent
import KBFlows

/// The flow page's form, "Try it with your own values", and the result it brings back.
///
/// A GET form to the page itself (``SiteOptions/SimulatorForm/served``) or to the same
/// page on a kb server (``SiteOptions/SimulatorForm/remote(_:)``): it works with no
/// JavaScript, and a result has an address an agent can paste. Served, `flow.js` sends
/// the same values to `POST /v1/flows/{id}/simulate` and shows the answer without a
/// page load; the words it needs are on the form (`data-*`), in the page's language.
extension PageRenderer {
    /// The form's section, then the result's when there is a submission.
    func flowForm(_ flow: AnyFlow, submission: FlowSubmission?, zone: TimeZone, into body: MarkupElement, _ page: Page) {
        let action: String
        switch options.simulatorForm {
        case .none: return
        case .served: action = page.href(.flow(flow.id))
        case let .remote(server): action = server + SiteRoute.flow(flow.id).path(in: language)
        }
        let section = page.section(strings(.tryIt), id: "kb_try", into: body, class: "flow-form")
        section.element("p", text: strings(.tryItLead))
        if case let .remote(server) = options.simulatorForm {
            section.element("p", ["class": "meta"], text: strings(.tryItRemote, ["server": server]))
        }

        let form = section.element("form", [
            "method": "get", "action": action + "#kb_result", "novalidate": "novalidate", "id": "kb_flow-form",
        ])
        if options.simulatorForm == .served {
            form.setAttribute("data-api", page.href(.file("v1/flows/\(flow.id)/simulate")))
            form.setAttribute("data-lang", language.code)
            form.setAttribute("data-zone", zone.identifier)
            form.setAttribute("data-words", Self.json([
                ("result", strings(.result)), ("rules", strings(.rulesApplied)), ("statedIn", strings(.statedIn)),
                ("theArticle", strings(.theArticle)), ("share", strings(.shareResult)), ("problem", strings(.inputProblem)),
                ("problemLead", strings(.inputProblemLead)), ("busy", strings(.simulatorBusy)), ("now", strings(.fieldNow)),
            ]))
            if let article = content.article(flow.article) {
                form.setAttribute("data-article", flow.article)
                form.setAttribute("data-article-title", article.title)
                form.setAttribute("data-article-href", page.href(.article(article.slug)))
            }
        }
        let problemField = submission?.problem?.field
        let example = Dictionary(Self.exampleInput(for: flow).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for field in flow.fields(in: language) {
            let typed = submission?.values[field.name]
            let initial = typed ?? Self.initialValue(field, example: example[field.name], zone: zone)
            formField(
                field, label: FieldLabels.label(field, flow: flow.id, in: language), value: initial,
                error: problemField == field.name ? submission?.problem : nil, zone: zone, into: form
            )
        }
        let now = FlowField(FlowSubmission.nowField, .dateTime, default: "", help: strings(.fieldNowHelp))
        formField(
            now, label: strings(.fieldNow), value: submission?.values[FlowSubmission.nowField] ?? "",
            error: problemField == FlowSubmission.nowField ? submission?.problem : nil, zone: zone, into: form
        )
        form.element("p", ["class": "form-actions"]).element("button", ["type": "submit", "class": "button"], text: strings(.runSimulator))

        // The result (or the problem) is a live region the script fills; without a
        // submission it is empty and hidden.
        let result = body.element("section", ["id": "kb_result-area", "class": "flow-result", "aria-live": "polite"])
        guard let submission else {
            result.setAttribute("hidden", "hidden")
            return
        }
        if let report = submission.report {
            flowResult(report, submission: submission, flow: flow, into: result, page)
        } else if let problem = submission.problem {
            flowProblem(problem, flow: flow, into: result)
        }
    }

    /// One labelled control with its help, its error when it has one, and the control
    /// that fits its kind.
    private func formField(
        _ field: FlowField, label: String, value: String, error: FlowInputError?, zone: TimeZone, into form: MarkupElement
    ) {
        let id = "kb_field-\(field.name)"
        let helpID = "kb_help-\(field.name)"
        let errorID = "kb_error-\(field.name)"
        let box = form.element("div", ["class": error == nil ? "field" : "field field-invalid"])
        let labelElement = box.element("label", ["for": id], text: label)
        if field.isRequired {
            labelElement.text(" ")
            labelElement.element("span", ["class": "required"], text: "(" + strings(.inputRequired) + ")")
        }
        var help = field.help
        if let last = help.last, !".?!:".contains(last) { help += "." }
        if field.kind != .choice, field.kind != .boolean, let example = field.example {
            help += " " + strings(.inputExample) + " " + example
        }
        box.element("p", ["id": helpID, "class": "field-help"], text: help)
        let control: MarkupElement
        switch field.kind {
        case .choice:
            control = box.element("select", ["id": id, "name": field.name])
            if !field.isRequired, field.defaultValue == "" || !field.allowedValues.contains(field.defaultValue ?? "") {
                option("", label: strings(.choiceNone), selected: value, into: control)
            }
            for allowed in field.allowedValues {
                option(allowed, label: allowed, selected: value, into: control)
            }
        case .boolean:
            control = box.element("select", ["id": id, "name": field.name])
            let chosen = FlowBoolean.parse(value.trimmingCharacters(in: .whitespaces)) == false ? "no" : "yes"
            option("yes", label: strings(.answerYes), selected: chosen, into: control)
            option("no", label: strings(.answerNo), selected: chosen, into: control)
        case .list:
            control = box.element("textarea", ["id": id, "name": field.name, "rows": "3", "spellcheck": "false"], text: value)
        default:
            control = box.element("input", ["id": id, "name": field.name, "value": value, "spellcheck": "false"])
            control.setAttribute("type", Self.inputType(field.kind))
            if field.kind == .dateTime { control.setAttribute("step", "1") }
            if field.kind == .email || field.kind == .url || field.kind == .ipAddress || field.kind == .host {
                control.setAttribute("autocomplete", "off")
            }
        }
        // A select always holds a value (the example's), so a required one is marked for
        // assistive technology only; `required` would ask for an empty first option.
        if field.isRequired {
            if field.kind == .choice || field.kind == .boolean {
                control.setAttribute("aria-required", "true")
            } else {
                control.setAttribute("required", "required")
            }
        }
        if let error {
            control.setAttribute("aria-invalid", "true")
            control.setAttribute("aria-describedby", "\(helpID) \(errorID)")
            box.element("p", ["id": errorID, "class": "field-error"], text: Self.sentence(error))
        } else {
            control.setAttribute("aria-describedby", helpID)
        }
    }

    private func option(_ value: String, label: String, selected: String, into select: MarkupElement) {
        let option = select.element("option", ["value": value], text: label)
        if Self.sameChoice(value, selected) { option.setAttribute("selected", "selected") }
    }

    /// The outcome in one sentence, its details, each rule applied with the section that
    /// states it, and the address of this result.
    private func flowResult(_ report: FlowReport, submission: FlowSubmission, flow: AnyFlow, into result: MarkupElement, _ page: Page) {
        result.setAttribute("aria-labelledby", "kb_result")
        result.element("h2", ["id": "kb_result", "tabindex": "-1"], text: strings(.result))
        result.element("p", ["class": "outcome"], text: report.headline)
        result.element("p", ["class": "meta"], text: strings(.resultAt, ["time": submission.context.text(submission.context.now)]))
        if !report.details.isEmpty {
            let list = result.element("dl", ["class": "result-details"])
            for detail in report.details {
                list.element("dt", text: detail.label)
                list.element("dd", text: detail.value)
            }
        }
        if !report.trace.isEmpty {
            result.element("h3", text: strings(.rulesApplied))
            let steps = result.element("ol", ["class": "trace"])
            for step in report.trace {
                let item = steps.element("li")
                item.element("p", ["class": "rule"], text: step.rule)
                if !step.compared.isEmpty { item.element("p", ["class": "compared"], text: step.compared) }
                item.element("p", ["class": "step-result"], text: step.result)
                let source = item.element("p", ["class": "source"])
                source.text(strings(.statedIn) + " ")
                source.element("a", ["href": page.href(.article(step.source.slug), fragment: step.source.anchor)], text: sourceTitle(step.source))
            }
        }
        let share = submission.shareQuery(fields: flow.fields)
        let link = result.element("p", ["class": "share"])
        link.text(strings(.shareResult) + ": ")
        let href: String
        switch options.simulatorForm {
        case let .remote(server): href = server + SiteRoute.flow(flow.id).path(in: language) + "?" + share
        default: href = page.href(.flow(flow.id)) + "?" + share
        }
        link.element("a", ["href": href + "#kb_result", "class": "share-link"], text: href)
    }

    /// What is wrong with the values, linking to the field in question.
    private func flowProblem(_ problem: FlowInputError, flow: AnyFlow, into result: MarkupElement) {
        result.setAttribute("aria-labelledby", "kb_result")
        result.setAttribute("class", "flow-result flow-problem")
        result.element("h2", ["id": "kb_result", "tabindex": "-1"], text: strings(.inputProblem))
        result.element("p", text: strings(.inputProblemLead))
        let list = result.element("ul")
        let known = flow.fields.contains { $0.name == problem.field } || problem.field == FlowSubmission.nowField
        let label = problem.field == FlowSubmission.nowField
            ? strings(.fieldNow) : FieldLabels.label(flow: flow.id, field: problem.field, in: language)
        let item = list.element("li")
        if known {
            item.element("a", ["href": "#kb_field-\(problem.field)"], text: label ?? problem.field)
            item.text(": " + Self.sentence(problem))
        } else {
            item.text(Self.sentence(problem))
        }
    }

    /// "Article title › Heading", from the article in this page's language.
    private func sourceTitle(_ source: ArticleReference) -> String {
        guard let article = content.article(source.slug) else { return strings(.theArticle) }
        for block in article.document.blocks.flattened() {
            if case let .heading(_, inlines, anchor) = block, anchor == source.anchor {
                return article.title + " › " + inlines.plainText
            }
        }
        return article.title
    }

    /// An input error as a sentence: its message, then what to enter instead.
    static func sentence(_ error: FlowInputError) -> String {
        var text = error.message
        if let hint = error.hint, !hint.isEmpty { text += "; " + hint }
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        if let last = text.last, !".?!".contains(last) { text += "." }
        return text
    }

    /// What a field holds before the reader types: the example the page's commands
    /// use, else the default; a date-time as `datetime-local` writes it, in `zone`.
    static func initialValue(_ field: FlowField, example: String?, zone: TimeZone) -> String {
        let value = example ?? field.defaultValue ?? ""
        guard field.kind == .dateTime else { return value }
        guard let date = FlowTime.parse(value, in: zone) else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var text = String(format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        if let second = c.second, second != 0 { text += String(format: ":%02d", second) }
        return text
    }

    static func inputType(_ kind: FlowField.Kind) -> String {
        switch kind {
        case .email: "email"
        case .url: "url"
        case .integer: "number"
        case .dateTime: "datetime-local"
        default: "text"
        }
    }

    /// Whether a typed choice is this option: without regard to case, spaces or
    /// hyphens, as the simulators match them.
    static func sameChoice(_ option: String, _ typed: String) -> Bool {
        func key(_ text: String) -> String {
            text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        }
        return key(option) == key(typed)
    }
}
