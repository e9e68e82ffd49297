import Foundation
import KBContent
import KBFlows
import KBTerminal

/// A flow's report for the terminal: the headline, the verdict in words, the details, then
/// the numbered trace, its labels in the report's language. (`--json` keeps the verdict's id.)
struct FlowReportRenderer {
    var style: TextStyle
    var width: Int
    var language: Language = .source

    /// The labels around the report's own text, each as wide as the English one.
    private var labels: (verdict: String, trace: String, now: String, compared: String, result: String, source: String) {
        switch language {
        case .english: ("verdict: ", "Trace", "now", "compared ", "result   ", "source   ")
        case .indonesian: ("kesimpulan: ", "Jejak aturan", "sekarang", "nilai    ", "hasil    ", "sumber   ")
        }
    }

    /// - Parameter verdict: the verdict in words (``AnyFlow/verdictLabel(_:in:)``); its id when `nil`.
    func render(_ report: FlowReport, title: String, verdict label: String? = nil) -> String {
        let labels = labels
        var parts: [String] = []
        parts.append(style.dim("\(report.flow) — \(title)"))
        let verdict = ["locked", "refused", "rejected", "not-cancellable", "refund-instead", "separate-account", "needs-admin"]
            .contains(report.verdict) ? style.red(label ?? report.verdict) : style.green(label ?? report.verdict)
        parts.append(style.bold(TextWrapper.wrap(report.headline, width: width)) + "\n" + labels.verdict + verdict)
        if !report.details.isEmpty {
            let labelWidth = min((report.details.map(\.label.count).max() ?? 0) + 2, 16)
            parts.append(report.details.map { detail in
                let label = detail.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                let indent = String(repeating: " ", count: labelWidth)
                return detail.value.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                    TextWrapper.wrap(String(line), width: width, firstIndent: index == 0 ? style.bold(label) : indent, indent: indent)
                }.joined(separator: "\n")
            }.joined(separator: "\n"))
        }
        var trace = [style.bold(labels.trace) + style.dim(" (\(labels.now) \(moment(report)))")]
        for (index, step) in report.trace.enumerated() {
            let number = "\(index + 1).".padding(toLength: 4, withPad: " ", startingAt: 0)
            let indent = "    "
            var lines = [TextWrapper.wrap(step.rule, width: width, firstIndent: number, indent: indent)]
            if !step.compared.isEmpty {
                lines.append(TextWrapper.wrap(step.compared, width: width, firstIndent: indent + style.dim(labels.compared), indent: indent + "         "))
            }
            lines.append(TextWrapper.wrap(step.result, width: width, firstIndent: indent + style.dim(labels.result), indent: indent + "         "))
            lines.append(indent + style.dim(labels.source) + style.cyan(step.source.description))
            trace.append(lines.joined(separator: "\n"))
        }
        parts.append(trace.joined(separator: "\n"))
        return parts.joined(separator: "\n\n")
    }

    /// The moment simulated for people (`09:00 WIB, 25 November 2026`), else as the report spells it.
    private func moment(_ report: FlowReport) -> String {
        guard let zone = TimeZone(identifier: report.timeZone), let date = FlowTime.parse(report.now, in: zone) else {
            return "\(report.now), \(report.timeZone)"
        }
        return FlowTime.text(date, in: zone, language: language)
    }
}
