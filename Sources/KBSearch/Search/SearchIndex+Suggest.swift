extension SearchIndex {
    /// Search as you type: documents whose title-like fields (the
    /// highest-weighted ones and identifier fields) hold every word of `prefix`,
    /// the last word also as a prefix (from one character), best first. Each
    /// hit's snippet is the whole title with the matches highlighted.
    ///
    /// - Complexity: O(log *t* + *r* + *p*) for *r* dictionary terms with the
    ///   last word as prefix and *p* postings of the terms used.
    public func suggest(prefix: String, limit: Int = 8) -> [SearchHit] {
        let limit = max(0, min(limit, SearchLimits.maxResultLimit))
        let parser = QueryParser(prefix, facets: [], facetKeys: [])
        let options = SearchOptions(limit: limit, mode: .all, typoTolerance: false, prefixMatching: true, snippets: true)
        let plan = makePlan(parser, options: options, minimumPrefix: 1, completesStopWords: true)
        guard !plan.slots.isEmpty else { return [] }
        let outcome = match(plan, mode: .all, keep: limit, fieldMask: storage.titleFieldMask)
        return outcome.ranked.map { candidate in
            SearchHit(
                documentIndex: Int(candidate.document), id: storage.documentIDs[Int(candidate.document)],
                score: Double(candidate.score),
                snippet: titleSnippet(for: candidate.document, match: documentMatch(candidate.document, plan: plan)),
                matchQuality: candidate.quality)
        }
    }
}
