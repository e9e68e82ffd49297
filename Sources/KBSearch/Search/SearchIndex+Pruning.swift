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

    /// The share of the postings the non-essential cursors must hold at the
    /// start for ``disjunctiveMatch(_:keep:prunedShare:)`` to go on (measured on the benchmark kit).
    static var prunedPostingsShare: Double { 0.75 }

    /// Whether ``match(_:mode:keep:fieldMask:pruning:)`` answers the plan with
    /// ``disjunctiveMatch(_:keep:prunedShare:)``: every posting of every field counts and
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
    /// The threshold starts at the `keep`-th best value of one cursor. When
    /// that leaves fewer than ``prunedPostingsShare`` of the postings to the
    /// non-essential cursors, it gives up and returns nil: walking documents
    /// one at a time costs more than the exhaustive pass unless most are skipped.
    ///
    /// - Complexity: O(*p* + *d* / 64 + *e* log *p* + *m* log *k*) for *p* postings of
    ///   the sources, *d* documents, *e* postings of essential cursors, *m* documents
    ///   scored and *k* = `keep`.
    func disjunctiveMatch(
        _ plan: QueryPlan, keep: Int, prunedShare: Double = prunedPostingsShare
    ) -> MatchOutcome? {
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

        let filtered = !plan.filters.isEmpty
        var top = TopDocuments(capacity: keep)
        for document in plan.pinned where !Self.isSet(excluded, document)
            && (!filtered || passesFilters(document, plan.filters)) {
            let probed = probe(document, plan: plan, phraseMatches: phraseMatches)
            top.insert(RankedDocument.key(document: document, score: probed.score, isPinned: true))
        }
        guard let scored = scoreDocumentAtATime(
            plan, phraseMatches: phraseMatches, skipped: skipped, prunedShare: prunedShare, top: &top)
        else { return nil }
        outcome.scoredDocuments = plan.pinned.count + scored
        outcome.wasPruned = true

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

        outcome.ranked = top.sorted()
        for k in outcome.ranked.indices {
            let quality = probe(outcome.ranked[k].document, plan: plan, phraseMatches: phraseMatches).quality
            outcome.ranked[k].quality = MatchQuality(rawValue: Int(quality)) ?? .exact
        }
        return outcome
    }

    /// The MaxScore walk of ``disjunctiveMatch(_:keep:prunedShare:)``: offers `top` every
    /// document outside `skipped` that can beat its worst key; returns how many
    /// documents it scored, or nil when too few postings would be skipped.
    private func scoreDocumentAtATime(
        _ plan: QueryPlan, phraseMatches: [[(document: Int32, weight: Float)]], skipped: [UInt64],
        prunedShare: Double, top: inout TopDocuments
    ) -> Int? {
        let phraseEntries = phraseMatches.reduce(0) { $0 + $1.count }
        let phraseDocuments = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, phraseEntries))
        let phraseWeights = UnsafeMutablePointer<Float>.allocate(capacity: max(1, phraseEntries))
        let slotCount = plan.slots.count
        let capacity = plan.slots.reduce(0) { $0 + $1.terms.count + $1.phrases.count }
        let cursors = UnsafeMutablePointer<Cursor>.allocate(capacity: max(1, capacity))
        let slotValues = UnsafeMutablePointer<Float>.allocate(capacity: slotCount)
        let nonEssentialBounds = UnsafeMutablePointer<Float>.allocate(capacity: slotCount)
        nonEssentialBounds.initialize(repeating: 0, count: slotCount)
        slotValues.initialize(repeating: 0, count: slotCount)
        defer {
            phraseDocuments.deallocate()
            phraseWeights.deallocate()
            cursors.deallocate()
            slotValues.deallocate()
            nonEssentialBounds.deallocate()
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
        return storage.postingDocuments.withUnsafeBufferPointer { docs in
            storage.postingWeights.withUnsafeBufferPointer { weights in
                skipped.withUnsafeBufferPointer { skipped in
                    var count = 0
                    for (s, slot) in plan.slots.enumerated() {
                        for source in slot.terms {
                            let postings = storage.postings(of: source.term)
                            guard !postings.isEmpty else { continue }
                            let factor = source.weight * slot.idf
                            (cursors + count).initialize(to: Cursor(
                                documents: docs.baseAddress!, weights: weights.baseAddress!,
                                position: postings.lowerBound, end: postings.upperBound, factor: factor,
                                bound: factor * storage.termMaxWeights[Int(source.term)], slot: s))
                            count += 1
                        }
                        for source in slot.phrases where !phraseMatches[source.phrase].isEmpty {
                            let factor = source.weight * slot.idf
                            let start = phraseStarts[source.phrase]
                            let best = phraseMatches[source.phrase].reduce(0) { max($0, $1.weight) }
                            (cursors + count).initialize(to: Cursor(
                                documents: UnsafePointer(phraseDocuments), weights: UnsafePointer(phraseWeights),
                                position: start, end: start + phraseMatches[source.phrase].count, factor: factor,
                                bound: factor * best, slot: s))
                            count += 1
                        }
                    }
                    var sorted = UnsafeMutableBufferPointer(start: cursors, count: count)
                    sorted.sort { $0.bound < $1.bound }
                    let threshold = plan.filters.isEmpty
                        ? Self.initialThreshold(cursors, count: count, keep: top.capacity, skipped: skipped.baseAddress!)
                        : -.infinity
                    var essential = 0
                    Self.extendNonEssential(cursors, count: count, essential: &essential,
                                            nonEssentialBounds: nonEssentialBounds, slotCount: slotCount,
                                            threshold: threshold)
                    var postings = 0, skippable = 0
                    for c in 0..<count {
                        postings += cursors[c].end - cursors[c].position
                        if c < essential { skippable += cursors[c].end - cursors[c].position }
                    }
                    guard Double(skippable) >= prunedShare * Double(postings) else { return nil }
                    return walk(
                        cursors, count: count, essential: essential, slotValues: slotValues,
                        nonEssentialBounds: nonEssentialBounds, slotCount: slotCount, skipped: skipped.baseAddress!,
                        filters: plan.filters, threshold: threshold, top: &top)
                }
            }
        }
    }

    /// The document-at-a-time loop of ``scoreDocumentAtATime(_:phraseMatches:skipped:prunedShare:top:)``
    /// over `count` cursors sorted by bound; `cursors[..<essential]` are the
    /// non-essential ones, whose best bound per slot is in `nonEssentialBounds`.
    private func walk(
        _ cursors: UnsafeMutablePointer<Cursor>, count: Int, essential initialEssential: Int,
        slotValues: UnsafeMutablePointer<Float>,
        nonEssentialBounds: UnsafeMutablePointer<Float>, slotCount: Int, skipped: UnsafePointer<UInt64>,
        filters: [(facet: Int, values: [Int32])], threshold initial: Float, top: inout TopDocuments
    ) -> Int {
        let filtered = !filters.isEmpty
        var scored = 0
        var essential = initialEssential
        var threshold = initial
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
            if essential > 0 {
                var bound: Float = 0
                for s in 0..<slotCount { bound += max(slotValues[s], nonEssentialBounds[s]) }
                guard bound * Self.boundSlack >= threshold else { continue }
            }
            guard !filtered || passesFilters(document, filters) else { continue }
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
            let worstScore = worst >> 63 != 0 ? .infinity : Float(bitPattern: UInt32(truncatingIfNeeded: worst >> 26))
            guard worstScore > threshold else { continue }
            threshold = worstScore
            Self.extendNonEssential(cursors, count: count, essential: &essential, nonEssentialBounds: nonEssentialBounds,
                                    slotCount: slotCount, threshold: threshold)
        }
        return scored
    }

    /// Makes cursors non-essential, least bound first, while the documents they
    /// alone hold stay below `threshold`.
    @inline(__always)
    private static func extendNonEssential(
        _ cursors: UnsafeMutablePointer<Cursor>, count: Int, essential: inout Int,
        nonEssentialBounds: UnsafeMutablePointer<Float>, slotCount: Int, threshold: Float
    ) {
        while essential < count {
            let slot = cursors[essential].slot
            let previous = nonEssentialBounds[slot]
            nonEssentialBounds[slot] = max(previous, cursors[essential].bound)
            var sum: Float = 0
            for s in 0..<slotCount { sum += nonEssentialBounds[s] }
            guard sum * boundSlack < threshold else {
                nonEssentialBounds[slot] = previous
                return
            }
            essential += 1
        }
    }

    /// A score the `keep`-th best document is sure to reach before any is
    /// scored: the `keep`-th best value of one cursor (the one with the
    /// highest bound among those with `keep` documents outside `skipped`), as
    /// each of its documents scores at least its value there. -∞ when no
    /// cursor has enough documents.
    ///
    /// - Complexity: O(*p* log *k*) for the cursor's *p* postings and *k* = `keep`.
    private static func initialThreshold(
        _ cursors: UnsafeMutablePointer<Cursor>, count: Int, keep: Int, skipped: UnsafePointer<UInt64>
    ) -> Float {
        guard keep > 0 else { return -.infinity }
        var c = count - 1
        while c >= 0, cursors[c].end - cursors[c].position < keep { c -= 1 }
        guard c >= 0 else { return -.infinity }
        let cursor = cursors[c]
        var best = TopDocuments(capacity: keep)
        for p in cursor.position..<cursor.end {
            let d = Int(cursor.documents[p])
            guard skipped[d >> 6] & (1 << UInt64(d & 63)) == 0 else { continue }
            // A non-negative float's bits order like the float.
            best.insert(UInt64((cursor.factor * cursor.weights[p]).bitPattern))
        }
        guard best.isFull else { return -.infinity }
        return Float(bitPattern: UInt32(truncatingIfNeeded: best.worst))
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
