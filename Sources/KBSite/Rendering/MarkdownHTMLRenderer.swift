import KBContent

/// Writes a parsed Markdown body into a page, node by node: headings with ids that link
/// to themselves, paragraphs, lists, tables, code, quotes, links, emphasis and
/// strikethrough. Raw HTML is skipped; links go through a ``LinkResolver``.
///
/// Heading levels are renumbered so that a body starts at `<h2>` (the page's title is
/// its only `<h1>`) and never skips a level. The walk is recursive but bounded: below
/// ``maximumDepth`` a block or inline is written as its plain text.
struct MarkdownHTMLRenderer {
    /// Nesting deeper than this is written as text. The parser already flattens below
    /// ``MarkdownParser/maximumNesting``; this guards trees built in code.
    static let maximumDepth = 64

    let links: LinkResolver
    /// Whether a line break inside a paragraph is kept as `<br>`, as in an answer's
    /// sign-off ("Best regards," / name), rather than joined with a space as on a page.
    var keepsLineBreaks = false

    init(links: LinkResolver, keepsLineBreaks: Bool = false) {
        self.links = links
        self.keepsLineBreaks = keepsLineBreaks
    }

    /// Appends the document's blocks to `parent`.
    func render(_ document: MarkdownDocument, into parent: MarkupElement) {
        var outline = HeadingOutline()
        blocks(document.blocks, into: parent, outline: &outline, depth: 0, isTight: false)
    }

    private func blocks(
        _ blocks: [MarkdownBlock], into parent: MarkupElement, outline: inout HeadingOutline, depth: Int, isTight: Bool
    ) {
        for block in blocks {
            self.block(block, into: parent, outline: &outline, depth: depth, isTight: isTight)
        }
    }

    private func block(
        _ block: MarkdownBlock, into parent: MarkupElement, outline: inout HeadingOutline, depth: Int, isTight: Bool
    ) {
        guard depth < Self.maximumDepth else {
            let text = PlainText.of(block)
            if !text.isEmpty { parent.element("p", text: text) }
            return
        }
        switch block {
        case let .heading(level, content, anchor):
            heading(level: outline.level(for: level), content: content, anchor: anchor, into: parent, depth: depth)
        case let .paragraph(content):
            // In a tight list item a paragraph is written without <p>, as cmark does.
            inlines(content, into: isTight ? parent : parent.element("p"), depth: depth + 1)
        case let .list(start, tight, items):
            let list: MarkupElement
            if let start {
                list = parent.element("ol")
                if start != 1 { list.setAttribute("start", String(start)) }
            } else {
                list = parent.element("ul")
            }
            for item in items {
                blocks(item, into: list.element("li"), outline: &outline, depth: depth + 1, isTight: tight)
            }
        case let .blockQuote(children):
            blocks(children, into: parent.element("blockquote"), outline: &outline, depth: depth + 1, isTight: false)
        case let .codeBlock(language, code):
            let codeElement = parent.element("pre").element("code")
            if let name = Self.languageClass(language) { codeElement.setAttribute("class", name) }
            codeElement.text(code)
        case let .table(header, rows, alignments):
            table(header: header, rows: rows, alignments: alignments, into: parent, depth: depth)
        case .thematicBreak:
            parent.element("hr")
        case .html:
            break
        }
    }

    /// `<hN id="anchor"><a href="#anchor">…</a></hN>`: the heading's text is the link to
    /// its own section, so the link's name is the heading's name. A heading that holds a
    /// link itself only gets the id (links cannot nest).
    private func heading(level: Int, content: [MarkdownInline], anchor: String, into parent: MarkupElement, depth: Int) {
        let element: MarkupElement
        switch level {
        case 2: element = parent.element("h2")
        case 3: element = parent.element("h3")
        case 4: element = parent.element("h4")
        case 5: element = parent.element("h5")
        default: element = parent.element("h6")
        }
        element.setAttribute("id", anchor)
        if Self.containsLink(content) {
            inlines(content, into: element, depth: depth + 1)
        } else {
            inlines(content, into: element.element("a", ["href": "#" + anchor]), depth: depth + 1)
        }
    }

