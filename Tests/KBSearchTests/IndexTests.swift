import Testing
import KBSearch

@Suite struct IndexTests {
    @Test func invariantsHoldOnTheHelpCenter() {
        HelpCenter.index._checkInvariants()
        #expect(HelpCenter.index.documentCount == HelpCenter.documents.count)
        #expect(HelpCenter.index.termCount > 50)
        #expect(HelpCenter.index.approximateByteSize > 0)
    }

    @Test func bothExactAndStemmedFormsAreSearchable() {
        let index = plainIndex(["cancelled orders", "cancel order"])
        let cancelled = index.search("cancelled")
        #expect(cancelled.hits.map(\.id) == ["d0", "d1"])
        #expect(cancelled.hits.map(\.matchQuality) == [.exact, .stemmed])
        #expect(index.search("cancel", options: SearchOptions(prefixMatching: false)).hits.map(\.id) == ["d1", "d0"])
        #expect(index.search("cancellations").hits.count == 2)   // not indexed, but its stem is
    }
}
