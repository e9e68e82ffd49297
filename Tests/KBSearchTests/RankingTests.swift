import Testing
import KBSearch

@Suite struct RankingTests {
    @Test func termFrequencyAndLengthOrderBM25() {
        let filler = Array(repeating: "lorem ipsum dolor sit amet", count: 12).joined(separator: " ")
        let index = plainIndex([
            "refund policy",                        // d0: one refund, short
            "refund refund refund policy",          // d1: three refunds, short
            "refund policy \(filler)",              // d2: one refund, long
            "shipping policy",                      // d3: no refund
        ])
        #expect(index.ids("refund") == ["d1", "d0", "d2"])
    }

    @Test("a title that is the query, word for word, goes first; a longer title or a corrected word gets no bonus")
    func exactTitleGoesFirst() {
        let index = plainIndex(
            ["An expired card, kept by the bank: the expired card is retained. Expired card, expired card.", "The card is past its date."],
            titles: ["Expired card, pick up", "Expired card"])
        let scores = { (query: String) in Dictionary(uniqueKeysWithValues: index.search(query).hits.map { ($0.id, $0.score) }) }
        #expect(index.ids("expired card") == ["d1", "d0"])
        #expect(index.ids("card expired") == ["d1", "d0"])
        #expect(index.ids("expired cards") == ["d1", "d0"])
        // Body words weigh for d0 without the bonus: a typo or a three-word query does not get it.
        #expect(index.ids("expird card").first == "d0")
        #expect(index.ids("expired card pick").first == "d0")
        let exact = scores("expired card")
        #expect((exact["d1"] ?? 0) > (exact["d0"] ?? 0))
    }

    @Test func titleWeighsMoreThanBody() {
        let index = plainIndex(["settlement happens daily", "daily report"], titles: ["Payouts", "Settlement"])
        #expect(index.ids("settlement") == ["d1", "d0"])
    }

    @Test func rareWordsWeighMoreThanCommonOnes() {
        let index = plainIndex([
            "card payment", "card payment", "card payment", "card chargeback", "payment chargeback extra words",
        ])
        // "chargeback" is rarer than "card": d3 (card + chargeback) beats d0 (card + payment).
        #expect(index.ids("card chargeback", SearchOptions(mode: .any)).first == "d3")
    }

    @Test func exactBeatsStemmedBeatsPrefix() {
        let index = plainIndex(["scan results", "scanned results", "scanner results"])
        let results = index.search("scan")
        #expect(results.hits.map(\.id) == ["d0", "d1", "d2"])
        #expect(results.hits.map(\.matchQuality) == [.exact, .stemmed, .prefix])
        #expect(results.hits[0].score > results.hits[1].score && results.hits[1].score > results.hits[2].score)
    }

    @Test func exactBeatsFuzzyWhenTheWordFindsLittle() {
        // "recieve" (a typo in one document) is rare: corrections to "receive" are added, ranked below.
        let index = plainIndex(["recieve the funds", "receive the funds", "receive a refund", "receive money"])
        let results = index.search("recieve")
        #expect(results.hits.first?.id == "d0")
        #expect(results.hits.first?.matchQuality == .exact)
        #expect(Set(results.hits.dropFirst().map(\.id)) == ["d1", "d2", "d3"])
        #expect(results.hits.dropFirst().allSatisfy { $0.matchQuality == .fuzzy })
    }

    @Test func adjacentWordsRankFirst() {
        let index = plainIndex([
            "reset the password of a locked account",     // d0: far apart
            "account password reset",                       // d1: adjacent, in order
            "password for the account after reset",         // d2: reversed, farther
        ])
        #expect(index.ids("account password").first == "d1")
    }

    @Test(arguments: ["51", "code 51", "response code 51", "rc 51", "RC 51"])
    func identifierComesFirst(query: String) {
        // The settlement report mentions 51 three times but is not the code.
        #expect(HelpCenter.ids(query).first == "51")
    }

    @Test(arguments: [("rc 05", "05"), ("n7", "N7"), ("N7", "N7"), ("1a", "1A"), ("what does 05 mean", "05")])
    func identifierMatchIsExact(query: String, id: String) {
        let results = HelpCenter.index.search(query)
        #expect(results.hits.first?.id == id)
        #expect(results.hits.first?.matchQuality == .exact)
    }

    @Test func identifierNeedsTheExactCode() {
        #expect(HelpCenter.ids("5").first != "05")
        #expect(!HelpCenter.ids("n").contains("N7"))
    }
}
