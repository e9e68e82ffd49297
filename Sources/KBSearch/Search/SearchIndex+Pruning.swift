extension SearchIndex {
    /// One source of a slot walked document at a time: a term's postings, or a
    /// phrase's matches, with the factor its weights are multiplied by.
    private struct Cursor {
        let documents: UnsafePointer<Int32>
        let weights: UnsafePointer<Float>
        var position: Int
        let end: Int
        /// `source.weight × slot.idf`, the same product the exhaustive pass multiplies by.
        let factor: Float
        /// The largest value the source can give a document: `factor ×` its largest weight.
        let bound: Float
        let slot: Int
    }

    /// Floats the bounds are multiplied by before they are compared with the
    /// threshold: a sum of up to 30 bounds added in another order than the
    /// score's slots can round differently, by far less than this.
    private static var boundSlack: Float { 1.0001 }

    /// Whether ``match(_:mode:keep:fieldMask:pruning:)`` answers the plan with
    /// ``disjunctiveMatch(_:keep:)``: every posting of every field counts and
    /// there are words to match.
    func canPrune(_ plan: QueryPlan, fieldMask: UInt16) -> Bool {
        fieldMask == .max && !plan.slots.isEmpty
    }

    /// Any-word matching that scores only the documents that can still reach
    /// the best `keep` (MaxScore, document at a time), with the same outcome as
    /// the exhaustive term-at-a-time pass: the same best documents with bitwise
    /// equal scores, the same total and facet counts.
    ///
    /// Every source of every slot (stem variants, synonyms, corrections,
    /// completions, phrases) is a cursor bounded by `factor ×` its largest
    /// posting weight. Counting walks every cursor's documents into a bit set,
    /// which is cheap; scoring walks only the essential cursors: the cursors,
    /// least bound first, whose documents alone could beat the current
    /// `keep`-th best score are non-essential, and are only probed (by
    /// galloping search) for the documents an essential cursor proposes. A
    /// candidate's slots are summed in slot order, as the exhaustive pass sums
    /// them, so its score has the same bits. Pinned documents are scored by
    /// binary search, whatever their score.
    ///
    /// - Complexity: O(*p* + *d* / 64 + *e* log *p* + *m* log *k*) for *p* postings of
    ///   the sources, *d* documents, *e* postings of essential cursors, *m* documents
    ///   scored and *k* = `keep`.
    func disjunctiveMatch(_ plan: QueryPlan, keep: Int) -> MatchOutcome {
        var outcome = MatchOutcome()
        outcome.facetCounts = storage.facets.map { Array(repeating: 0, count: $0.valueNames.count) }
        let n = documentCount
        let words = (n + 63) >> 6
        var phraseMatches = [[(document: Int32, weight: Float)]](repeating: [], count: plan.phrases.count)
        var phraseDone = [Bool](repeating: false, count: plan.phrases.count)
        for slot in plan.slots {
            for source in slot.phrases where !phraseDone[source.phrase] {
                phraseMatches[source.phrase] = self.phraseMatches(plan.phrases[source.phrase], fieldMask: .max)
                phraseDone[source.phrase] = true
            }
        }
        // Pinned and excluded documents are left out of the document-at-a-time walk.
        var skipped = [UInt64](repeating: 0, count: words)
        var excluded = [UInt64](repeating: 0, count: words)
        for term in plan.excludedTerms {
            for p in storage.postings(of: term) { Self.set(&excluded, storage.postingDocuments[p]) }
        }
        for phrase in plan.excludedPhrases {
            for (document, _) in self.phraseMatches(plan.phrases[phrase], fieldMask: .max) { Self.set(&excluded, document) }
        }
        for document in plan.pinned { Self.set(&skipped, document) }
        for w in 0..<words { skipped[w] |= excluded[w] }

        // Counting: every matching document, by its bit.
        var matched = [UInt64](repeating: 0, count: words)
        storage.postingDocuments.withUnsafeBufferPointer { docs in
            matched.withUnsafeMutableBufferPointer { matched in
                for slot in plan.slots {
                    for source in slot.terms {
                        for p in storage.postings(of: source.term) {
                            let d = Int(docs[p])
                            matched[d >> 6] |= 1 << UInt64(d & 63)
                        }
                    }
                    for source in slot.phrases {
                        for (document, _) in phraseMatches[source.phrase] {
                            matched[Int(document) >> 6] |= 1 << UInt64(document & 63)
                        }
                    }
                }
            }
        }
        for document in plan.pinned { Self.set(&matched, document) }
        let filtered = !plan.filters.isEmpty
        let countsFacets = !storage.facets.isEmpty
        var total = 0
        for w in 0..<words {
            var bits = matched[w] & ~excluded[w]
            guard filtered || countsFacets else {
                total += bits.nonzeroBitCount
                continue
            }
            while bits != 0 {
                let document = Int32(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
                guard !filtered || passesFilters(document, plan.filters) else { continue }
                total += 1
                for (f, facet) in storage.facets.enumerated() {
                    for v in facet.values(of: document) { outcome.facetCounts[f][Int(facet.documentValues[v])] += 1 }
                }
            }
        }
        outcome.total = total

        var top = TopDocuments(capacity: keep)
        for document in plan.pinned where !Self.isSet(excluded, document)
            && (!filtered || passesFilters(document, plan.filters)) {
            let probed = probe(document, plan: plan, phraseMatches: phraseMatches)
            top.insert(RankedDocument.key(document: document, score: probed.score, isPinned: true))
        }
        outcome.scoredDocuments = plan.pinned.count
            + scoreDocumentAtATime(plan, phraseMatches: phraseMatches, skipped: skipped, top: &top)

        outcome.ranked = top.sorted()
        for k in outcome.ranked.indices {
            let quality = probe(outcome.ranked[k].document, plan: plan, phraseMatches: phraseMatches).quality
            outcome.ranked[k].quality = MatchQuality(rawValue: Int(quality)) ?? .exact
        }
        return outcome
    }

    /// The MaxScore walk of ``disjunctiveMatch(_:keep:)``: offers `top` every
    /// document outside `skipped` that can beat its worst key; returns how many
    /// documents it scored.
    private func scoreDocumentAtATime(
        _ plan: QueryPlan, phraseMatches: [[(document: Int32, weight: Float)]], skipped: [UInt64],
        top: inout TopDocuments
    ) -> Int {
        let phraseEntries = phraseMatches.reduce(0) { $0 + $1.count }
        let phraseDocuments = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, phraseEntries))
        let phraseWeights = UnsafeMutablePointer<Float>.allocate(capacity: max(1, phraseEntries))
        defer {
            phraseDocuments.deallocate()
            phraseWeights.deallocate()
        }
        var phraseStarts: [Int] = []
        var next = 0
        for matches in phraseMatches {
            phraseStarts.append(next)
            for (document, weight) in matches {
                phraseDocuments[next] = document
                phraseWeights[next] = weight
                next += 1
            }
        }
        let filtered = !plan.filters.isEmpty
        let slotCount = plan.slots.count
        var scored = 0

        storage.postingDocuments.withUnsafeBufferPointer { docs in
            storage.postingWeights.withUnsafeBufferPointer { weights in
                var cursors: [Cursor] = []
                for (s, slot) in plan.slots.enumerated() {
                    for source in slot.terms {
                        let postings = storage.postings(of: source.term)
                        guard !postings.isEmpty else { continue }
                        let factor = source.weight * slot.idf
                        cursors.append(Cursor(
                            documents: docs.baseAddress!, weights: weights.baseAddress!,
                            position: postings.lowerBound, end: postings.upperBound, factor: factor,
                            bound: factor * storage.termMaxWeights[Int(source.term)], slot: s))
                    }
                    for source in slot.phrases where !phraseMatches[source.phrase].isEmpty {
                        let factor = source.weight * slot.idf
                        let start = phraseStarts[source.phrase]
                        let best = phraseMatches[source.phrase].reduce(0) { max($0, $1.weight) }
                        cursors.append(Cursor(
                            documents: UnsafePointer(phraseDocuments), weights: UnsafePointer(phraseWeights),
                            position: start, end: start + phraseMatches[source.phrase].count, factor: factor,
                            bound: factor * best, slot: s))
                    }
                }
                cursors.sort { $0.bound < $1.bound }
                let count = cursors.count
                // Per slot: the best bound among the non-essential cursors (0 when none).
                var nonEssentialBounds = [Float](repeating: 0, count: slotCount)
                var essential = 0   // cursors[..<essential] are non-essential
                var threshold = -Float.infinity
                var slotValues = [Float](repeating: -.infinity, count: slotCount)

                /// Moves cursors to the non-essential side while their documents
                /// alone stay below the threshold.
                func extendNonEssential() {
                    while essential < count {
                        let cursor = cursors[essential]
                        let previous = nonEssentialBounds[cursor.slot]
                        nonEssentialBounds[cursor.slot] = max(previous, cursor.bound)
                        var sum: Float = 0
                        for bound in nonEssentialBounds { sum += bound }
                        guard sum * Self.boundSlack < threshold else {
                            nonEssentialBounds[cursor.slot] = previous
                            return
                        }
                        essential += 1
                    }
                }

                skipped.withUnsafeBufferPointer { skipped in
                    while essential < count {
                        var document = Int32.max
                        for c in essential..<count where cursors[c].position < cursors[c].end {
                            document = min(document, cursors[c].documents[cursors[c].position])
                        }
                        guard document != Int32.max else { break }
                        for s in 0..<slotCount { slotValues[s] = -.infinity }
                        for c in essential..<count where cursors[c].position < cursors[c].end
                            && cursors[c].documents[cursors[c].position] == document {
                            let value = cursors[c].factor * cursors[c].weights[cursors[c].position]
                            if value > slotValues[cursors[c].slot] { slotValues[cursors[c].slot] = value }
                            cursors[c].position += 1
                        }
                        let d = Int(document)
                        guard skipped[d >> 6] & (1 << UInt64(d & 63)) == 0 else { continue }
                        if top.isFull, essential > 0 {
                            var bound: Float = 0
                            for s in 0..<slotCount { bound += max(slotValues[s], nonEssentialBounds[s]) }
                            guard bound * Self.boundSlack >= threshold else { continue }
                        }
                        guard !filtered || passesFilters(document, plan.filters) else { continue }
                        for c in 0..<essential {
                            Self.advance(&cursors[c], to: document)
                            guard cursors[c].position < cursors[c].end,
                                  cursors[c].documents[cursors[c].position] == document else { continue }
                            let value = cursors[c].factor * cursors[c].weights[cursors[c].position]
                            if value > slotValues[cursors[c].slot] { slotValues[cursors[c].slot] = value }
                        }
                        // In slot order, as the exhaustive pass adds them: the same bits.
                        scored += 1
                        var score: Float = 0
                        for s in 0..<slotCount where slotValues[s] != -.infinity { score += slotValues[s] }
                        let key = RankedDocument.key(document: document, score: score, isPinned: false)
                        guard !top.isFull || key > top.worst else { continue }
                        top.insert(key)
                        guard top.isFull else { continue }
                        let worst = top.worst
                        threshold = worst >> 63 != 0
                            ? .infinity : Float(bitPattern: UInt32(truncatingIfNeeded: worst >> 26))
                        extendNonEssential()
                    }
                }
            }
        }
        return scored
    }

    /// Moves a cursor to its first document at or after `document`, galloping.
    @inline(__always)
    private static func advance(_ cursor: inout Cursor, to document: Int32) {
        let documents = cursor.documents, end = cursor.end
        var low = cursor.position
        guard low < end, documents[low] < document else { return }
        var step = 1
        var high = low + 1
        while high < end, documents[high] < document {
            low = high
            step <<= 1
            high = low + step
        }
        high = min(high, end)
        low += 1
        while low < high {
            let mid = (low + high) >> 1
            if documents[mid] < document { low = mid + 1 } else { high = mid }
        }
        cursor.position = low
    }

    /// A document's score (its slots' best sources, added in slot order) and
    /// quality (the weakest of its matched slots' best qualities), by binary
    /// search in every source: what the exhaustive pass computes for it.
    private func probe(
        _ document: Int32, plan: QueryPlan, phraseMatches: [[(document: Int32, weight: Float)]]
    ) -> (score: Float, quality: UInt8) {
        var score: Float = 0
        var quality: UInt8 = 0
        for slot in plan.slots {
            var best = -Float.infinity
            var slotQuality = UInt8.max
            for source in slot.terms {
                guard let p = storage.posting(of: source.term, in: document) else { continue }
                best = max(best, source.weight * slot.idf * storage.postingWeights[p])
                slotQuality = min(slotQuality, UInt8(source.quality.rawValue))
            }
            for source in slot.phrases {
                let matches = phraseMatches[source.phrase]
                var low = 0, high = matches.count
                while low < high {
                    let mid = (low + high) >> 1
                    if matches[mid].document < document { low = mid + 1 } else { high = mid }
                }
                guard low < matches.count, matches[low].document == document else { continue }
                best = max(best, source.weight * slot.idf * matches[low].weight)
                slotQuality = min(slotQuality, UInt8(source.quality.rawValue))
            }
            guard best != -.infinity else { continue }
            score += best
            quality = max(quality, slotQuality)
        }
        return (score, quality)
    }

    @inline(__always)
    private static func set(_ bits: inout [UInt64], _ document: Int32) {
        bits[Int(document) >> 6] |= 1 << UInt64(document & 63)
    }

    @inline(__always)
    private static func isSet(_ bits: [UInt64], _ document: Int32) -> Bool {
        bits[Int(document) >> 6] & (1 << UInt64(document & 63)) != 0
    }
}
