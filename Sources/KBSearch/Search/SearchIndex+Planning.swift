extension SearchIndex {
    /// Resolves a parsed query against the index.
    ///
    /// - Parameters:
    ///   - minimumPrefix: bytes the last word needs before it is expanded as a prefix.
    ///   - completesStopWords: whether a stop word typed last is still completed
    ///     ("i" → "insufficient"), as suggestions do.
    func makePlan(
        _ parser: QueryParser, options: SearchOptions, minimumPrefix: Int = Ranking.minimumPrefixBytes,
        completesStopWords: Bool = false
    ) -> QueryPlan {
        var plan = QueryPlan()
        let entries = wordEntries(parser, completesStopWords: completesStopWords, pinned: &plan.pinned)

        for entry in entries where plan.slots.count < Self.maxSlots {
            if let parts = entry.parts {
                plan.slots.append(compoundSlot(entry.term, parts: parts, plan: &plan))
                continue
            }
            var slot = QueryPlan.Slot()
            let word = entry.isStopWord ? (sources: [], frequency: 0) : wordSources(entry.term)
            slot.terms = word.sources
            slot.wordFrequency = word.frequency
            let isTypoEligible = options.typoTolerance && !entry.hasDigit && !entry.isStopWord
                && entry.term.unicodeScalars.count >= Ranking.minimumTypoCharacters
            var planned = QueryPlan.Word(slot: plan.slots.count, term: entry.term, utf8Range: entry.utf8Range,
                                         frequency: word.frequency, isTypoEligible: isTypoEligible)
            if options.prefixMatching, entry.isLast, entry.term.utf8.count >= minimumPrefix {
                // A word that is already known needs fewer completions than a fragment.
                let completions = prefixSources(of: entry.term, limit: word.frequency > 0
                    ? Ranking.maxPrefixExpansionsOfKnownWord : Ranking.maxPrefixExpansions)
                slot.terms += completions
                planned.hasPrefixExpansion = !completions.isEmpty
            }
            // A last word with completions is being typed, not misspelled.
            if isTypoEligible, word.frequency == 0, !planned.hasPrefixExpansion {
                let corrections = corrections(of: entry.term, moreFrequentThan: 0)
                planned.corrections = corrections
                slot.terms += fuzzySources(corrections)
            }
            plan.words.append(planned)
            plan.slots.append(slot)
        }
        addSynonyms(to: &plan)
        for k in plan.slots.indices where !plan.slots[k].isPhrase { finishSlot(&plan.slots[k]) }

        // Quoted phrases.
        for item in parser.items where item.kind == .phrase && plan.slots.count < Self.maxSlots {
            let terms = analyzedTerms(item.text)
            if terms.count == 1 {
                var slot = QueryPlan.Slot()
                (slot.terms, slot.wordFrequency) = wordSources(terms[0].term)
                finishSlot(&slot)
                plan.slots.append(slot)
            } else if terms.count > 1 {
                // A phrase with an unknown word keeps an empty slot: it matches nothing.
                var slot = QueryPlan.Slot(isPhrase: true)
                if let phrase = makePhrase(terms) {
                    plan.phrases.append(phrase)
                    slot.phrases = [.init(phrase: plan.phrases.count - 1, weight: Ranking.exactWeight, quality: .exact)]
                    slot.idf = phrase.idf
                }
                plan.slots.append(slot)
            }
        }

        addExclusions(parser, to: &plan)
        addFilters(parser, options: options, to: &plan)
        return plan
    }

    /// Slots a query can have: bits 0–29 of a document's match mask.
    static var maxSlots: Int { 30 }

    /// A plain query word after analysis.
    private struct Entry {
        var term: String
        var utf8Range: Range<Int>
        var hasDigit: Bool
        var isStopWord = false
        /// The last word of a query that ends inside it (search as you type).
        var isLast = false
        /// For an e-mail or URL: its parts.
        var parts: [(term: String, position: Int)]?
    }

    /// The plain words, analyzed with positions that run on across words; also
    /// finds the documents whose identifier is a word or the whole query.
    private func wordEntries(_ parser: QueryParser, completesStopWords: Bool, pinned: inout [Int32]) -> [Entry] {
        var entries: [Entry] = []
        var identifierWords: [String] = []
        var found = Set<Int32>()
        let hasIdentifiers = !storage.identifiers.isEmpty
        var position = 0
        let lastItem = parser.endsInWord && parser.items.last?.kind == .word ? parser.items.count - 1 : nil
        for (k, item) in parser.items.enumerated() where item.kind == .word {
            var compound: Int?
            var lastToken: Entry?
            position = Tokenizer.forEachToken(in: item.text, firstPosition: position) { token in
                let term = String(decoding: token.term, as: UTF8.self)
                let range = (item.utf8Start + token.start)..<(item.utf8Start + token.end)
                if hasIdentifiers, let documents = storage.identifiers[term] { found.formUnion(documents) }
                lastToken = nil
                if token.isCompound {
                    entries.append(Entry(term: term, utf8Range: range, hasDigit: token.hasDigit, parts: []))
                    compound = entries.count - 1
                    return true
                }
                identifierWords.append(term)
                if let c = compound, entries[c].utf8Range.lowerBound == item.utf8Start + token.unitStart {
                    entries[c].parts?.append((term, token.position))
                    return true
                }
                compound = nil
                let entry = Entry(term: term, utf8Range: range, hasDigit: token.hasDigit,
                                  isStopWord: storage.analyzer.isStopWord(term, hasDigit: token.hasDigit))
                if entry.isStopWord { lastToken = entry } else { entries.append(entry) }
                return true
            }
            if k == lastItem {
                if var stopWord = lastToken, completesStopWords {
                    stopWord.isLast = true
                    entries.append(stopWord)
                } else if lastToken == nil, let last = entries.indices.last, entries[last].parts == nil,
                          entries[last].utf8Range.upperBound == item.utf8Start + item.text.utf8.count {
                    entries[last].isLast = true
                }
            }
        }
        if hasIdentifiers {
            let key = identifierWords.filter { !storage.schema.identifierFillerWords.contains($0) }.joined(separator: " ")
            if let documents = storage.identifiers[key] { found.formUnion(documents) }
        }
        pinned = found.sorted()
        return entries
    }

    /// An e-mail or URL: the whole term, or its parts as a phrase.
    private func compoundSlot(_ term: String, parts: [(term: String, position: Int)], plan: inout QueryPlan) -> QueryPlan.Slot {
        var slot = QueryPlan.Slot()
        if let whole = storage.terms.id(of: term) {
            slot.terms.append(.init(term: whole, weight: Ranking.exactWeight, quality: .exact))
            slot.idf = idf(storage.documentFrequency(of: whole))
        }
        if parts.count > 1, let phrase = makePhrase(parts.map { ($0.term, $0.position) }) {
            plan.phrases.append(phrase)
            slot.phrases.append(.init(phrase: plan.phrases.count - 1, weight: Ranking.compoundPartsWeight, quality: .exact))
            if slot.idf == 0 { slot.idf = phrase.idf }
        }
        slot.isPhrase = true
        return slot
    }

    /// Sorts a word slot's sources best quality first and sets its IDF from
    /// its most frequent alternative.
    func finishSlot(_ slot: inout QueryPlan.Slot) {
        slot.terms.sort { $0.quality < $1.quality }
        var frequency = slot.wordFrequency
        for source in slot.terms {
            frequency = max(frequency, Int(storage.groupDocumentFrequencies[Int(storage.termGroups[Int(source.term)])]))
        }
        slot.idf = idf(frequency)
    }

    /// The exact term (weight 1) and its stem variants (stemmed weight), and
    /// the number of documents holding any of them.
    func wordSources(_ term: String) -> (sources: [QueryPlan.TermSource], frequency: Int) {
        let exact = storage.terms.id(of: term)
        var group = exact.map { storage.termGroups[Int($0)] }
        if group == nil, Analyzer.isStemmable(term) {
            group = storage.stems.id(of: storage.analyzer.stemmer.stem(term))
        }
        guard let group else { return ([], 0) }
        var sources: [QueryPlan.TermSource] = []
        for k in storage.terms(ofGroup: group) {
            let id = storage.groupTerms[k]
            sources.append(id == exact
                ? .init(term: id, weight: Ranking.exactWeight, quality: .exact)
                : .init(term: id, weight: Ranking.stemmedWeight, quality: .stemmed))
        }
        return (sources, Int(storage.groupDocumentFrequencies[Int(group)]))
    }

    func idf(_ documentFrequency: Int) -> Float {
        Ranking.idf(documentFrequency: documentFrequency, documentCount: documentCount)
    }

    /// Terms within 1 edit (4+ characters) or 2 edits (8+ characters, same
    /// first letter, tried only when nothing is within 1) in more than
    /// `frequency` documents, most frequent first.
    func corrections(of term: String, moreFrequentThan frequency: Int) -> [(term: Int32, distance: Int)] {
        let characters = term.unicodeScalars.count
        guard characters >= Ranking.minimumTypoCharacters else { return [] }
        var found: [(term: Int32, distance: Int, frequency: Int)] = []
        var word = term
        word.withUTF8 { bytes in
            for edits in 1...(characters >= Ranking.minimumTwoEditsCharacters ? 2 : 1) where found.isEmpty {
                // Two edits keep the first letter: it bounds the walk, and first letters are rarely mistyped.
                storage.trie.forEachTerm(within: edits, of: bytes, keepingFirstByte: edits > 1) { id, distance in
                    let candidate = storage.documentFrequency(of: id)
                    guard distance > 0, candidate > frequency else { return }
                    found.append((id, distance, candidate))
                }
            }
        }
        found.sort {
            ($0.distance, -$0.frequency, $0.term) < ($1.distance, -$1.frequency, $1.term)
        }
        return found.prefix(Ranking.maxFuzzyExpansions).map { ($0.term, $0.distance) }
    }

    func fuzzySources(_ corrections: [(term: Int32, distance: Int)]) -> [QueryPlan.TermSource] {
        corrections.map {
            .init(term: $0.term, weight: $0.distance == 1 ? Ranking.oneEditWeight : Ranking.twoEditsWeight,
                  quality: .fuzzy)
        }
    }

    /// The `limit` most frequent terms that start with `term` (the term itself excluded).
    ///
    /// - Complexity: O(log *t* + *r*) for *r* terms with the prefix.
    func prefixSources(of term: String, limit: Int) -> [QueryPlan.TermSource] {
        var prefix = term
        let length = term.utf8.count
        let range = prefix.withUTF8 { storage.terms.range(withPrefix: $0) }
        var best: [(term: Int32, frequency: Int)] = []
        for id in range where storage.terms.length(id) != length {
            let frequency = storage.documentFrequency(of: id)
            if best.count == limit {
                guard frequency > best[best.count - 1].frequency else { continue }
                best.removeLast()
            }
            let at = best.firstIndex { $0.frequency < frequency } ?? best.count
            best.insert((id, frequency), at: at)
        }
        return best.map { .init(term: $0.term, weight: Ranking.prefixWeight, quality: .prefix) }
    }

    /// The terms of a quoted phrase or synonym member, with positions; stop words leave gaps.
    func analyzedTerms(_ text: String) -> [(term: String, position: Int)] {
        var terms: [(term: String, position: Int)] = []
        Tokenizer.forEachToken(in: text) { token in
            guard !token.isCompound else { return true }
            let term = String(decoding: token.term, as: UTF8.self)
            if !storage.analyzer.isStopWord(term, hasDigit: token.hasDigit) { terms.append((term, token.position)) }
            return true
        }
        return terms
    }

    /// A phrase whose words may each match their stem variants; nil when a word is unknown.
    func makePhrase(_ terms: [(String, Int)]) -> QueryPlan.Phrase? {
        guard let first = terms.first?.1 else { return nil }
        var phrase = QueryPlan.Phrase()
        for (term, position) in terms {
            let word = wordSources(term)
            guard !word.sources.isEmpty else { return nil }
            phrase.words.append(word.sources.map(\.term))
            phrase.offsets.append(UInt32(position - first))
            phrase.idf += idf(word.frequency)
        }
        return phrase
    }

    /// Adds the other members of each synonym group found in the plain words.
    private func addSynonyms(to plan: inout QueryPlan) {
        guard !storage.analyzer.synonyms.isEmpty, !plan.words.isEmpty else { return }
        let stems = plan.words.map { word -> String in
            if let id = storage.terms.id(of: word.term) { return storage.stems.string(storage.termGroups[Int(id)]) }
            return storage.analyzer.stem(word.term)
        }
        var i = 0
        while i < plan.words.count {
            var match: (group: Int, member: Int, length: Int)?
            for candidate in storage.analyzer.synonymsByFirstStem[stems[i]] ?? [] {
                let member = storage.analyzer.synonyms[candidate.group].members[candidate.member]
                let length = member.stems.count
                guard i + length <= plan.words.count, length > (match?.length ?? 0),
                      Array(stems[i..<(i + length)]) == member.stems else { continue }
                match = (candidate.group, candidate.member, length)
            }
            guard let match else { i += 1; continue }
            let slots = plan.words[i..<(i + match.length)].map(\.slot)
            let weight = Ranking.synonymWeight / Float(match.length)
            for (m, member) in storage.analyzer.synonyms[match.group].members.enumerated() where m != match.member {
                if member.terms.count == 1 {
                    let sources = wordSources(member.terms[0]).sources.map {
                        QueryPlan.TermSource(term: $0.term, weight: $0.weight * weight, quality: .synonym)
                    }
                    for slot in slots { plan.slots[slot].terms += sources }
                } else if let phrase = makePhrase(Array(zip(member.terms, member.offsets))) {
                    plan.phrases.append(phrase)
                    let source = QueryPlan.PhraseSource(phrase: plan.phrases.count - 1, weight: weight, quality: .synonym)
                    for slot in slots { plan.slots[slot].phrases.append(source) }
                }
            }
            i += match.length
        }
    }

    private func addExclusions(_ parser: QueryParser, to plan: inout QueryPlan) {
        for item in parser.items {
            switch item.kind {
            case .excludedWord:
                Tokenizer.forEachToken(in: item.text) { token in
                    let term = String(decoding: token.term, as: UTF8.self)
                    if token.isCompound {
                        if let id = storage.terms.id(of: term) { plan.excludedTerms.append(id) }
                    } else if !storage.analyzer.isStopWord(term, hasDigit: token.hasDigit) {
                        plan.excludedTerms += wordSources(term).sources.map(\.term)
                    }
                    return true
                }
            case .excludedPhrase:
                let terms = analyzedTerms(item.text)
                if terms.count == 1 {
                    plan.excludedTerms += wordSources(terms[0].term).sources.map(\.term)
                } else if let phrase = makePhrase(terms) {
                    plan.phrases.append(phrase)
                    plan.excludedPhrases.append(plan.phrases.count - 1)
                }
            default:
                break
            }
        }
    }

    /// Filters from the query text (one constraint per facet, its values ORed),
    /// then from the options; an unknown facet or value lets nothing pass.
    private func addFilters(_ parser: QueryParser, options: SearchOptions, to plan: inout QueryPlan) {
        var constraints: [(facet: Int, values: [String])] = []
        for item in parser.items {
            guard case .filter(let facet, let value) = item.kind else { continue }
            if let k = constraints.firstIndex(where: { $0.facet == facet }) {
                constraints[k].values.append(value)
            } else {
                constraints.append((facet, [value]))
            }
        }
        for (name, values) in options.filters.sorted(by: { $0.key < $1.key }) {
            let key = IndexBuilder.key(name)
            constraints.append((storage.schema.facets.firstIndex { IndexBuilder.key($0) == key } ?? -1, Array(values)))
        }
        for (facet, values) in constraints {
            guard facet >= 0 else {
                plan.filters.append((0, []))
                continue
            }
            plan.filters.append((facet, values.compactMap { storage.facets[facet].valueIDs[IndexBuilder.key($0)] }))
        }
    }
}