    /// Whether any of the inlines, at any depth, is a link (found with a stack).
    static func containsLink(_ content: [MarkdownInline]) -> Bool {
        var stack = content
        while let inline = stack.popLast() {
            switch inline {
            case .link:
                return true
            case let .emphasis(children), let .strong(children), let .strikethrough(children):
                stack += children
            default:
                continue
            }
        }
        return false
    }

    private func table(
        header: [[MarkdownInline]], rows: [[[MarkdownInline]]], alignments: [TableAlignment],
        into parent: MarkupElement, depth: Int
    ) {
        let table = parent.element("div", ["class": "table-scroll"]).element("table")
        func cell(_ content: [MarkdownInline], isHeader: Bool, column: Int, in row: MarkupElement) {
            let element = isHeader ? row.element("th", ["scope": "col"]) : row.element("td")
            if column < alignments.count, alignments[column] != .none {
                element.setAttribute("class", "align-" + alignments[column].rawValue)
            }
            inlines(content, into: element, depth: depth + 2)
        }
        if !header.isEmpty {
            let row = table.element("thead").element("tr")
            for (column, content) in header.enumerated() { cell(content, isHeader: true, column: column, in: row) }
        }
        if !rows.isEmpty {
            let body = table.element("tbody")
            for cells in rows {
                let row = body.element("tr")
                for (column, content) in cells.enumerated() { cell(content, isHeader: false, column: column, in: row) }
            }
        }
    }

    private func inlines(_ inlines: [MarkdownInline], into parent: MarkupElement, depth: Int) {
        for inline in inlines {
            self.inline(inline, into: parent, depth: depth)
        }
    }

    private func inline(_ inline: MarkdownInline, into parent: MarkupElement, depth: Int) {
        guard depth < Self.maximumDepth else {
            parent.text(PlainText.of([inline]))
            return
        }
        switch inline {
        case let .text(text):
            parent.text(text)
        case let .code(text):
            parent.element("code", text: text)
        case let .emphasis(children):
            inlines(children, into: parent.element("em"), depth: depth + 1)
        case let .strong(children):
            inlines(children, into: parent.element("strong"), depth: depth + 1)
        case let .strikethrough(children):
            inlines(children, into: parent.element("del"), depth: depth + 1)
        case let .link(destination, title, content):
            guard let href = links.href(for: destination) else {
                // Not a place the site may link to: keep the words, drop the link.
                inlines(content, into: parent, depth: depth + 1)
                return
            }
            let link = parent.element("a", ["href": href])
            if !title.isEmpty { link.setAttribute("title", title) }
            inlines(content, into: link, depth: depth + 1)
        case let .image(_, alt):
            // Images would be requests to other sites or files the site lacks: show the description.
            if !alt.isEmpty { parent.element("span", ["class": "image-alt"], text: alt) }
        case .softBreak:
            if keepsLineBreaks {
                parent.element("br")
            } else {
                parent.text("\n")
            }
        case .lineBreak:
            parent.element("br")
        case .html:
            break
        }
    }

    /// `language-<name>` for a code fence's info string, or `nil` when it has no usable name.
    static func languageClass(_ info: String) -> String? {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        let name = word.unicodeScalars.filter { scalar in
            scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "+"
        }
        guard !name.isEmpty else { return nil }
        return "language-" + String(String.UnicodeScalarView(name)).lowercased()
    }
}

/// Renumbers a body's heading levels: the first becomes 2, and each deeper one is
/// at most one below the heading it sits under.
struct HeadingOutline {
    /// The source levels of the open headings, outermost first.
    private var open: [Int] = []

    mutating func level(for sourceLevel: Int) -> Int {
        while let last = open.last, last >= sourceLevel { open.removeLast() }
        open.append(sourceLevel)
        return min(1 + open.count, 6)
    }
}
