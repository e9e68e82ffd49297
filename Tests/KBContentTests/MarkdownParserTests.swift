import Testing
@testable import KBContent

@Suite("Markdown parsing")
struct MarkdownParserTests {
    @Test("headings get GitHub-style anchors, unique within a document")
    func anchors() {
        let document = MarkdownParser.parse("## What to do?\n\n## What to do?\n\n### It's *locked*")
        #expect(document.blocks == [
            .heading(level: 2, content: [.text("What to do?")], anchor: "what-to-do"),
            .heading(level: 2, content: [.text("What to do?")], anchor: "what-to-do-1"),
            .heading(level: 3, content: [.text("It's "), .emphasis([.text("locked")])], anchor: "its-locked"),
        ])
    }

    @Test("GFM tables, strikethrough and autolinks are on")
    func extensions() {
        let document = MarkdownParser.parse("| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n\nsee https://example.com")
        #expect(document.blocks.first == .table(
            header: [[.text("a")], [.text("b")]],
            rows: [[[.text("1")], [.strikethrough([.text("2")])]]],
            alignments: [.left, .right]
        ))
        #expect(document.links.map(\.destination) == ["https://example.com"])
    }

    @Test("parses on several threads at once are the one-thread parse (cmark-gfm keeps the extensions' special characters in one global table)")
    func concurrentParses() {
        let text = (0..<40).map { "Line \($0): open https://api.midtrans.com or www.midtrans.com, ~~old~~ `code` *new*, mail support@midtrans.com." }
            .joined(separator: "\n\n")
        let expected = MarkdownParser.parse(text)
        #expect(expected.links.count == 120)
        let differing = Parallel.map(400) { _ in MarkdownParser.parse(text) == expected ? 0 : 1 }.reduce(0, +)
        #expect(differing == 0, "\(differing) of 400 parallel parses differ")
    }

    @Test("lists keep their numbering and links their positions")
    func listsAndLinks() {
        let document = MarkdownParser.parse("Intro\n\n3. one\n4. [two](a.md)\n")
        guard case let .list(start, isTight, items)? = document.blocks.last else {
            Issue.record("no list")
            return
        }
        #expect(start == 3 && isTight && items.count == 2)
        #expect(document.links == [MarkdownLink(destination: "a.md", position: SourcePosition(line: 4, column: 4))])
    }

    @Test("raw HTML is recorded but kept out of the text")
    func rawHTML() {
        let document = MarkdownParser.parse("Hi <b onclick=\"x\">there</b>\n\n<script>alert(1)</script>\n")
        #expect(document.rawHTML.count == 3)
        #expect(document.plainText == "Hi there")
    }

    @Test("hostile nesting is flattened instead of exhausting the stack")
    func deepNesting() {
        let quotes = String(repeating: ">", count: 10_000) + " deep"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        let emphasis = String(repeating: "*a ", count: 5_000) + String(repeating: " a*", count: 5_000)
        for text in [quotes, lists, emphasis] {
            let document = MarkdownParser.parse(text)
            #expect(!document.plainText.isEmpty)
        }
        #expect(MarkdownParser.parse(quotes).plainText == "deep")
    }

    @Test("NUL and control characters do not end the text")
    func controlCharacters() {
        let document = MarkdownParser.parse("before\u{0}after \u{7}bell")
        #expect(document.plainText.hasPrefix("before"))
        #expect(document.plainText.contains("after"))
    }
}

@Suite("Plain text of Markdown")
struct PlainTextTests {
    static func joined(_ document: MarkdownDocument) -> String {
        document.blocks.map(\.plainTextByJoining).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    @Test("appended in one string, it is the text joined block by block, for every shipped article and edge cases")
    func appendedEqualsJoined() {
        let samples = [
            "", "# Title\n\nText *em* **strong** `code` [link](x.md) ![alt](i.png)\nsoft\\\nhard",
            "- a\n- b\n\n  second paragraph\n- \n\n1. one\n2. two", "> quote\n>\n> > nested\n\n---\n\n<div>html</div>\n\nafter",
            "| a | b |\n|---|---|\n| 1 | 2 |\n|  | 4 |", "```\ncode\n\n```\n\n    indented", "<!-- only html -->", "-\n\n>\n",
        ]
        let articles = ShippedContent.result.content.articles
        #expect(articles.count >= 20)
        for markdown in samples + articles.map(\.body) {
            let document = MarkdownParser.parse(markdown)
            #expect(document.plainText == Self.joined(document), "\(markdown.prefix(60).debugDescription)")
        }
    }
}

extension MarkdownBlock {
    /// The same text built the obvious way, to check ``appendPlainText(to:)`` against.
    var plainTextByJoining: String {
        switch self {
        case let .heading(_, content, _), let .paragraph(content):
            return content.plainText
        case let .list(_, _, items):
            return items.map { $0.map(\.plainTextByJoining).joined(separator: "\n") }.joined(separator: "\n")
        case let .blockQuote(blocks):
            return blocks.map(\.plainTextByJoining).joined(separator: "\n")
        case let .codeBlock(_, code):
            return code
        case let .table(header, rows, _):
            let lines = [header] + rows
            return lines.map { $0.map(\.plainText).joined(separator: " ") }.joined(separator: "\n")
        case .thematicBreak, .html:
            return ""
        }
    }
}
