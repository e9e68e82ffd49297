/// A byte trie over the letter-only terms of the dictionary, walked with a
/// Damerau–Levenshtein (optimal string alignment) row per node to find the
/// terms within a few edits of a word.
///
/// Nodes are stored in preorder in three parallel arrays: a node's children
/// follow it, and `subtreeEnds[i]` is the index just past its subtree, so a
/// branch whose best distance already exceeds the budget is skipped in O(1).
///
/// - Complexity: a lookup visits only the nodes whose prefix is within
///   `maxEdits` of a prefix of the word, O(*m*) work each for a word of *m*
///   bytes; it never scans the whole dictionary.
struct TermTrie: Sendable {
    /// The byte on the edge into each node (0 for the root).
    private(set) var labels: ContiguousArray<UInt8> = [0]
    /// Index just past each node's subtree.
    private(set) var subtreeEnds: ContiguousArray<Int32> = [1]
    /// The term ending at each node, or -1.
    private(set) var termIDs: ContiguousArray<Int32> = [-1]

    /// Builds the trie from terms given in ascending byte order.
    init<S: Sequence>(sortedTerms: S) where S.Element == (id: Int32, bytes: UnsafeBufferPointer<UInt8>) {
        var path: [Int] = [0]          // node index at each depth
        var previous: [UInt8] = []
        for (id, bytes) in sortedTerms {
            var common = 0
            while common < min(previous.count, bytes.count), previous[common] == bytes[common] { common += 1 }
            while path.count > common + 1 {
                subtreeEnds[path.removeLast()] = Int32(labels.count)
            }
            for k in common..<bytes.count {
                path.append(labels.count)
                labels.append(bytes[k])
                subtreeEnds.append(0)
                termIDs.append(-1)
            }
            termIDs[path[path.count - 1]] = id
            previous = Array(bytes)
        }
        while let node = path.popLast() { subtreeEnds[node] = Int32(labels.count) }
    }

    /// Number of nodes, the root included.
    var nodeCount: Int { labels.count }

    /// Bytes of memory held.
    var byteSize: Int { labels.capacity + subtreeEnds.capacity * 4 + termIDs.capacity * 4 }

    /// Calls `body` with every term within `maxEdits` edits of `word`
    /// (insertions, deletions, substitutions and adjacent transpositions);
    /// with `keepingFirstByte`, only terms that start with the word's first byte.
    func forEachTerm(
        within maxEdits: Int, of word: UnsafeBufferPointer<UInt8>, keepingFirstByte: Bool = false,
        _ body: (_ term: Int32, _ distance: Int) -> Void
    ) {
        let m = word.count
        guard m > 0, maxEdits >= 0 else { return }
        let maxDepth = m + maxEdits
        let width = m + 1
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: (maxDepth + 1) * width) { rows in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: maxDepth + 2) { ends in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDepth + 2) { path in
                    for j in 0...m { rows[j] = Int32(j) }
                    labels.withUnsafeBufferPointer { labels in
                        subtreeEnds.withUnsafeBufferPointer { subtreeEnds in
                            termIDs.withUnsafeBufferPointer { termIDs in
                                var depth = 0
                                ends[0] = Int32(labels.count)
                                var i = 1
                                let limit = Int32(maxEdits)
                                while i < labels.count {
                                    while depth > 0, Int32(i) >= ends[depth] { depth -= 1 }
                                    let d = depth + 1
                                    let c = labels[i]
                                    if d == 1, keepingFirstByte, c != word[0] {
                                        i = Int(subtreeEnds[i])
                                        continue
                                    }
                                    path[d] = c
                                    let row = d * width, above = row - width
                                    // Only cells within `maxEdits` of the diagonal can stay in budget:
                                    // compute those, and fence the band with over-budget sentinels.
                                    let low = max(1, d - maxEdits), high = min(m, d + maxEdits)
                                    rows[row] = Int32(d)
                                    if low > 1 { rows[row + low - 1] = limit + 1 }
                                    var best = low == 1 ? rows[row] : limit + 1
                                    for j in low...high {
                                        let cost: Int32 = word[j - 1] == c ? 0 : 1
                                        var value = min(rows[above + j] + 1, rows[row + j - 1] + 1, rows[above + j - 1] + cost)
                                        if d > 1, j > 1, c == word[j - 2], path[d - 1] == word[j - 1] {
                                            value = min(value, rows[above - width + j - 2] + 1)
                                        }
                                        rows[row + j] = value
                                        best = min(best, value)
                                    }
                                    if high < m { rows[row + high + 1] = limit + 1 }
                                    if termIDs[i] >= 0, high == m, rows[row + m] <= limit {
                                        body(termIDs[i], Int(rows[row + m]))
                                    }
                                    if best > limit || d >= maxDepth {
                                        i = Int(subtreeEnds[i])
                                    } else {
                                        ends[d] = subtreeEnds[i]
                                        depth = d
                                        i += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
