extension SearchIndex {
    /// What matching a plan found: the best documents and counts over all matches.
    struct MatchOutcome {
        /// The best documents, best first (at most the `keep` asked for).
        var ranked: [RankedDocument] = []
        var total = 0
        /// Per facet, matching documents per value id.
        var facetCounts: [[Int]] = []
        /// Documents matching every slot (filters and exclusions applied).
        var allWordsTotal = 0
    }

    private static var excludedBit: UInt32 { 1 << 31 }
    private static var pinnedBit: UInt32 { 1 << 30 }

    /// Scores every document matching a plan, term at a time.
    ///
    /// Each slot's sources are walked posting by posting into a per-document
    /// slot score (the best source wins); the slot's scores are then added to
    /// the document totals and its bit set in the document's match mask.
    ///
    /// - Parameters:
    ///   - keep: how many of the best documents to return.
    ///   - fieldMask: only postings in these fields count (suggestions use title fields).
    /// - Complexity: O(*p* + *d* + *m* log *k*) for *p* postings of the sources,
    ///   *d* documents (scratch arrays), *m* matches and *k* = `keep`.
    func match(_ plan: QueryPlan, mode: SearchOptions.MatchMode, keep: Int, fieldMask: UInt16 = .max) -> MatchOutcome {
        var outcome = MatchOutcome()
        outcome.facetCounts = storage.facets.map { Array(repeating: 0, count: $0.valueNames.count) }
        let n = documentCount
        guard n > 0, !plan.slots.isEmpty || !plan.pinned.isEmpty || !plan.filters.isEmpty else { return outcome }

        // One block: match masks (zeroed), then totals and slot scores, which are
        // only read for documents whose mask says they were written.
        let block = UnsafeMutableRawPointer.allocate(byteCount: n * 12, alignment: 8)
        defer { block.deallocate() }
        let masks = UnsafeMutableBufferPointer(start: block.initializeMemory(as: UInt32.self, repeating: 0, count: n), count: n)
        let scores = UnsafeMutableBufferPointer(start: (block + n * 4).bindMemory(to: Float.self, capacity: n), count: n)
        let slotScores = UnsafeMutableBufferPointer(start: (block + n * 8).bindMemory(to: Float.self, capacity: n), count: n)

        var touched: [Int32] = []
        var slotTouched: [Int32] = []
        var phraseCache = [[(document: Int32, weight: Float)]?](repeating: nil, count: plan.phrases.count)
        let restrictFields = fieldMask != .max

        storage.postingDocuments.withUnsafeBufferPointer { docs in
            storage.postingWeights.withUnsafeBufferPointer { weights in
                storage.postingFieldMasks.withUnsafeBufferPointer { fieldMasks in
                    for (s, slot) in plan.slots.enumerated() {
                        slotTouched.removeAll(keepingCapacity: true)
                        let bit = UInt32(1) << UInt32(s)
                        // The slot keeps its best source per document; the slot's bit marks
                        // documents already offered a value in this slot.
                        @inline(__always) func offer(_ document: Int32, _ value: Float) {
                            let d = Int(document)
                            let mask = masks[d]
                            if mask & bit == 0 {
                                if mask == 0 {
                                    touched.append(document)
                                    scores[d] = 0
                                }
                                masks[d] = mask | bit
                                slotScores[d] = value
                                slotTouched.append(document)
                            } else if value > slotScores[d] {
                                slotScores[d] = value
                            }
                        }
                        for source in slot.terms {
                            let factor = source.weight * slot.idf
                            if restrictFields {
                                for p in storage.postings(of: source.term) where fieldMasks[p] & fieldMask != 0 {
                                    offer(docs[p], factor * weights[p])
                                }
                            } else {
                                for p in storage.postings(of: source.term) { offer(docs[p], factor * weights[p]) }
                            }
                        }
                        for source in slot.phrases {
                            if phraseCache[source.phrase] == nil {
                                phraseCache[source.phrase] = phraseMatches(plan.phrases[source.phrase], fieldMask: fieldMask)
                            }
                            let factor = source.weight * slot.idf
                            for (document, weight) in phraseCache[source.phrase]! { offer(document, factor * weight) }
                        }
                        for document in slotTouched { scores[Int(document)] += slotScores[Int(document)] }
                    }
                    for term in plan.excludedTerms {
                        for p in storage.postings(of: term) { masks[Int(docs[p])] |= Self.excludedBit }
                    }
                }
            }
        }
        for phrase in plan.excludedPhrases {
            for (document, _) in phraseMatches(plan.phrases[phrase], fieldMask: .max) {
                masks[Int(document)] |= Self.excludedBit
            }
        }
        for document in plan.pinned {
            if masks[Int(document)] == 0 {
                touched.append(document)
                scores[Int(document)] = 0
            }
            masks[Int(document)] |= Self.pinnedBit
        }
        if plan.slots.isEmpty, plan.pinned.isEmpty {
            touched = Array(0..<Int32(n))   // filters alone: every document is a candidate
            for d in 0..<n { scores[d] = 0 }
        }

        let full: UInt32 = plan.slots.isEmpty ? 0 : UInt32.max >> (32 - UInt32(plan.slots.count))
        for document in touched {
            let mask = masks[Int(document)]
            if mask & Self.excludedBit == 0, mask & full == full, passesFilters(document, plan.filters) {
                outcome.allWordsTotal += 1
            }
        }
        let requireAll: Bool
        switch mode {
        case .all: requireAll = true
        case .any: requireAll = false
        case .default: requireAll = outcome.allWordsTotal >= SearchOptions.minimumAllWordsResults || plan.slots.count <= 1
        }

        var top = TopDocuments(capacity: keep)
        for document in touched {
            let mask = masks[Int(document)]
            let isPinned = mask & Self.pinnedBit != 0
            guard mask & Self.excludedBit == 0, !requireAll || isPinned || mask & full == full,
                  passesFilters(document, plan.filters) else { continue }
            outcome.total += 1
            for (f, facet) in storage.facets.enumerated() {
                for k in facet.values(of: document) { outcome.facetCounts[f][Int(facet.documentValues[k])] += 1 }
            }
            top.insert(RankedDocument(
                document: document, score: scores[Int(document)],
                matchedSlots: requireAll ? 0 : Int32((mask & full).nonzeroBitCount), isPinned: isPinned))
        }
        outcome.ranked = top.sorted()
        return outcome
    }

    private func passesFilters(_ document: Int32, _ filters: [(facet: Int, values: [Int32])]) -> Bool {
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
