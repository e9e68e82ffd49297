extension SearchIndex {
    /// Verifies the index's internal consistency and traps on the first
    /// violation: the dictionary is sorted and its hash finds every term,
    /// postings are sorted by document, positions ascend and lie in a field
    /// the posting's mask names, stem groups partition the terms, the typo trie
    /// and snippet restart points are well formed.
    ///
    /// Checks run in debug builds only; in release builds this does nothing.
    ///
    /// - Complexity: O(size of the index).
    public func _checkInvariants() {
        #if DEBUG
        let s = storage
        let n = s.documentCount
        let fieldCount = s.fieldCount
        precondition(s.fieldLengths.count == n * fieldCount && s.fieldPositionBases.count == n * fieldCount)
        precondition(s.snippetTexts.count == n && s.titleTexts.count == n && s.snippetFields.count == n)

        // Dictionary: strictly ascending, each term found by its own hash.
        for term in 0..<Int32(s.terms.count) {
            s.terms.withKey(term) { key in
                precondition(!key.isEmpty, "term \(term) is empty")
                precondition(s.terms.id(of: key) == term, "term \(term) is not found by its hash")
                if term > 0 {
                    s.terms.withKey(term - 1) { previous in
                        precondition(TermTable.compare(previous, key) < 0, "terms \(term - 1) and \(term) are out of order")
                    }
                }
            }
        }

        // Postings: ranges tile the arrays, documents ascend, weights and masks are sane.
        precondition(s.postingStarts.count == s.terms.count + 1 && s.postingStarts.first == 0)
        precondition(Int(s.postingStarts.last!) == s.postingDocuments.count)
        precondition(s.postingWeights.count == s.postingDocuments.count)
        precondition(s.postingFieldMasks.count == s.postingDocuments.count)
        precondition(s.positionStarts.count == s.postingDocuments.count + 1)
        precondition(Int(s.positionStarts.last!) == s.positionBytes.count)
        var positions: [UInt32] = []
        for term in 0..<Int32(s.terms.count) {
            let range = s.postings(of: term)
            precondition(!range.isEmpty, "term \(term) has no postings")
            for p in range {
                let document = s.postingDocuments[p]
                precondition(document >= 0 && Int(document) < n, "posting \(p) names document \(document)")
                precondition(p == range.lowerBound || s.postingDocuments[p - 1] < document,
                             "postings of term \(term) are not sorted by document")
                precondition(s.postingWeights[p] > 0 && s.postingWeights[p].isFinite, "posting \(p) has a bad weight")
                let mask = s.postingFieldMasks[p]
                precondition(mask != 0 && Int(mask) < 1 << fieldCount, "posting \(p) has field mask \(mask)")
                precondition(s.positionStarts[p] <= s.positionStarts[p + 1], "positions of posting \(p) overlap")
                positions.removeAll(keepingCapacity: true)
                s.appendPositions(of: p, to: &positions)
                precondition(!positions.isEmpty, "posting \(p) has no positions")
                var seen: UInt16 = 0
                for (k, position) in positions.enumerated() {
                    precondition(k == 0 || positions[k - 1] < position, "positions of posting \(p) do not ascend")
                    let base = Int(document) * fieldCount
                    var f = fieldCount - 1
                    while f > 0, s.fieldPositionBases[base + f] > position { f -= 1 }
                    precondition(position >= s.fieldPositionBases[base + f], "position \(position) precedes field 0")
                    if f + 1 < fieldCount {
                        precondition(position + UInt32(IndexBuilder.fieldGap) <= s.fieldPositionBases[base + f + 1],
                                     "position \(position) runs into the gap after field \(f)")
                    }
                    seen |= 1 << UInt16(f)
                }
                precondition(seen == mask, "posting \(p): positions lie in fields \(seen), mask says \(mask)")
            }
        }

        // Stem groups partition the terms; a group's frequency bounds its members'.
        precondition(s.termGroups.count == s.terms.count && s.groupTerms.count == s.terms.count)
        precondition(s.groupTermStarts.count == s.stems.count + 1)
        var memberships = [Int](repeating: 0, count: s.terms.count)
        for group in 0..<Int32(s.stems.count) {
            let members = s.terms(ofGroup: group)
            precondition(!members.isEmpty, "stem group \(group) is empty")
            let frequency = Int(s.groupDocumentFrequencies[Int(group)])
            precondition(frequency <= n, "stem group \(group) is in \(frequency) of \(n) documents")
            for k in members {
                let term = s.groupTerms[k]
                precondition(s.termGroups[Int(term)] == group, "term \(term) is listed in group \(group)")
                precondition(frequency >= s.documentFrequency(of: term), "group \(group) is rarer than term \(term)")
                memberships[Int(term)] += 1
            }
        }
        precondition(memberships.allSatisfy { $0 == 1 }, "a term is in no stem group or in two")

        // Trie: preorder subtrees nest; terminal nodes name real terms.
        let trie = s.trie
        precondition(Int(trie.subtreeEnds[0]) == trie.nodeCount)
        for node in 0..<trie.nodeCount {
            precondition(Int(trie.subtreeEnds[node]) > node && Int(trie.subtreeEnds[node]) <= trie.nodeCount)
            precondition(trie.termIDs[node] < Int32(s.terms.count))
        }

        // Snippet restart points ascend and point inside their text.
        precondition(s.checkpointStarts.count == n + 1)
        for d in 0..<n {
            let range = Int(s.checkpointStarts[d])..<Int(s.checkpointStarts[d + 1])
            let length = s.snippetTexts[d].utf8.count
            for k in range {
                precondition(Int(s.checkpointOffsets[k]) < length, "restart point \(k) is past the text")
                precondition(k == range.lowerBound || (s.checkpointPositions[k - 1] < s.checkpointPositions[k]
                    && s.checkpointOffsets[k - 1] < s.checkpointOffsets[k]), "restart points of \(d) do not ascend")
            }
        }

        // Facets: document values are valid ids.
        for facet in s.facets {
            precondition(facet.documentValueStarts.count == n + 1)
            precondition(facet.documentValues.allSatisfy { $0 >= 0 && Int($0) < facet.valueNames.count })
        }
        #endif
    }
}
