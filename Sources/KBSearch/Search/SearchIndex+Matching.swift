extension SearchIndex {
    /// What matching a plan found: the best documents and counts over all matches.
    struct MatchOutcome {
        /// The best documents, best first (at most the `keep` asked for).
        var ranked: [RankedDocument] = []
        var total = 0
        /// Per facet, matching documents per value id.
        var facetCounts: [[Int]] = []
        /// Documents whose score was computed (the matches, unless pruning skipped some).
        var scoredDocuments = 0
        /// True when ``SearchIndex/disjunctiveMatch(_:keep:prunedShare:)`` answered (it did not give up).
        var wasPruned = false
    }

    static var excludedBit: UInt32 { 1 << 31 }
    static var pinnedBit: UInt32 { 1 << 30 }

    /// Scores every document matching a plan, term at a time, into a
    /// ``MatchAccumulator``.
    ///
    /// When all words are wanted (``SearchOptions/MatchMode/all``, and first in
    /// ``SearchOptions/MatchMode/default``), a conjunctive pass walks the slots
    /// rarest first and only scores documents that matched every slot so far,
    /// probing postings by binary search when there are few of them; the default
    /// mode falls back to a disjunctive pass over every posting when fewer than
    /// ``SearchOptions/minimumAllWordsResults`` documents hold all the words.
    ///
    /// With `pruning`, the any-word passes first try ``disjunctiveMatch(_:keep:prunedShare:)``,
    /// which scores only the documents that can still reach the best `keep`, with
    /// the same outcome. Off by default: on the benchmark kit it costs slightly more
    /// than it saves (see `docs/search.md`, *Pruning*).
    ///
    /// - Parameters:
    ///   - keep: how many of the best documents to return.
    ///   - fieldMask: only postings in these fields count (suggestions use title fields).
    ///   - pruning: whether any-word passes may skip documents that cannot reach the best `keep`.
    ///   - prunedShare: the share of postings pruning must expect to skip (0: always prune).
    /// - Complexity: O(*p* + *d* + *m* log *k*) for *p* postings of the sources,
    ///   *d* documents (zeroing the match masks), *m* matches and *k* = `keep`;
    ///   the conjunctive pass replaces *p* by the rarest slot's postings plus
    ///   a binary search per candidate and source.
    func match(
        _ plan: QueryPlan, mode: SearchOptions.MatchMode, keep: Int, fieldMask: UInt16 = .max, pruning: Bool = false,
        prunedShare: Double = SearchIndex.prunedPostingsShare
    ) -> MatchOutcome {
        var outcome = MatchOutcome()
        outcome.facetCounts = storage.facets.map { Array(repeating: 0, count: $0.valueNames.count) }
        let n = documentCount
        guard n > 0, !plan.slots.isEmpty || !plan.pinned.isEmpty || !plan.filters.isEmpty else { return outcome }
        let prunes = pruning && canPrune(plan, fieldMask: fieldMask)
        if prunes, mode == .any || plan.slots.count == 1, let pruned = disjunctiveMatch(plan, keep: keep, prunedShare: prunedShare) {
            return pruned
        }

        var accumulator = MatchAccumulator(storage: storage, plan: plan, fieldMask: fieldMask)
        defer { accumulator.deallocate() }
        let full: UInt32 = plan.slots.isEmpty ? 0 : UInt32.max >> (32 - UInt32(plan.slots.count))
        let filtered = !plan.filters.isEmpty

        var requireAll = mode != .any || plan.slots.count <= 1
        if requireAll, plan.slots.count > 1 {
            accumulator.addAllSlotsConjunctively()
            accumulator.markExclusions()
            if mode == .default {
                var allWords = 0
                for k in 0..<accumulator.touchedCount where allWords < SearchOptions.minimumAllWordsResults {
                    let document = accumulator.touched[k]
                    if accumulator.masks[Int(document)] & Self.excludedBit == 0,
                       !filtered || passesFilters(document, plan.filters) { allWords += 1 }
                }
                if allWords < SearchOptions.minimumAllWordsResults {
                    if prunes, let pruned = disjunctiveMatch(plan, keep: keep, prunedShare: prunedShare) { return pruned }
                    requireAll = false
                    accumulator.reset()
                }
            }
        }
        if accumulator.touchedCount == 0, !requireAll || plan.slots.count <= 1 {
            for s in plan.slots.indices { accumulator.addSlot(s) }
        }
        accumulator.markExclusions()
        for document in plan.pinned { accumulator.mark(document, with: Self.pinnedBit) }
        if plan.slots.isEmpty, plan.pinned.isEmpty {
            accumulator.touchEveryDocument()   // filters alone: every document is a candidate
        }

        var top = TopDocuments(capacity: keep)
        var threshold: UInt64 = 0   // the worst kept key once `top` is full
        var total = 0
        let countsFacets = !storage.facets.isEmpty
        let masks = accumulator.masks, scores = accumulator.scores, touched = accumulator.touched
        for k in 0..<accumulator.touchedCount {
            let document = touched[k]
            let mask = masks[Int(document)]
            let isPinned = mask & Self.pinnedBit != 0
            guard mask & Self.excludedBit == 0, !requireAll || isPinned || mask & full == full,
                  !filtered || passesFilters(document, plan.filters) else { continue }
            total += 1
            if countsFacets {
                for (f, facet) in storage.facets.enumerated() {
                    for v in facet.values(of: document) { outcome.facetCounts[f][Int(facet.documentValues[v])] += 1 }
                }
            }
            let key = RankedDocument.key(
                document: document, score: scores[Int(document)], isPinned: isPinned)
            if key > threshold {
                top.insert(key)
                if top.isFull { threshold = top.worst }
            }
        }
        outcome.total = total
        outcome.scoredDocuments = accumulator.touchedCount
        outcome.ranked = top.sorted()
        for k in outcome.ranked.indices {
            let quality = accumulator.qualities[Int(outcome.ranked[k].document)]
            outcome.ranked[k].quality = MatchQuality(rawValue: Int(quality)) ?? .exact
        }
        return outcome
    }

    func passesFilters(_ document: Int32, _ filters: [(facet: Int, values: [Int32])]) -> Bool {
        for (f, allowed) in filters {
            guard !allowed.isEmpty else { return false }
            let facet = storage.facets[f]
            var found = false
            for k in facet.values(of: document) where allowed.contains(facet.documentValues[k]) {
                found = true
                break
            }
            if !found { return false }
        }
        return true
    }

    /// Documents where the phrase's words stand at their relative positions,
    /// with the saturated BM25F weight of the phrase's occurrences.
    ///
    /// - Complexity: O(*r* (*w* log *p* + *q* log *q*)) for the *r* documents of
    ///   the rarest word, *w* words and *q* positions per document.
    func phraseMatches(_ phrase: QueryPlan.Phrase, fieldMask: UInt16) -> [(document: Int32, weight: Float)] {
        let frequencies = phrase.words.map { $0.reduce(0) { $0 + storage.documentFrequency(of: $1) } }
        guard let driver = frequencies.indices.min(by: { frequencies[$0] < frequencies[$1] }) else { return [] }
        var candidates: [Int32] = []
        for term in phrase.words[driver] {
            for p in storage.postings(of: term) { candidates.append(storage.postingDocuments[p]) }
        }
        if phrase.words[driver].count > 1 {
            candidates.sort()
            candidates = candidates.enumerated().compactMap { k, d in k > 0 && candidates[k - 1] == d ? nil : d }
        }
        var result: [(document: Int32, weight: Float)] = []
        var positions = [[UInt32]](repeating: [], count: phrase.words.count)
        candidateLoop: for document in candidates {
            for w in phrase.words.indices {
                positions[w].removeAll(keepingCapacity: true)
                for term in phrase.words[w] {
                    if let p = storage.posting(of: term, in: document) { storage.appendPositions(of: p, to: &positions[w]) }
                }
                if positions[w].isEmpty { continue candidateLoop }
                if phrase.words[w].count > 1 { positions[w].sort() }
            }
            var frequency: Float = 0
            occurrence: for start in positions[0] {
                for w in 1..<phrase.words.count where !Self.contains(positions[w], start + phrase.offsets[w]) {
                    continue occurrence
                }
                frequency += fieldWeight(document, at: start, fieldMask: fieldMask)
            }
            if frequency > 0 { result.append((document, Ranking.saturate(frequency))) }
        }
        return result
    }

    /// The BM25F contribution of one occurrence at `position`: its field's
    /// weight over the field's length normalisation (0 outside `fieldMask`).
    func fieldWeight(_ document: Int32, at position: UInt32, fieldMask: UInt16) -> Float {
        let fieldCount = storage.fieldCount
        let base = Int(document) * fieldCount
        var f = fieldCount - 1
        while f > 0, storage.fieldPositionBases[base + f] > position { f -= 1 }
        guard fieldMask & (1 << UInt16(f)) != 0 else { return 0 }
        let average = storage.averageFieldLengths[f]
        let ratio = average > 0 ? Float(storage.fieldLengths[base + f]) / average : 1
        return storage.fieldWeights[f] / (1 - IndexBuilder.b + IndexBuilder.b * ratio)
    }

    static func contains(_ sorted: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }
}
