import Testing
import KBSearch

@Suite struct RobustnessTests {
    func checkSane(_ results: SearchResults, _ index: SearchIndex, limit: Int = 10) {
        #expect(results.hits.count <= limit)
        #expect(results.total >= results.hits.count)
        #expect(results.query.count <= SearchLimits.maxQueryCharacters)
        #expect(Set(results.hits.map(\.documentIndex)).count == results.hits.count)
        for hit in results.hits {
            #expect((0..<index.documentCount).contains(hit.documentIndex))
            #expect(hit.id == index.documentID(at: hit.documentIndex))
            #expect(hit.score.isFinite && hit.score >= 0)
            #expect(hit.snippet.text.count <= 200)
            let characters = hit.snippet.text.count
            #expect(hit.snippet.highlightRanges.allSatisfy { $0.upperBound <= characters })
        }
        for (_, counts) in results.facets {
            #expect(counts.values.allSatisfy { $0 > 0 && $0 <= results.total })
        }
    }

    @Test func randomAndHostileQueriesNeverFail() {
        var rng = SplitMix(state: 20_260_101)
        for _ in 0..<3000 {
            let query = Hostile.randomString(&rng)
            let limit = Int(rng.next() % 12)
            let results = HelpCenter.index.search(query, options: SearchOptions(limit: limit, offset: Int(rng.next() % 3)))
            checkSane(results, HelpCenter.index, limit: limit)
            _ = HelpCenter.index.suggest(prefix: query, limit: 3)
        }
    }

    @Test(arguments: [
        "", " ", "\"", "\"\"\"", "-", "--", "- - -", ":", "::::", "kind:", ":code", "-\"", "\u{0}", "\u{0}\u{0}card",
        "\u{301}", "\u{301}\u{301}card", "🙂", "🙂🙂🙂", "\u{7F}\u{80}\u{9F}", "-\"unlock account\"", "\"-\"", "'''",
        String(repeating: "-", count: 1000), String(repeating: "\"", count: 1001), String(repeating: ":", count: 999),
        String(repeating: "card ", count: 20_000), String(repeating: "é", count: 100_000),
        String(repeating: "a", count: 100_000), String(repeating: "\u{301}", count: 50_000),
        String(repeating: "x@y.", count: 25_000), String(repeating: "https://", count: 12_000),
    ])
    func degenerateQueriesNeverFail(query: String) {
        let results = HelpCenter.index.search(query)
        checkSane(results, HelpCenter.index)
        #expect(results.wasTruncated == (query.count > SearchLimits.maxQueryCharacters))
        _ = HelpCenter.index.suggest(prefix: query)
    }

    @Test func hostileDocumentsIndexAndSearch() {
        var rng = SplitMix(state: 7)
        var bodies = (0..<200).map { _ in Hostile.randomString(&rng) }
        bodies += ["", String(repeating: "é ", count: 50_000), String(repeating: "a.", count: 20_000),
                   String(repeating: "x@y.zz ", count: 5000), String(repeating: "\u{301}", count: 10_000)]
        let index = plainIndex(bodies, titles: bodies.map { String($0.prefix(20)) })
        index._checkInvariants()
        for _ in 0..<500 {
            checkSane(index.search(Hostile.randomString(&rng)), index)
        }
    }

    @Test func emptyIndex() {
        let index = plainIndex([])
        #expect(index.documentCount == 0 && index.termCount == 0)
        let results = index.search("anything")
        #expect(results.hits.isEmpty && results.total == 0)
        #expect(index.suggest(prefix: "a").isEmpty)
        index._checkInvariants()
    }

    @Test func concurrentSearchesAgree() async {
        let queries = ["unknownish words here", "cancellations", "whitelisted logins", "do not honor", "acount"]
        let expected = queries.map { HelpCenter.ids($0) }
        await withTaskGroup(of: Bool.self) { group in
            for k in 0..<40 {
                group.addTask {
                    let q = k % queries.count
                    return HelpCenter.ids(queries[q]) == expected[q]
                }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}
