extension SearchIndex {
    /// How searching `query` with pruning differs from scoring every matching
    /// document; nil when they agree.
    ///
    /// Compared: the best `max(offset + limit, Ranking.rerankWindow)` documents of
    /// the first match by base score (documents, score bits, pins, match
    /// qualities), with the pruned walk forced even where it would give up, and
    /// the search's hits (ids, score bits, qualities, snippets),
    /// total, facet counts and suggestion. The check behind `kb-bench
    /// --verify-pruning` and the pruning tests.
    public func pruningDifference(_ query: String, options: SearchOptions) -> String? {
        var exhaustiveOptions = options
        exhaustiveOptions.prunesMatching = false
        var prunedOptions = options
        prunedOptions.prunesMatching = true

        let parser = QueryParser(query, facets: storage.schema.facets, facetKeys: storage.facetKeys)
        let plan = makePlan(parser, options: options)
        let keep = max(max(0, options.offset) + max(0, options.limit), Ranking.rerankWindow)
        let pruned = match(plan, mode: options.mode, keep: keep, pruning: true, prunedShare: 0)
        let exhaustive = match(plan, mode: options.mode, keep: keep, pruning: false)
        func describe(_ ranked: [RankedDocument]) -> [String] {
            ranked.map { "\($0.document):\($0.score.bitPattern):\($0.isPinned):\($0.quality)" }
        }
        if describe(pruned.ranked) != describe(exhaustive.ranked) {
            return "best documents by base score: \(describe(pruned.ranked)) ≠ \(describe(exhaustive.ranked))"
        }
        if pruned.total != exhaustive.total { return "match total \(pruned.total) ≠ \(exhaustive.total)" }
        if pruned.facetCounts != exhaustive.facetCounts {
            return "match facet counts \(pruned.facetCounts) ≠ \(exhaustive.facetCounts)"
        }

        let a = search(query, options: prunedOptions), b = search(query, options: exhaustiveOptions)
        func describe(_ hits: [SearchHit]) -> [String] {
            hits.map { "\($0.id):\($0.score.bitPattern):\($0.matchQuality)" }
        }
        if describe(a.hits) != describe(b.hits) { return "hits \(describe(a.hits)) ≠ \(describe(b.hits))" }
        if a.hits.map(\.snippet) != b.hits.map(\.snippet) { return "snippets differ" }
        if a.total != b.total { return "total \(a.total) ≠ \(b.total)" }
        if a.facets != b.facets { return "facets \(a.facets) ≠ \(b.facets)" }
        if a.suggestion != b.suggestion {
            return "suggestion \(a.suggestion ?? "none") ≠ \(b.suggestion ?? "none")"
        }
        return nil
    }
}
