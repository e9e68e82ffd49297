extension IndexBuilder {
    /// The terms grouped by Snowball stem: each distinct term is stemmed once (a term
    /// with a digit or punctuation is its own stem); groups are numbered in first-seen
    /// order of the sorted terms.
    struct StemGroups {
        /// The stem of each group.
        private(set) var stems: TermTable
        /// The group of each term.
        private(set) var termGroups: ContiguousArray<Int32>
        /// Each group's range in `groupTerms` (one more element than groups).
        private(set) var groupTermStarts: ContiguousArray<UInt32>
        /// The terms of each group, ascending.
        private(set) var groupTerms: ContiguousArray<Int32>

        init(terms: TermTable, analyzer: Analyzer) {
            let termCount = terms.count
            var stems = TermTable(capacity: termCount)
            termGroups = ContiguousArray(repeating: 0, count: termCount)
            for term in 0..<Int32(termCount) {
                termGroups[Int(term)] = terms.withKey(term) { bytes in
                    if Analyzer.isStemmable(bytes) {
                        let stem = analyzer.stemmer.stem(bytes)
                        return stem.withUnsafeBufferPointer { stems.insert($0).id }
                    }
                    return stems.insert(bytes).id
                }
            }
            self.stems = stems
            let groupCount = stems.count
            groupTermStarts = ContiguousArray(repeating: 0, count: groupCount + 1)
            for group in termGroups { groupTermStarts[Int(group) + 1] += 1 }
            for g in 0..<groupCount { groupTermStarts[g + 1] += groupTermStarts[g] }
            var groupCursor = groupTermStarts.map { Int($0) }
            groupTerms = ContiguousArray(repeating: 0, count: termCount)
            for term in 0..<termCount {
                let group = Int(termGroups[term])
                groupTerms[groupCursor[group]] = Int32(term)
                groupCursor[group] += 1
            }
        }

        /// The documents holding any term of each group.
        func documentFrequencies(postings: Postings, documentCount: Int) -> ContiguousArray<Int32> {
            let groupCount = stems.count
            var frequencies = ContiguousArray<Int32>(repeating: 0, count: groupCount)
            var documentStamp = [Int32](repeating: -1, count: documentCount)
            for g in 0..<groupCount {
                var frequency: Int32 = 0
                for k in Int(groupTermStarts[g])..<Int(groupTermStarts[g + 1]) {
                    for p in postings.range(of: Int(groupTerms[k])) {
                        let doc = Int(postings.documents[p])
                        if documentStamp[doc] != Int32(g) {
                            documentStamp[doc] = Int32(g)
                            frequency += 1
                        }
                    }
                }
                frequencies[g] = frequency
            }
            return frequencies
        }
    }
}
