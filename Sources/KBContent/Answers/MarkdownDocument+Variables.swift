extension MarkdownDocument {
    /// The document with every autolink found inside a ticket variable's value turned
    /// back into its text.
    ///
    /// Escaping a variable (``MarkdownEscaping/source(_:)``) keeps `www.` and `https://`
    /// from becoming links, but cmark-gfm finds e-mail addresses after parsing, in the
    /// text as a whole: `var.user.email=x@evil.example` would still be a `mailto:` link.
    /// A variable is plain text, so such a link, whose text is part of a value, is undone.
    func unlinkingAutolinks(inside values: [String]) -> MarkdownDocument {
        guard values.contains(where: { $0.contains("@") || $0.contains(".") }) else { return self }
        var copy = self
        copy.blocks = blocks.map { $0.unlinkingAutolinks(inside: values) }
        return copy
    }
}

extension MarkdownBlock {
    fileprivate func unlinkingAutolinks(inside values: [String]) -> MarkdownBlock {
        switch self {
        case let .heading(level, content, anchor):
            return .heading(level: level, content: content.unlinkingAutolinks(inside: values), anchor: anchor)
        case let .paragraph(content):
            return .paragraph(content.unlinkingAutolinks(inside: values))
        case let .list(start, isTight, items):
            return .list(start: start, isTight: isTight, items: items.map { $0.map { $0.unlinkingAutolinks(inside: values) } })
        case let .blockQuote(children):
            return .blockQuote(children.map { $0.unlinkingAutolinks(inside: values) })
        case let .table(header, rows, alignments):
            return .table(
                header: header.map { $0.unlinkingAutolinks(inside: values) },
                rows: rows.map { $0.map { $0.unlinkingAutolinks(inside: values) } },
                alignments: alignments
            )
        case .codeBlock, .thematicBreak, .html:
            return self
        }
    }
}

extension [MarkdownInline] {
    fileprivate func unlinkingAutolinks(inside values: [String]) -> [MarkdownInline] {
        flatMap { inline -> [MarkdownInline] in
            switch inline {
            case let .link(destination, title, content):
                if case let .text(text)? = content.first, content.count == 1,
                   [text, "mailto:" + text, "http://" + text, "https://" + text].contains(destination),
                   values.contains(where: { $0.contains(text) }) {
                    return [.text(text)]
                }
                return [.link(destination: destination, title: title, content: content.unlinkingAutolinks(inside: values))]
            case let .emphasis(children):
                return [.emphasis(children.unlinkingAutolinks(inside: values))]
            case let .strong(children):
                return [.strong(children.unlinkingAutolinks(inside: values))]
            case let .strikethrough(children):
                return [.strikethrough(children.unlinkingAutolinks(inside: values))]
            case .text, .code, .image, .softBreak, .lineBreak, .html:
                return [inline]
            }
        }
    }
}
