internal import CCmarkGFM
import Synchronization

/// Parses GitHub-flavoured Markdown (tables, autolinks, strikethrough) with
/// cmark-gfm into a ``MarkdownDocument``. All C pointers stay in this file.
public enum MarkdownParser {
    /// Blocks and inlines nested deeper than this are flattened to their text,
    /// so hostile input cannot exhaust the stack of any renderer.
    public static let maximumNesting = 32

    /// Parses `text`; never fails (Markdown has no syntax errors).
    public static func parse(_ text: String) -> MarkdownDocument {
        _ = registerExtensions
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return MarkdownDocument(blocks: []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        // cmark reads bytes; a NUL would end a C string, so it is replaced first.
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == 0 { bytes[index] = 0x20 }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // Inlines are parsed in `finish`, with the extensions' special characters added to
        // a table cmark-gfm keeps for the whole process and taken out again at its end: two
        // parsers finishing at once would read each other's half-made table (links lost or
        // cut short). Blocks (`feed`) and the conversion below run on every thread at once.
        let finished = inlinePhase.withLock { _ in cmark_parser_finish(parser).map(SendablePointer.init) }
        guard let root = finished?.pointer else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var converter = Converter()
        let blocks = converter.blocks(under: root, depth: 0)
        return MarkdownDocument(blocks: blocks, links: converter.links, rawHTML: converter.rawHTML)
    }
}

private let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

/// Held while cmark-gfm parses inlines: one parser at a time (see ``MarkdownParser/parse(_:)``).
private let inlinePhase = Mutex(())

/// A tree's root handed out of the lock; the tree is this parse's own.
private struct SendablePointer: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Walks the cmark tree once, building Swift values and collecting links.
private struct Converter {
    var links: [MarkdownLink] = []
    var rawHTML: [SourcePosition] = []
    var anchors = AnchorGenerator()

    mutating func blocks(under parent: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, depth: depth) { result.append(block) }
            child = cmark_node_next(node)
        }
        return result
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        if depth >= MarkdownParser.maximumNesting {
            let text = flatText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node, depth: depth + 1))
        case CMARK_NODE_HEADING:
            let content = inlines(under: node, depth: depth + 1)
            let level = Int(cmark_node_get_heading_level(node))
            return .heading(level: level, content: content, anchor: anchors.anchor(for: content.plainText))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            var items: [[MarkdownBlock]] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                items.append(blocks(under: current, depth: depth + 1))
                item = cmark_node_next(current)
            }
            return .list(
                start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                isTight: cmark_node_get_list_tight(node) != 0,
                items: items
            )
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node, depth: depth + 1))
        case CMARK_NODE_CODE_BLOCK:
            var code = string(cmark_node_get_literal(node))
            if code.hasSuffix("\n") { code.removeLast() }
            return .codeBlock(language: string(cmark_node_get_fence_info(node)), code: code)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            rawHTML.append(position(of: node))
            return .html(string(cmark_node_get_literal(node)))
        default:
            if typeName(node) == "table" { return table(node, depth: depth) }
            let text = flatText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    mutating func table(_ node: OpaquePointer, depth: Int) -> MarkdownBlock {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments = [TableAlignment](repeating: .none, count: columns)
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for column in 0..<columns {
                switch raw[column] {
                case UInt8(ascii: "l"): alignments[column] = .left
                case UInt8(ascii: "c"): alignments[column] = .center
                case UInt8(ascii: "r"): alignments[column] = .right
                default: break
                }
            }
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        var row = cmark_node_first_child(node)
        while let currentRow = row {
            var cells: [[MarkdownInline]] = []
            var cell = cmark_node_first_child(currentRow)
            while let currentCell = cell {
                cells.append(inlines(under: currentCell, depth: depth + 2))
                cell = cmark_node_next(currentCell)
            }
            if typeName(currentRow) == "table_header" { header = cells } else { rows.append(cells) }
            row = cmark_node_next(currentRow)
        }
        return .table(header: header, rows: rows, alignments: alignments)
    }

    mutating func inlines(under parent: OpaquePointer, depth: Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let inline = inline(node, depth: depth) {
                // Adjacent text runs are merged so renderers see whole words.
                if case let .text(next) = inline, case let .text(previous)? = result.last {
                    result[result.count - 1] = .text(previous + next)
                } else {
                    result.append(inline)
                }
            }
            child = cmark_node_next(node)
        }
        return result
    }

    mutating func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
        if depth >= MarkdownParser.maximumNesting {
            let text = flatText(node)
            return text.isEmpty ? nil : .text(text)
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CODE:
            return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK:
            return .softBreak
        case CMARK_NODE_LINEBREAK:
            return .lineBreak
        case CMARK_NODE_EMPH:
            return .emphasis(inlines(under: node, depth: depth + 1))
        case CMARK_NODE_STRONG:
            return .strong(inlines(under: node, depth: depth + 1))
        case CMARK_NODE_LINK:
            let destination = string(cmark_node_get_url(node))
            links.append(MarkdownLink(destination: destination, position: position(of: node)))
            return .link(
                destination: destination,
                title: string(cmark_node_get_title(node)),
                content: inlines(under: node, depth: depth + 1)
            )
        case CMARK_NODE_IMAGE:
            let source = string(cmark_node_get_url(node))
            links.append(MarkdownLink(destination: source, position: position(of: node)))
            return .image(source: source, alt: flatText(node))
        case CMARK_NODE_HTML_INLINE:
            rawHTML.append(position(of: node))
            return .html(string(cmark_node_get_literal(node)))
        default:
            if typeName(node) == "strikethrough" {
                return .strikethrough(inlines(under: node, depth: depth + 1))
            }
            let text = flatText(node)
            return text.isEmpty ? nil : .text(text)
        }
    }

    /// The literal text below `node`, walked iteratively (safe at any depth).
    /// Raw HTML below it is recorded and dropped.
    mutating func flatText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                rawHTML.append(position(of: current))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !text.isEmpty, !text.hasSuffix(" ") { text += " " }
            default:
                break
            }
        }
        return text.trimmingSpaces()
    }

    func position(of node: OpaquePointer) -> SourcePosition {
        SourcePosition(
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node))
        )
    }

    func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

extension String {
    /// The string without leading and trailing spaces and newlines.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
