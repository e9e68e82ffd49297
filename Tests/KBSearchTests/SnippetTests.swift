import Testing
import KBSearch

@Suite struct SnippetTests {
    static let filler = Array(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", count: 30)
        .joined(separator: " ")
    static let index = plainIndex([
        "\(filler) Whitelisting an IP address:\n  open the   settings and add it to the whitelist. \(filler)",
        "Short body about refunds.",
        "",
    ], titles: ["Long", "Refunds", "Only a title about refunds"])

    @Test func bestWindowHoldsTheMatches() {
        let snippet = Self.index.search("whitelist settings").hits[0].snippet
        #expect(snippet.text.contains("open the settings and add it to the whitelist"))
        #expect(snippet.text.hasPrefix("… "))
        #expect(snippet.text.hasSuffix(" …"))
        #expect(snippet.text.count <= 160 + 12)
        #expect(!snippet.text.contains("\n"))
        let highlighted = snippet.segments.filter(\.isHighlighted).map(\.text)
        #expect(highlighted == ["Whitelisting", "settings", "whitelist"])
    }

    @Test func highlightRangesPointAtTheHighlightedText() {
        let snippet = Self.index.search("whitelist").hits[0].snippet
        let characters = Array(snippet.text)
        let words = snippet.highlightRanges.map { String(characters[$0]) }
        #expect(words == snippet.segments.filter(\.isHighlighted).map(\.text))
        #expect(words.contains("whitelist"))
    }

    @Test func fuzzyAndPrefixMatchesAreHighlighted() {
        let fuzzy = Self.index.search("whitelsit").hits[0].snippet
        #expect(fuzzy.segments.filter(\.isHighlighted).map(\.text) == ["whitelist"])
        let prefix = Self.index.search("settin").hits[0].snippet
        #expect(prefix.segments.filter(\.isHighlighted).map(\.text) == ["settings"])
    }

    @Test func shortBodyIsShownWhole() {
        let snippet = Self.index.search("refund").hits.first { $0.id == "d1" }!.snippet
        #expect(snippet.text == "Short body about refunds.")
        #expect(snippet.segments.map(\.isHighlighted) == [false, true, false])
    }

    @Test func emptySnippetFieldFallsBackToAnotherField() {
        let snippet = Self.index.search("refund").hits.first { $0.id == "d2" }!.snippet
        #expect(snippet.text == "Only a title about refunds")
    }

    @Test func snippetsCanBeSkipped() {
        let hit = Self.index.search("refund", options: SearchOptions(snippets: false)).hits[0]
        #expect(hit.snippet.segments.isEmpty)
    }

    @Test func emailMatchIsHighlightedWhole() {
        let snippet = HelpCenter.index.search("support@midtrans.com").hits[0].snippet
        #expect(snippet.segments.filter(\.isHighlighted).map(\.text) == ["support@midtrans.com"])
    }
}
