/// Renders an answer as plain text or as Markdown for pasting: plain text has
/// numbered steps, links as "text: URL", no Markdown markers and no hard wraps.
public struct AnswerTextRenderer: Sendable {
    /// The help site's address; when set, links to articles and codes become absolute.
    public var baseURL: String?

    public init(baseURL: String? = nil) {
        self.baseURL = baseURL.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Plain text: paragraphs separated by blank lines, one line per list item.
    public func plainText(_ answer: Answer) -> String {
        answer.document.blocks.compactMap { block($0, indent: "", markdown: false) }.joined(separator: "\n\n")
    }

    /// Markdown for chat tools: the same structure, links absolute or dropped to their text.
    public func markdown(_ answer: Answer) -> String {
        answer.document.blocks.compactMap { block($0, indent: "", markdown: true) }.joined(separator: "\n\n")
    }

    private func block(_ block: MarkdownBlock, indent: String, markdown: Bool) -> String? {
        switch block {
        case let .heading(level, content, _):
            let text = inlines(content, markdown: markdown, atLineStart: false)
            return indent + (markdown ? String(repeating: "#", count: level) + " " + text : text)
        case let .paragraph(content):
            return indent + inlines(content, markdown: markdown, atLineStart: true).replacingLineBreaks(with: "\n" + indent)
        case let .list(start, isTight, items):
            return items.enumerated().map { offset, item in
                let marker = start.map { "\($0 + offset). " } ?? (markdown ? "- " : "• ")
                let inner = indent + String(repeating: " ", count: marker.count)
                let parts = item.compactMap { self.block($0, indent: inner, markdown: markdown) }
                let joined = parts.joined(separator: isTight ? "\n" : "\n\n")
                return indent + marker + joined.dropFirst(inner.count)
            }.joined(separator: isTight ? "\n" : "\n\n")
        case let .blockQuote(children):
            return children.compactMap { self.block($0, indent: indent + "> ", markdown: markdown) }.joined(separator: "\n")
        case let .codeBlock(_, code):
            if markdown { return indent + "```\n" + code + "\n" + indent + "```" }
            return code.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "    " + $0 }.joined(separator: "\n")
        case let .table(header, rows, _):
            return ([header] + rows).map { row in
                indent + row.map { inlines($0, markdown: markdown, atLineStart: false) }.joined(separator: markdown ? " | " : " — ")
            }.joined(separator: "\n")
        case .thematicBreak:
            return indent + (markdown ? "---" : "")
        case .html:
            return nil
        }
    }

    /// The inlines as text; in Markdown, their literal text escaped (a ticket variable
    /// in it stays text: ``MarkdownEscaping``).
    ///
    /// - Parameter atLineStart: whether the first inline starts a line of the output.
    private func inlines(_ inlines: [MarkdownInline], markdown: Bool, atLineStart: Bool = false) -> String {
        var text = ""
        var lineStart = atLineStart
        for inline in inlines {
            switch inline {
            case let .text(value):
                text += markdown ? MarkdownEscaping.text(value, atLineStart: lineStart) : value
            case let .code(value):
                text += markdown ? "`\(value)`" : value
            case let .emphasis(children):
                text += markdown ? "_\(self.inlines(children, markdown: true))_" : self.inlines(children, markdown: false)
            case let .strong(children):
                text += markdown ? "**\(self.inlines(children, markdown: true))**" : self.inlines(children, markdown: false)
            case let .strikethrough(children):
                text += markdown ? "~~\(self.inlines(children, markdown: true))~~" : self.inlines(children, markdown: false)
            case let .link(destination, _, content):
                text += link(self.inlines(content, markdown: markdown), destination, markdown: markdown)
            case let .image(_, alt):
                text += markdown ? MarkdownEscaping.text(alt, atLineStart: lineStart) : alt
            case .softBreak, .lineBreak:
                text += "\u{2028}"
                lineStart = true
                continue
            case .html:
                continue
            }
            lineStart = false
        }
        return text
    }

    /// `text: URL` in plain text, `[text](URL)` in Markdown; a link to the help site
    /// without a base URL keeps only its text.
    private func link(_ text: String, _ destination: String, markdown: Bool) -> String {
        var url: String? = destination
        if let path = SiteLayout.path(forContentLink: destination) {
            url = baseURL.map { SiteLayout.absolute(path, baseURL: $0) }
        } else if destination.hasPrefix("#") {
            url = nil
        }
        guard let url else { return text }
        let shown = url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url
        if markdown { return text == shown ? "<\(url)>" : "[\(text)](\(url))" }
        return text == shown ? shown : "\(text): \(shown)"
    }
}

extension String {
    /// Line breaks inside a paragraph (kept as U+2028 while rendering) become `separator`.
    fileprivate func replacingLineBreaks(with separator: String) -> String {
        split(separator: "\u{2028}", omittingEmptySubsequences: false).joined(separator: separator)
    }
}
