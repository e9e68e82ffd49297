import Testing
import KBContent
import KBTerminal

@Suite("Terminal rendering")
struct TerminalRendererTests {
    let plain = TerminalRenderer(style: .plain, width: 40)

    @Test("links become text a terminal user can act on")
    func links() {
        let document = MarkdownParser.parse("See [unlock](unlock-account.md#why), [code 51](code:51), [docs](https://x.io) and [mail](mailto:a@b.c).")
        #expect(plain.render(document) == "See unlock (kb show unlock-account),\ncode 51 (kb code 51), docs\n(https://x.io) and mail (a@b.c).")
    }

    @Test("lists are numbered and wrapped under their marker")
    func lists() {
        let document = MarkdownParser.parse("1. First step that is long enough to wrap around\n2. Second")
        #expect(plain.render(document) == "1. First step that is long enough to\n   wrap around\n2. Second")
    }

    @Test("narrow tables are aligned; wide ones become label lines")
    func tables() {
        let narrow = MarkdownParser.parse("| a | bb |\n|---|---|\n| 1 | 2 |")
        #expect(plain.render(narrow) == "a  bb\n─  ──\n1  2 ")
        let wide = MarkdownParser.parse("| Status | Meaning |\n|---|---|\n| pending | Waiting for the customer to finish paying |")
        #expect(plain.render(wide) == "Status: pending\nMeaning: Waiting for the customer to\n  finish paying")
    }

    @Test("colour only when asked, and escape codes do not count as width")
    func styles() {
        let colored = TerminalRenderer(style: TextStyle(usesColor: true), width: 40)
        let output = colored.render(MarkdownParser.parse("## Title\n\n**bold** text"))
        #expect(output.contains("\u{1B}[1m"))
        #expect(!plain.render(MarkdownParser.parse("## Title\n\n**bold** text")).contains("\u{1B}"))
        #expect(TextWrapper.visibleWidth("\u{1B}[1mab\u{1B}[0m") == 2)
    }
}
