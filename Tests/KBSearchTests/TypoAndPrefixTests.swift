import Testing
import KBSearch

@Suite struct TypoAndPrefixTests {
    static let index = plainIndex([
        "unlock the account after failed login attempts",
        "two factor authentication protects the login",
        "a transaction can be cancelled before settlement",
        "the merchant dashboard lists every settlement",
        "log files of the gateway",
    ])

    private func first(_ query: String) -> SearchHit? {
        Self.index.search(query, options: SearchOptions(prefixMatching: false)).hits.first
    }

    @Test(arguments: [
        ("acount", ["d0"]),              // deletion, 6 letters
        ("accuont", ["d0"]),             // transposition
        ("lgin", ["d0", "d1"]),          // 4 letters, 1 edit
        ("merchnat", ["d3"]),            // transposition, 8 letters
        ("transactoin", ["d2"]),         // transposition, 11 letters
        ("authentcaton", ["d1"]),        // two deletions, 12 letters
        ("setlemnt", ["d2", "d3"]),      // two insertions needed, 8 letters
    ])
    func typosAreForgiven(query: String, ids: [String]) {
        let results = Self.index.search(query, options: SearchOptions(prefixMatching: false))
        #expect(Set(results.hits.map(\.id)) == Set(ids))
        #expect(results.hits.allSatisfy { $0.matchQuality == .fuzzy })
    }

    @Test func noTypoToleranceForShortWords() {
        #expect(first("lgo") == nil)           // 3 letters: "log" is not tried
        #expect(first("acuont") == nil)        // 2 edits from "account" but only 6 letters
        #expect(first("xccoumt") == nil)       // 2 substitutions in a 7-letter word
    }

    @Test func typoToleranceCanBeTurnedOff() {
        #expect(Self.index.search("acount", options: SearchOptions(typoTolerance: false)).hits.isEmpty)
    }

    @Test func codesAreNeverCorrected() {
        #expect(HelpCenter.ids("N8").isEmpty)
        #expect(HelpCenter.ids("052").isEmpty)
    }

    @Test func lastWordIsAlsoAPrefix() {
        let results = Self.index.search("settle")
        #expect(Set(results.hits.map(\.id)) == ["d2", "d3"])
        #expect(results.hits.allSatisfy { $0.matchQuality == .prefix })
        #expect(Self.index.search("authenti").hits.first?.id == "d1")
        #expect(Self.index.search("settle", options: SearchOptions(prefixMatching: false)).hits.isEmpty)
        // Only the last word is a prefix; a space after it ends it.
        #expect(Self.index.search("settle merchant").hits.isEmpty == false)
        #expect(Self.index.search("authenti ", options: SearchOptions(typoTolerance: false)).hits.isEmpty)
    }

    @Test func fullMatchesRankAbovePrefixMatches() {
        let index = plainIndex(["log rotation", "login rotation", "logging rotation"])
        let results = index.search("rotation log")
        #expect(results.hits.first?.id == "d0")
        #expect(results.hits.first?.matchQuality == .exact)
        #expect(results.hits.count == 3)
    }

    @Test func didYouMean() {
        let results = Self.index.search("acount merchnat")
        #expect(results.suggestion == "account merchant")
        #expect(Self.index.search("Unlock ACOUNT").suggestion == "Unlock account")
        #expect(Self.index.search("unlock account").suggestion == nil)
        #expect(Self.index.search("zzzzqqq").suggestion == nil)
        #expect(Self.index.search("acount", options: SearchOptions(typoTolerance: false)).suggestion == nil)
    }

    @Test func suggestAsYouType() {
        let hits = HelpCenter.index.suggest(prefix: "unl")
        #expect(hits.first?.id == "unlock-account")
        #expect(hits.first?.snippet.text == "Unlock your account")
        #expect(hits.first?.snippet.segments.first { $0.isHighlighted }?.text == "Unlock")
        #expect(HelpCenter.index.suggest(prefix: "cancel a tr").map(\.id) == ["cancel-transaction"])
        #expect(HelpCenter.index.suggest(prefix: "i").map(\.id).contains("51"))
        #expect(HelpCenter.index.suggest(prefix: "n7").first?.id == "N7")
        #expect(HelpCenter.index.suggest(prefix: "settings").isEmpty)   // only in a body
        #expect(HelpCenter.index.suggest(prefix: "").isEmpty)
        #expect(HelpCenter.index.suggest(prefix: "t", limit: 2).count == 2)
    }
}
