import Testing
@testable import KBSearch

/// The pruned any-word match (MaxScore) against the exhaustive one: the same best
/// documents with bitwise equal scores, the same totals and facet counts. The benchmark
/// kit's 1,000 queries are checked the same way by `kb-bench --verify-pruning`, and the
/// relevance queries against the shipped content in KnowledgeBaseTests.
@Suite struct PruningTests {
    /// A corpus shaped like the kit's: many short pages and a few long ones, words drawn
    /// Zipf-like from a vocabulary whose words are near each other (so typo corrections
    /// and completions find several), titles, facets and identifiers.
    static let corpus: (index: SearchIndex, vocabulary: [String], titles: [String]) = {
        var rng = SplitMix(state: 14)
        let syllables = ["ka", "lo", "mi", "re", "tu", "sa", "ne", "po", "di", "ver", "an", "tel", "or", "ix", "ing", "ed"]
        var vocabulary: [String] = []
        var seen = Set<String>()
        while vocabulary.count < 500 {
            let word = (0..<(2 + Int(rng.next() % 3))).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
            if seen.insert(word).inserted { vocabulary.append(word) }
        }
        func word(_ rng: inout SplitMix) -> String {
            // Zipf-like: the rank is a product of two uniforms.
            let rank = Int(rng.next() % UInt64(vocabulary.count)) * Int(rng.next() % 1000) / 1000
            return vocabulary[rank]
        }
        let schema = SearchSchema(
            fields: [
                FieldDefinition(name: "title", weight: 3),
                FieldDefinition(name: "code", weight: 3, isIdentifier: true),
                FieldDefinition(name: "body", weight: 1),
            ],
            facets: ["category", "tag"], snippetField: "body")
        var documents: [SearchDocument] = []
        var titles: [String] = []
        for d in 0..<700 {
            let title = (0..<(1 + Int(rng.next() % 5))).map { _ in word(&rng) }.joined(separator: " ")
            let length = d % 10 == 0 ? 150 + Int(rng.next() % 400) : 5 + Int(rng.next() % 40)
            let body = (0..<length).map { _ in word(&rng) }.joined(separator: rng.next() % 8 == 0 ? ". " : " ")
            var fields = ["title": title, "body": body]
            if d % 50 == 0 { fields["code"] = "Z\(d / 50)" }
            titles.append(title)
            documents.append(SearchDocument(
                id: "d\(d)", fields: fields,
                facets: ["category": ["c\(rng.next() % 4)"], "tag": ["t\(rng.next() % 3)", "t\(rng.next() % 5)"]]))
        }
        return (SearchIndex(documents: documents, schema: schema, analyzer: Analyzer()), vocabulary, titles)
    }()

    /// Queries of every kind the kit has and more: 1–4 words, common and rare, typos,
    /// prefixes, phrases, exclusions, filters, identifiers.
    static let queries: [String] = {
        var rng = SplitMix(state: 1414)
        let vocabulary = corpus.vocabulary
        var queries: [String] = []
        for q in 0..<300 {
            var words = (0..<(1 + Int(rng.next() % 4))).map { _ in
                vocabulary[Int(rng.next() % UInt64(vocabulary.count)) * Int(rng.next() % 1000) / 1000]
            }
            switch q % 8 {
            case 1:   // one edit: a letter dropped
                var letters = Array(words[0])
                letters.remove(at: Int(rng.next() % UInt64(letters.count)))
                words[0] = String(letters)
            case 2:   // the last word being typed
                words[words.count - 1] = String(words[words.count - 1].prefix(2 + Int(rng.next() % 3)))
            case 3:   // words of a title, in order, some quoted
                let title = corpus.titles[Int(rng.next() % UInt64(corpus.titles.count))]
                words = q % 16 == 3 ? ["\"\(title)\""] : title.split(separator: " ").map(String.init)
            case 4: words.append("-\(vocabulary[Int(rng.next() % 20)])")
            case 5: words.append("category:c\(rng.next() % 4)")
            case 6: words.insert("z\(rng.next() % 14)", at: 0)
            default: break
            }
            queries.append(words.joined(separator: " "))
        }
        return queries
    }()

    @Test("the pruned match finds what the exhaustive one finds, in every mode", arguments: [
        SearchOptions.MatchMode.any, .default, .all,
    ])
    func samplesAgree(_ mode: SearchOptions.MatchMode) {
        var walked = 0
        for (q, query) in Self.queries.enumerated() {
            for typos in [false, true] {
                // Every third search pages further, so the best 30 are compared.
                let (offset, limit) = q % 3 == 0 ? (25, 5) : (0, 10)
                let options = SearchOptions(limit: limit, offset: offset, mode: mode, typoTolerance: typos,
                                            prefixMatching: typos, snippets: true)
                let difference = Self.corpus.index.pruningDifference(query, options: options)
                #expect(difference == nil, "\(query) (\(mode), typos \(typos), offset \(offset))")
                let index = Self.corpus.index
                let plan = index.makePlan(QueryParser(query, facets: index.schema.facets, facetKeys: index.storage.facetKeys),
                                          options: options)
                if index.match(plan, mode: mode, keep: offset + limit, pruning: true, prunedShare: 0).wasPruned { walked += 1 }
            }
        }
        // The comparison (which forces the walk where it would give up) means something
        // only if the walk answers a good share of them.
        #expect(walked >= 2 * Self.queries.count / (mode == .any ? 1 : 10), "the pruned walk answered \(walked) of \(2 * Self.queries.count) searches")
    }

    @Test("pruning leaves documents unscored, yet keeps every match in the total")
    func prunes() {
        // A rare word and a common one: once the best documents hold the rare word, the
        // documents with the common word alone cannot reach them.
        let bodies = (0..<400).map { d in d % 10 == 0 ? "rare common" : d % 7 == 0 ? "common common filler" : "common filler" }
        let index = plainIndex(bodies)
        let options = SearchOptions(limit: 2, mode: .any, typoTolerance: false, prefixMatching: false, snippets: false)
        let found = index.search("rare common", options: options)
        #expect(found.total == 400)
        #expect(found.hits.map(\.id) == ["d0", "d10"])
        #expect(index.pruningDifference("rare common", options: options) == nil)

        let plan = index.makePlan(QueryParser("rare common", facets: [], facetKeys: []), options: options)
        let pruned = index.match(plan, mode: .any, keep: Ranking.rerankWindow, pruning: true)
        let exhaustive = index.match(plan, mode: .any, keep: Ranking.rerankWindow, pruning: false)
        #expect(exhaustive.scoredDocuments == 400)
        #expect(pruned.scoredDocuments < 300, "scored \(pruned.scoredDocuments) of 400")
        #expect(pruned.ranked.map(\.document) == exhaustive.ranked.map(\.document))
        #expect(pruned.total == 400)
    }
}
