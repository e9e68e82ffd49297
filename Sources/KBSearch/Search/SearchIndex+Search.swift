extension SearchIndex {
    /// Searches the index.
    ///
    /// The query language: plain words (all preferred, see
    /// ``SearchOptions/MatchMode``), `"quoted phrases"`, `-excluded` words or
    /// phrases, and `facet:value` filters for the schema's facets. Any text is
    /// accepted; queries longer than ``SearchLimits`` are cut.
    ///
    /// - Complexity: O(*p* + *d* + *m* log *k*) for *p* postings of the query's
    ///   terms, *d* documents, *m* matches and *k* = max(offset + limit, 20);
    ///   snippets cost O(snippet length) per returned hit.
    public func search(_ query: String, options: SearchOptions = .init()) -> SearchResults {
        let parser = QueryParser(query, facets: storage.schema.facets, facetKeys: storage.facetKeys)
        var plan = makePlan(parser, options: options)
        let limit = max(0, min(options.limit, SearchLimits.maxResultLimit))
        let offset = min(max(0, options.offset), documentCount)
        let keep = max(offset + limit, Ranking.rerankWindow)

        var outcome = match(plan, mode: options.mode, keep: keep, pruning: options.prunesMatching)
        if options.typoTolerance, outcome.total < SearchOptions.minimumAllWordsResults, expandRareWords(&plan) {
            outcome = match(plan, mode: options.mode, keep: keep, pruning: options.prunesMatching)
        }

        var ranked = outcome.ranked
        if plan.slots.count(where: { !$0.isPhrase }) >= 2 {
            let window = min(ranked.count, Ranking.rerankWindow)
            var scratch: [[UInt32]] = []
            let actions = actionSlots(plan), subjects = subjectSlots(plan)
            let specific = Set(storage.identifiers.values.joined())
            for i in 0..<window {
                ranked[i].score += proximityBonus(ranked[i].document, plan: plan, scratch: &scratch)
                ranked[i].score += exactTitleBonus(ranked[i].document, plan: plan)
                ranked[i].score += actionTitleBonus(ranked[i].document, plan: plan, actionSlots: actions, subjectSlots: subjects)
                if specific.contains(ranked[i].document), !ranked[i].isPinned,
                   !namesSpecificDocument(ranked[i].document, plan: plan) {
                    ranked[i].score *= Ranking.unnamedSpecificFactor
                }
            }
            ranked[0..<window].sort { $0.ranks(above: $1) }
        }

        var hits: [SearchHit] = []
        if offset < ranked.count {
            let page = ranked[offset..<min(offset + limit, ranked.count)]
            hits.reserveCapacity(page.count)
            for candidate in page {
                let document = candidate.document
                hits.append(SearchHit(
                    documentIndex: Int(document),
                    id: storage.documentIDs[Int(document)],
                    score: Double(candidate.score),
                    snippet: options.snippets ? snippet(for: document, match: documentMatch(document, plan: plan)) : Snippet(),
                    matchQuality: candidate.quality))
            }
        }

        var facets: [String: [String: Int]] = [:]
        for (f, facet) in storage.facets.enumerated() {
            var counts: [String: Int] = [:]
            for (value, count) in outcome.facetCounts[f].enumerated() where count > 0 {
                counts[facet.valueNames[value]] = count
            }
            facets[facet.name] = counts
        }

        return SearchResults(
            query: parser.query, total: outcome.total, hits: hits, facets: facets,
            suggestion: options.typoTolerance ? suggestion(parser, plan: plan, total: outcome.total) : nil,
            wasTruncated: parser.wasTruncated, parsed: parser.parsed)
    }

    /// Adds typo corrections to rare words ("finds little"); true if any were added.
    private func expandRareWords(_ plan: inout QueryPlan) -> Bool {
        var changed = false
        for k in plan.words.indices {
            let word = plan.words[k]
            guard word.isTypoEligible, word.corrections == nil, word.frequency > 0,
                  word.frequency <= Ranking.rareWordFrequency else { continue }
            let corrections = corrections(of: word.term, moreFrequentThan: word.frequency)
            plan.words[k].corrections = corrections
            plan.slots[word.slot].terms += fuzzySources(corrections)
            finishSlot(&plan.slots[word.slot])
            changed = changed || !corrections.isEmpty
        }
        return changed
    }

    /// "Did you mean": the query with each word that finds nothing (or, when
    /// the search finds few documents, each rare word) replaced by its closest,
    /// most frequent correction.
    private func suggestion(_ parser: QueryParser, plan: QueryPlan, total: Int) -> String? {
        var replacements: [(range: Range<Int>, term: String)] = []
        for word in plan.words where word.isTypoEligible && !word.hasPrefixExpansion {
            let isUnknown = word.frequency == 0
            let isRare = total < SearchOptions.minimumAllWordsResults && word.frequency <= Ranking.rareWordFrequency
            guard isUnknown || isRare else { continue }
            let corrections = word.corrections ?? corrections(of: word.term, moreFrequentThan: word.frequency)
            guard let best = corrections.first else { continue }
            replacements.append((word.utf8Range, storage.terms.string(best.term)))
        }
        guard !replacements.isEmpty else { return nil }
        var bytes = Array(parser.query.utf8)
        for (range, term) in replacements.reversed() where range.upperBound <= bytes.count {
            bytes.replaceSubrange(range, with: term.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
