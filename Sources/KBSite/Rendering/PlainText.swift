import KBContent

/// The text of Markdown blocks and inlines without markup, found with an explicit
/// stack, so any depth is safe. Raw HTML contributes nothing.
enum PlainText {
    private enum Item {
        case block(MarkdownBlock)
        case inline(MarkdownInline)
        case separator
    }

    static func of(_ block: MarkdownBlock) -> String {
        collect([.block(block)])
    }

    static func of(_ inlines: [MarkdownInline]) -> String {
        collect(inlines.map(Item.inline))
    }

    /// Depth first, left to right; blocks are separated by a space.
    private static func collect(_ roots: [Item]) -> String {
        var text = ""
        var stack = Array(roots.reversed())
        func push(_ items: [Item]) { stack.append(contentsOf: items.reversed()) }
        while let item = stack.popLast() {
            switch item {
            case .separator:
                if !text.isEmpty, text.last != " " { text += " " }
            case let .inline(inline):
                switch inline {
                case let .text(value), let .code(value):
                    text += value
                case let .emphasis(children), let .strong(children), let .strikethrough(children),
                     let .link(_, _, children):
                    push(children.map(Item.inline))
                case let .image(_, alt):
                    text += alt
                case .softBreak, .lineBreak:
                    text += " "
                case .html:
                    break
                }
            case let .block(block):
                switch block {
                case let .heading(_, content, _), let .paragraph(content):
                    push([.separator] + content.map(Item.inline) + [.separator])
                case let .list(_, _, items):
                    push(items.joined().map(Item.block))
                case let .blockQuote(children):
                    push(children.map(Item.block))
                case let .codeBlock(_, code):
                    push([.separator, .inline(.text(code)), .separator])
                case let .table(header, rows, _):
                    let cells = ([header] + rows).joined()
                    push(cells.flatMap { [.separator] + $0.map(Item.inline) })
                case .thematicBreak, .html:
                    break
                }
            }
        }
        return trimmed(text)
    }

    /// `text` without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) }) ?? first
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }
}
