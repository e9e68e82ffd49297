import Testing
import KBSearch

@Suite struct SynonymTests {
    static let index = plainIndex([
        "Turn on 2FA for every user",                            // d0
        "Two factor authentication protects your login",         // d1
        "Void a payment before it settles",                       // d2
        "Cancel a payment before it settles",                     // d3
        "The factor of two in the fee formula",                   // d4: both words, not the phrase
    ], analyzer: Analyzer(synonyms: [["two factor", "2fa", "two-step verification"], ["cancel", "void"]]))

    @Test func singleWordFindsMultiWordSynonym() {
        let hits = Self.index.search("2fa").hits
        #expect(hits.map(\.id) == ["d0", "d1"])
        #expect(hits.map(\.matchQuality) == [.exact, .synonym])
    }

    @Test func multiWordFindsSingleWordSynonym() {
        let ids = Self.index.ids("two factor")
        #expect(ids.first == "d1")
        #expect(ids.contains("d0"))
        #expect(Self.index.ids("two factors").contains("d0"))   // matched by stem
    }

    @Test func synonymsRankBelowTheOriginalWord() {
        let results = Self.index.search("void payment")
        #expect(results.hits.map(\.id) == ["d2", "d3"])
        #expect(results.hits[0].score > results.hits[1].score)
        #expect(results.hits[1].matchQuality == .synonym)
    }

    @Test func synonymsAreAppliedAtQueryTimeOnly() {
        #expect(Analyzer(synonyms: [["cancel", "void"]]).tokens("void") == ["void"])
    }
}
