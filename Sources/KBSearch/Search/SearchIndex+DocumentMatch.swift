extension SearchIndex {
    /// Where the query matched one document: gathered only for the returned
    /// hits, to cut and highlight their snippets.
    struct DocumentMatch {
        /// Positions of every matched term, sorted.
        var positions: [UInt32] = []
        /// Matched terms, sorted.
        var terms: [Int32] = []
    }

    private func hasAllWords(of phrase: QueryPlan.Phrase, in document: Int32) -> Bool {
        phrase.words.allSatisfy { word in word.contains { storage.posting(of: $0, in: document) != nil } }
    }

    /// The positions (the first `snippetPositions` of each term) and terms of
    /// every source of the plan found in the document.
    ///
    /// - Complexity: O(*s* log *p* + *q* log *q*) for *s* sources and *q* positions.
    func documentMatch(_ document: Int32, plan: QueryPlan) -> DocumentMatch {
        var match = DocumentMatch()
        func add(_ term: Int32) {
            guard let posting = storage.posting(of: term, in: document) else { return }
            storage.appendPositions(of: posting, to: &match.positions, limit: Self.snippetPositions)
            match.terms.append(term)
        }
        for slot in plan.slots {
            for source in slot.terms { add(source.term) }
            for source in slot.phrases where hasAllWords(of: plan.phrases[source.phrase], in: document) {
                for word in plan.phrases[source.phrase].words { word.forEach(add) }
            }
        }
        match.positions.sort()
        match.terms.sort()
        return match
    }

    /// The proximity bonus: for each pair of consecutive word slots found in
    /// the document, `proximityWeight × mean IDF / distance` when the closest
    /// occurrences are at most `proximityMaxDistance` apart. A slot's
    /// occurrences are those of its best-quality source in the document (its
    /// sources are sorted best first), completions of the last word excepted,
    /// and only the first `proximityPositions` of them.
    ///
    /// - Complexity: O(*s* log *p* + *q*) for *s* sources tried and *q* positions.
    func proximityBonus(_ document: Int32, plan: QueryPlan, scratch: inout [[UInt32]]) -> Float {
        if scratch.count < plan.slots.count { scratch = Array(repeating: [], count: plan.slots.count) }
        var bonus: Float = 0
        var previous: Int?
        for (s, slot) in plan.slots.enumerated() where !slot.isPhrase {
            scratch[s].removeAll(keepingCapacity: true)
            for source in slot.terms where source.quality != .prefix {
                guard let posting = storage.posting(of: source.term, in: document) else { continue }
                storage.appendPositions(of: posting, to: &scratch[s], limit: Ranking.proximityPositions)
                break
            }
            guard !scratch[s].isEmpty else { continue }
            if let p = previous, let distance = Self.closestDistance(scratch[p], scratch[s]),
               distance <= Ranking.proximityMaxDistance {
                bonus += Ranking.proximityWeight * (plan.slots[p].idf + slot.idf) / 2 / Float(distance)
            }
            previous = s
        }
        return bonus
    }

    /// The bonus for a document whose title is the query, word for word in any order:
    /// every slot is a word, the title holds as many indexed words as there are slots,
    /// and each slot matches inside the title exactly, as a synonym or as a stem variant
    /// (not through a correction or a completion). "expired card" then puts the code
    /// named "Expired card" above "Expired card, pick up".
    ///
    /// - Complexity: O(slots × sources × positions before the title's end); the title's
    ///   length is checked first, so most documents cost one comparison.
    func exactTitleBonus(_ document: Int32, plan: QueryPlan) -> Float {
        let fieldCount = storage.fieldCount, title = storage.titleField, d = Int(document)
        guard !plan.slots.isEmpty, plan.slots.allSatisfy({ !$0.isPhrase }),
              Int(storage.fieldLengths[d * fieldCount + title]) == plan.slots.count else { return 0 }
        let titleRange = titlePositions(document)
        var idfSum: Float = 0
        for slot in plan.slots {
            guard matchesTitle(slot, document, titleRange) else { return 0 }
            idfSum += slot.idf
        }
        return Ranking.exactTitleWeight * idfSum / Float(plan.slots.count)
    }

    /// The slots of the plan whose word is an action word ("cancel", "void", "refund"):
    /// one of its exact, synonym or stem sources has an action stem of the analyzer.
    func actionSlots(_ plan: QueryPlan) -> [Int] {
        slots(plan, withStemIn: storage.analyzer.actionStems)
    }

    /// The slots of the plan whose word names a subject ("password", "2fa", "email").
    func subjectSlots(_ plan: QueryPlan) -> [Int] {
        slots(plan, withStemIn: storage.analyzer.subjectStems)
    }

    /// The word slots one of whose exact, synonym or stem sources has a stem in `stems`.
    private func slots(_ plan: QueryPlan, withStemIn stems: Set<String>) -> [Int] {
        guard !stems.isEmpty else { return [] }
        return plan.slots.indices.filter { k in
            !plan.slots[k].isPhrase && plan.slots[k].terms.contains { source in
                source.quality <= .stemmed && stems.contains(storage.stems.string(storage.termGroups[Int(source.term)]))
            }
        }
    }

    /// The bonus for the action words of the query found in a document's title: the
    /// action names the topic more strongly than a time or state word beside it, so "cancel
    /// after settlement" prefers "How do I cancel a transaction?" to the settlement times.
    /// `actionTitleWeight × IDF` per action slot matched in the title (as in
    /// ``exactTitleBonus(_:plan:)``, not through a correction or a completion).
    /// When the query names subjects, only a title naming one of them gets the bonus.
    func actionTitleBonus(_ document: Int32, plan: QueryPlan, actionSlots: [Int], subjectSlots: [Int]) -> Float {
        guard !actionSlots.isEmpty else { return 0 }
        let titleRange = titlePositions(document)
        if !subjectSlots.isEmpty, !subjectSlots.contains(where: { matchesTitle(plan.slots[$0], document, titleRange) }) {
            return 0
        }
        var idfSum: Float = 0
        for k in actionSlots where matchesTitle(plan.slots[k], document, titleRange) {
            idfSum += plan.slots[k].idf
        }
        return Ranking.actionTitleWeight * idfSum
    }

    /// Whether the query names a document that has an identifier (a response code) other
    /// than by the identifier itself: its word slots matched in the title are as many as the
    /// title's words (the query holds its name), or one of its words is in at most
    /// `namingWordFrequency` documents and this one holds it (words only it matches).
    /// Matches count exactly, as synonyms or as stem variants, as in ``matchesTitle``.
    func namesSpecificDocument(_ document: Int32, plan: QueryPlan) -> Bool {
        let titleRange = titlePositions(document)
        let titleLength = Int(storage.fieldLengths[Int(document) * storage.fieldCount + storage.titleField])
        let rareIDF = Ranking.idf(documentFrequency: Ranking.namingWordFrequency, documentCount: documentCount)
        var inTitle = 0
        for slot in plan.slots where !slot.isPhrase {
            if matchesTitle(slot, document, titleRange) { inTitle += 1 }
            if slot.idf >= rareIDF,
               slot.terms.contains(where: { $0.quality <= .stemmed && storage.posting(of: $0.term, in: document) != nil }) {
                return true
            }
        }
        return inTitle >= titleLength
    }

    /// The positions of a document's title field.
    private func titlePositions(_ document: Int32) -> Range<UInt32> {
        let fieldCount = storage.fieldCount, title = storage.titleField, d = Int(document)
        let start = storage.fieldPositionBases[d * fieldCount + title]
        let end = title + 1 < fieldCount ? storage.fieldPositionBases[d * fieldCount + title + 1] : UInt32.max
        return start..<end
    }

    /// Whether a slot matches inside the title exactly, as a synonym or as a stem variant.
    private func matchesTitle(_ slot: QueryPlan.Slot, _ document: Int32, _ titleRange: Range<UInt32>) -> Bool {
        slot.terms.contains { source in
            guard source.quality <= .stemmed, let posting = storage.posting(of: source.term, in: document) else { return false }
            return storage.hasPosition(of: posting, in: titleRange)
        }
    }

    /// The smallest distance from a position in `first` to one in `second`:
    /// `b - a` when `b` follows `a`, `a - b + 1` when it precedes it.
    ///
    /// - Complexity: O(*m* + *n*).
    static func closestDistance(_ first: [UInt32], _ second: [UInt32]) -> UInt32? {
        var best: UInt32?
        var i = 0, j = 0
        while i < first.count, j < second.count {
            let a = first[i], b = second[j]
            let distance = b > a ? b - a : a - b + 1
            best = min(best ?? distance, distance)
            if a < b { i += 1 } else { j += 1 }
        }
        return best
    }
}
