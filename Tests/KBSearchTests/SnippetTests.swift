import Testing
@testable import KBSearch

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

    @Test("highlight ranges counted segment by segment equal a full recount, combining marks and CR LF included")
    func highlightRangesMatchARecount() {
        var rng = SplitMix(state: 51)
        let edges = ["\u{301}", "\r", "\n", "\u{200D}", "🇺", "🇸", "👩", "e", " ", "\u{FE0F}", "ᄀ", "ᅡ", "ᆨ"]
        for _ in 0..<2000 {
            var segments: [Snippet.Segment] = []
            for _ in 0..<Int(rng.next() % 8) {
                var text = ""
                for _ in 0..<Int(rng.next() % 4) {
                    text += rng.next() % 3 == 0 ? String(Hostile.randomScalar(&rng)) : edges[Int(rng.next() % UInt64(edges.count))]
                }
                segments.append(Snippet.Segment(text: text, isHighlighted: rng.next() % 2 == 0))
            }
            let snippet = Snippet(segments: segments)
            #expect(snippet.highlightRanges == snippet.highlightRangesByRecounting, "\(segments.map(\.text.unicodeScalars).map { $0.map { String($0.value, radix: 16) } })")
        }
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
