import Testing
@testable import KBSearch

@Suite struct MatchingConsistencyTests {
    @Test func allWordsPassAgreesWithAnyWordRanking() {
        var rng = SplitMix(state: 99)
        let vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                          "lambda", "omicron", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "rho"]
        // Zipf-like: early words are common, late ones rare, so both the walk and the probe paths run.
        func word() -> String { vocabulary[Int(rng.next() % UInt64(1 + rng.next() % UInt64(vocabulary.count)))] }
        let bodies = (0..<300).map { _ in (0..<(3 + Int(rng.next() % 30))).map { _ in word() }.joined(separator: " ") }
        let index = plainIndex(bodies)
        for _ in 0..<60 {
            let query = (0..<(2 + Int(rng.next() % 3))).map { _ in word() }.joined(separator: " ")
            let options = SearchOptions(limit: 300, typoTolerance: false, prefixMatching: false, snippets: false)
            var all = options, any = options
            all.mode = .all
            any.mode = .any
            let conjunctive = index.search(query, options: all)
            let disjunctive = index.search(query, options: any)
            let expected = Set(bodies.indices.filter { d in
                Set(query.split(separator: " ")).allSatisfy { bodies[d].split(separator: " ").contains($0) }
            }.map { "d\($0)" })
            #expect(Set(conjunctive.hits.map(\.id)) == expected, "query \(query)")
            #expect(conjunctive.total == expected.count)
            // The same documents with the same scores (up to the order floats were added in), outside
            // both rerank windows (their bonuses depend on the query's other words); any-word ranking
            // orders by score alone, so documents with fewer but rarer words may come between.
            let reranked = Set((conjunctive.hits.prefix(Ranking.rerankWindow) + disjunctive.hits.prefix(Ranking.rerankWindow)).map(\.id))
            let scores = Dictionary(uniqueKeysWithValues: disjunctive.hits.map { ($0.id, $0.score) })
            #expect(conjunctive.hits.allSatisfy { reranked.contains($0.id) || abs($0.score - (scores[$0.id] ?? -1)) < 1e-4 * max(1, $0.score) })
            #expect(conjunctive.hits.allSatisfy { scores[$0.id] != nil })
            #expect(disjunctive.hits.map(\.score) == disjunctive.hits.map(\.score).sorted(by: >))
        }
    }
}
