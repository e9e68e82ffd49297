import Foundation
public import KBContent

/// Renders Markdown and content for a terminal: headings, lists, tables and
/// links as readable text, styled only when ``TextStyle/usesColor`` is on.
public struct TerminalRenderer: Sendable {
    public var style: TextStyle
    /// The widest a line may be.
    public var width: Int

    public init(style: TextStyle, width: Int = 80) {
        self.style = style
        self.width = max(width, 30)
    }

    /// The article: title, summary, body, and where to go next.
    public func render(_ article: Article, in content: Content) -> String {
        var parts: [String] = []
        parts.append(style.bold(article.title))
        let category = content.category(article.category)?.title ?? article.category
        let updated = article.language == .indonesian ? "diperbarui" : "updated"
        parts.append(style.dim("\(category) · \(updated) \(article.updated) · \(article.slug)"))
        parts.append(TextWrapper.wrap(style.dim(article.summary), width: width))
        parts.append(render(article.document))
        let related = article.related.compactMap { content.article($0) }
        if !related.isEmpty {
            let lines = related.map { "  • \($0.title) " + style.dim("(kb show \($0.slug))") }
            parts.append(style.bold(article.language == .indonesian ? "Artikel terkait" : "Related") + "\n" + lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A response code: what it means, what to do, what to tell the customer.
    public func render(_ code: ResponseCode) -> String {
        let labels = CodeLabels(code.language)
        let rows: [(String, String)] = [
            (labels.meaning, code.meaning),
            (labels.responseClass, labels.className(code.responseClass)),
            (labels.retry, labels.retryAdvice(code.retry)),
            (labels.merchant, code.merchantAction),
            (labels.customer, code.customerMessage),
        ] + (code.aliases.isEmpty ? [] : [(labels.aliases, code.aliases.joined(separator: ", "))])
        var lines = [style.bold("\(code.code) — \(code.name)")]
        for (label, value) in rows {
            let head = style.bold(label.padding(toLength: 12, withPad: " ", startingAt: 0))
            lines.append(TextWrapper.wrap(value, width: width, firstIndent: head, indent: String(repeating: " ", count: 12)))
        }
        return lines.joined(separator: "\n")
    }

    /// A Markdown document as terminal text.
    public func render(_ document: MarkdownDocument) -> String {
        blocks(document.blocks, indent: "").joined(separator: "\n\n")
    }

    private func blocks(_ blocks: [MarkdownBlock], indent: String) -> [String] {
        blocks.compactMap { block(in: $0, indent: indent) }
    }

    private func block(in block: MarkdownBlock, indent: String) -> String? {
        switch block {
        case let .heading(level, content, _):
            let text = inlines(content)
            return indent + (level <= 2 ? style.bold(style.underline(text)) : style.bold(text))
        case let .paragraph(content):
            return TextWrapper.wrap(inlines(content), width: width, firstIndent: indent, indent: indent)
        case let .list(start, isTight, items):
            var rendered: [String] = []
            for (offset, item) in items.enumerated() {
                let marker = start.map { "\($0 + offset). " } ?? "• "
                let inner = indent + String(repeating: " ", count: marker.count)
                var itemBlocks = blocks(item, indent: inner)
                if let first = itemBlocks.first {
                    itemBlocks[0] = indent + marker + first.dropFirst(inner.count)
                }
                rendered.append(itemBlocks.joined(separator: isTight ? "\n" : "\n\n"))
            }
            return rendered.joined(separator: isTight ? "\n" : "\n\n")
        case let .blockQuote(children):
            return blocks(children, indent: indent + "│ ").joined(separator: "\n" + indent + "│\n")
        case let .codeBlock(_, code):
            return code.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + "    " + style.cyan(String($0)) }.joined(separator: "\n")
        case let .table(header, rows, _):
            return table(header: header.map(inlines), rows: rows.map { $0.map(inlines) }, indent: indent)
        case .thematicBreak:
            return indent + style.dim(String(repeating: "─", count: min(width, 40)))
        case .html:
            return nil
        }
    }

    /// Columns padded to line up; rows that would not fit become "header: value" lines.
    private func table(header: [String], rows: [[String]], indent: String) -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
        var widths = (0..<columns).map { column in
            ([header] + rows).map { TextWrapper.visibleWidth(cell($0, column)) }.max() ?? 0
        }
        let total = widths.reduce(0, +) + 2 * max(columns - 1, 0) + indent.count
        if total > width {
            return rows.map { row in
                (0..<columns).map { column in
                    let label = cell(header, column)
                    return TextWrapper.wrap(
                        (label.isEmpty ? "" : style.bold(label + ":") + " ") + cell(row, column),
                        width: width, firstIndent: indent, indent: indent + "  "
                    )
                }.joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
        widths = widths.map { max($0, 1) }
        func line(_ row: [String], bold: Bool) -> String {
            let cells = (0..<columns).map { column -> String in
                let text = cell(row, column)
                let padding = String(repeating: " ", count: widths[column] - TextWrapper.visibleWidth(text))
                return (bold ? style.bold(text) : text) + padding
            }
            return indent + cells.joined(separator: "  ")
        }
        let rule = indent + style.dim(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        return ([line(header, bold: true), rule] + rows.map { line($0, bold: false) }).joined(separator: "\n")
    }

    private func inlines(_ inlines: [MarkdownInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case let .text(value):
                text += value
            case let .code(value):
                text += style.cyan(value)
            case let .emphasis(children):
                text += style.underline(self.inlines(children))
            case let .strong(children):
                text += style.bold(self.inlines(children))
            case let .strikethrough(children):
                text += style.dim(self.inlines(children))
            case let .link(destination, _, content):
                text += link(self.inlines(content), destination)
            case let .image(_, alt):
                text += alt
            case .softBreak, .lineBreak:
                text += " "
            case .html:
                break
            }
        }
        return text
    }

    /// Link text followed by where it leads, in terms a terminal user can act on.
    private func link(_ text: String, _ destination: String) -> String {
        if destination.hasPrefix("code:") {
            return text + " " + style.dim("(kb code \(destination.dropFirst(5)))")
        }
        if destination.hasPrefix("mailto:") {
            let address = String(destination.dropFirst(7))
            return text == address ? text : text + " " + style.dim("(\(address))")
        }
        if destination.hasPrefix("http://") || destination.hasPrefix("https://") {
            return text == destination ? text : text + " " + style.dim("(\(destination))")
        }
        if destination.hasPrefix("#") { return text }
        let file = destination.split(separator: "#").first.map(String.init) ?? destination
        let slug = file.split(separator: "/").last.map { String($0.dropLast(file.hasSuffix(".md") ? 3 : 0)) } ?? file
        return text + " " + style.dim("(kb show \(slug))")
    }
}

/// The labels of a response code's terminal card, in the code's language.
struct CodeLabels {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    private var indonesian: Bool { language == .indonesian }
    var meaning: String { indonesian ? "Arti" : "Meaning" }
    var responseClass: String { indonesian ? "Jenis" : "Class" }
    var retry: String { indonesian ? "Coba ulang" : "Retry" }
    var merchant: String { "Merchant" }
    var customer: String { indonesian ? "Pelanggan" : "Customer" }
    var aliases: String { indonesian ? "Juga dicari" : "Also typed" }

    func className(_ value: ResponseClass) -> String {
        guard indonesian else { return value.label }
        switch value {
        case .approved: return "disetujui"
        case .softDecline: return "penolakan sementara (soft decline)"
        case .hardDecline: return "penolakan tetap (hard decline)"
        case .fraud: return "indikasi fraud"
        case .technical: return "kendala teknis"
        case .referral: return "perlu menghubungi bank (referral)"
        }
    }

    func retryAdvice(_ value: RetryAdvice) -> String {
        switch (value, indonesian) {
        case (.yes, false): return "yes, once the details are fixed or the customer has authenticated"
        case (.later, false): return "later, after a pause"
        case (.no, false): return "no, not with the same card"
        case (.yes, true): return "ya, setelah data diperbaiki atau pelanggan menyelesaikan autentikasi"
        case (.later, true): return "nanti, setelah jeda"
        case (.no, true): return "tidak, jangan dengan kartu yang sama"
        }
    }
}
