/// A Markdown body parsed into a small, renderer-friendly tree.
///
/// The tree is a plain value: no C pointers survive parsing. Raw HTML is kept
/// only as a marker (``MarkdownBlock/html(_:)`` and ``MarkdownInline/html(_:)``)
/// so the checker can warn about it; every renderer skips it.
public struct MarkdownDocument: Sendable, Hashable {
    /// The top-level blocks, in order.
    public var blocks: [MarkdownBlock]
    /// Every link and image destination, with its position in the parsed text.
    public var links: [MarkdownLink]
    /// Positions of raw HTML (blocks and inline), which is never rendered.
    public var rawHTML: [SourcePosition]

    public init(blocks: [MarkdownBlock], links: [MarkdownLink] = [], rawHTML: [SourcePosition] = []) {
        self.blocks = blocks
        self.links = links
        self.rawHTML = rawHTML
    }

    /// The ids of every heading, as used for `#anchor` links.
    public var headingAnchors: Set<String> {
        var anchors: Set<String> = []
        for block in blocks.flattened() {
            if case let .heading(_, _, anchor) = block { anchors.insert(anchor) }
        }
        return anchors
    }

    /// The text of the document without any markup: what search indexes. The blocks'
    /// texts that are not empty, one per line, appended to one string.
    public var plainText: String {
        var result = "", text = ""
        for block in blocks {
            text.removeAll(keepingCapacity: true)
            block.appendPlainText(to: &text)
            guard !text.isEmpty else { continue }
            if !result.isEmpty { result += "\n" }
            result += text
        }
        return result
    }
}

/// A line and column (both from 1) in parsed text.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A link or image destination found in a document.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var position: SourcePosition
    public init(destination: String, position: SourcePosition) {
        self.destination = destination
        self.position = position
    }
}

/// A block of a Markdown document.
public indirect enum MarkdownBlock: Sendable, Hashable {
    /// A heading with its level (1–6), its content and a unique anchor id.
    case heading(level: Int, content: [MarkdownInline], anchor: String)
    case paragraph([MarkdownInline])
    /// A list; `start` is the first number of an ordered list, `nil` for bullets.
    case list(start: Int?, isTight: Bool, items: [[MarkdownBlock]])
    case blockQuote([MarkdownBlock])
    case codeBlock(language: String, code: String)
    /// A table: the header cells, the body rows, and each column's alignment.
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]], alignments: [TableAlignment])
    case thematicBreak
    /// Raw HTML, never rendered.
    case html(String)

    /// The block's text without markup.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    /// Appends ``plainText`` to `result`, without the intermediate strings.
    func appendPlainText(to result: inout String) {
        switch self {
        case let .heading(_, content, _), let .paragraph(content):
            content.appendPlainText(to: &result)
        case let .list(_, _, items):
            for (i, item) in items.enumerated() {
                if i > 0 { result += "\n" }
                for (k, block) in item.enumerated() {
                    if k > 0 { result += "\n" }
                    block.appendPlainText(to: &result)
                }
            }
        case let .blockQuote(blocks):
            for (k, block) in blocks.enumerated() {
                if k > 0 { result += "\n" }
                block.appendPlainText(to: &result)
            }
        case let .codeBlock(_, code):
            result += code
        case let .table(header, rows, _):
            for (i, line) in ([header] + rows).enumerated() {
                if i > 0 { result += "\n" }
                for (k, cell) in line.enumerated() {
                    if k > 0 { result += " " }
                    cell.appendPlainText(to: &result)
                }
            }
        case .thematicBreak, .html:
            break
        }
    }
}

/// How a table column is aligned.
public enum TableAlignment: String, Sendable, Hashable {
    case none, left, center, right
}

/// An inline element of a Markdown block.
public indirect enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(destination: String, title: String, content: [MarkdownInline])
    case image(source: String, alt: String)
    case softBreak
    case lineBreak
    /// Raw inline HTML, never rendered.
    case html(String)
}

extension Array where Element == MarkdownInline {
    /// The inlines' text without markup; breaks become spaces.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    /// Appends ``plainText`` to `result`.
    func appendPlainText(to result: inout String) {
        for inline in self {
            switch inline {
            case let .text(text), let .code(text):
                result += text
            case let .emphasis(children), let .strong(children), let .strikethrough(children):
                children.appendPlainText(to: &result)
            case let .link(_, _, content):
                content.appendPlainText(to: &result)
            case let .image(_, alt):
                result += alt
            case .softBreak, .lineBreak:
                result += " "
            case .html:
                break
            }
        }
    }
}

extension Array where Element == MarkdownBlock {
    /// Every block, depth first, the nested ones included.
    public func flattened() -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var stack = Array(reversed())
        while let block = stack.popLast() {
            result.append(block)
            switch block {
            case let .list(_, _, items):
                stack.append(contentsOf: items.joined().reversed())
            case let .blockQuote(children):
                stack.append(contentsOf: children.reversed())
            default:
                break
            }
        }
        return result
    }
}
