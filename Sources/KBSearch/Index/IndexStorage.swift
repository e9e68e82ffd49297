/// The immutable arrays of a built index, shared by every copy of a
/// ``SearchIndex`` and read without locks.
///
/// Ids are dense: documents `0..<documentCount` in input order, terms
/// `0..<termCount` in ascending byte order, stem groups in first-seen order.
/// Ranges are stored as start offsets with one extra element at the end, so
/// the entries of item `i` are `start[i]..<start[i + 1]`.
final class IndexStorage: Sendable {
    /// The schema the index was built with.
    let schema: SearchSchema
    /// The analyzer used for documents and queries.
    let analyzer: Analyzer
    /// The facet names as the query parser compares them.
    let facetKeys: [String]

    // Documents
    let documentIDs: [String]
    let fieldCount: Int
    let fieldWeights: [Float]
    let averageFieldLengths: [Float]
    /// Indexed tokens of field `f` in document `d`, at `d * fieldCount + f`.
    let fieldLengths: ContiguousArray<UInt32>
    /// First position of field `f` in document `d`, at `d * fieldCount + f`.
    let fieldPositionBases: ContiguousArray<UInt32>
    /// The text snippets are cut from, per document.
    let snippetTexts: [String]
    /// The field index of each document's snippet text.
    let snippetFields: ContiguousArray<UInt8>
    /// The fields suggestions search (bit per field): the highest-weighted
    /// fields and the identifier fields.
    let titleFieldMask: UInt16
    /// The first highest-weighted field, shown by suggestions.
    let titleField: Int
    /// The text of `titleField` per document.
    let titleTexts: [String]
    /// Restart points into each snippet text, about every 16 positions.
    let checkpointStarts: ContiguousArray<UInt32>
    let checkpointPositions: ContiguousArray<UInt32>
    let checkpointOffsets: ContiguousArray<UInt32>

    // Terms
    /// Folded, unstemmed terms in ascending byte order.
    let terms: TermTable
    /// The stem group of each term.
    let termGroups: ContiguousArray<Int32>
    /// The stem of each group.
    let stems: TermTable
    /// The terms of each group.
    let groupTermStarts: ContiguousArray<UInt32>
    let groupTerms: ContiguousArray<Int32>
    /// Documents holding any term of each group.
    let groupDocumentFrequencies: ContiguousArray<Int32>
    /// Letter-only terms of 3+ bytes, for typo tolerance.
    let trie: TermTrie

    // Postings, grouped by term, by ascending document within a term.
    let postingStarts: ContiguousArray<UInt32>
    let postingDocuments: ContiguousArray<Int32>
    /// BM25F term weight, already saturated: tf'·(k1+1)/(tf'+k1).
    let postingWeights: ContiguousArray<Float>
    /// Bit `f` set when the term occurs in field `f`.
    let postingFieldMasks: ContiguousArray<UInt16>
    /// The largest posting weight of each term: the bound the pruned any-word
    /// match (``SearchIndex/disjunctiveMatch(_:keep:prunedShare:)``) ranks its sources by.
    /// Derived from `postingWeights` when the storage is made.
    let termMaxWeights: ContiguousArray<Float>
    /// Byte offsets into `positionBytes` (one per posting, plus the end).
    let positionStarts: ContiguousArray<UInt32>
    /// Positions of each posting, ascending, as LEB128 deltas.
    let positionBytes: ContiguousArray<UInt8>

    // Identifiers and facets
    /// Folded identifier (terms joined by spaces) to documents.
    let identifiers: [String: [Int32]]
    let facets: [FacetIndex]

    init(
        schema: SearchSchema, analyzer: Analyzer,
        documentIDs: [String], fieldCount: Int, fieldWeights: [Float], averageFieldLengths: [Float],
        fieldLengths: ContiguousArray<UInt32>, fieldPositionBases: ContiguousArray<UInt32>,
        snippetTexts: [String], snippetFields: ContiguousArray<UInt8>,
        titleFieldMask: UInt16, titleField: Int, titleTexts: [String],
        checkpointStarts: ContiguousArray<UInt32>, checkpointPositions: ContiguousArray<UInt32>,
        checkpointOffsets: ContiguousArray<UInt32>,
        terms: TermTable, termGroups: ContiguousArray<Int32>, stems: TermTable,
        groupTermStarts: ContiguousArray<UInt32>, groupTerms: ContiguousArray<Int32>,
        groupDocumentFrequencies: ContiguousArray<Int32>, trie: TermTrie,
        postingStarts: ContiguousArray<UInt32>, postingDocuments: ContiguousArray<Int32>,
        postingWeights: ContiguousArray<Float>, postingFieldMasks: ContiguousArray<UInt16>,
        positionStarts: ContiguousArray<UInt32>, positionBytes: ContiguousArray<UInt8>,
        identifiers: [String: [Int32]], facets: [FacetIndex]
    ) {
        self.schema = schema
        self.analyzer = analyzer
        self.facetKeys = schema.facets.map { IndexBuilder.key($0) }
        self.documentIDs = documentIDs
        self.fieldCount = fieldCount
        self.fieldWeights = fieldWeights
        self.averageFieldLengths = averageFieldLengths
        self.fieldLengths = fieldLengths
        self.fieldPositionBases = fieldPositionBases
        self.snippetTexts = snippetTexts
        self.snippetFields = snippetFields
        self.titleFieldMask = titleFieldMask
        self.titleField = titleField
        self.titleTexts = titleTexts
        self.checkpointStarts = checkpointStarts
        self.checkpointPositions = checkpointPositions
        self.checkpointOffsets = checkpointOffsets
        self.terms = terms
        self.termGroups = termGroups
        self.stems = stems
        self.groupTermStarts = groupTermStarts
        self.groupTerms = groupTerms
        self.groupDocumentFrequencies = groupDocumentFrequencies
        self.trie = trie
        self.postingStarts = postingStarts
        self.postingDocuments = postingDocuments
        self.postingWeights = postingWeights
        self.postingFieldMasks = postingFieldMasks
        self.termMaxWeights = Self.maxWeights(starts: postingStarts, weights: postingWeights)
        self.positionStarts = positionStarts
        self.positionBytes = positionBytes
        self.identifiers = identifiers
        self.facets = facets
    }

    var documentCount: Int { documentIDs.count }

    /// The largest of each term's posting weights (0 for a term without postings).
    ///
    /// - Complexity: O(*p*) for *p* postings.
    static func maxWeights(starts: ContiguousArray<UInt32>, weights: ContiguousArray<Float>) -> ContiguousArray<Float> {
        let termCount = max(0, starts.count - 1)
        var result = ContiguousArray<Float>(repeating: 0, count: termCount)
        weights.withUnsafeBufferPointer { weights in
            for t in 0..<termCount {
                var best: Float = 0
                for p in Int(starts[t])..<Int(starts[t + 1]) where weights[p] > best { best = weights[p] }
                result[t] = best
            }
        }
        return result
    }

    /// The posting range of a term.
    @inline(__always)
    func postings(of term: Int32) -> Range<Int> {
        Int(postingStarts[Int(term)])..<Int(postingStarts[Int(term) + 1])
    }

    /// Documents holding the term.
    @inline(__always)
    func documentFrequency(of term: Int32) -> Int {
        postings(of: term).count
    }

    /// The terms of a stem group.
    func terms(ofGroup group: Int32) -> Range<Int> {
        Int(groupTermStarts[Int(group)])..<Int(groupTermStarts[Int(group) + 1])
    }

    /// The posting of `term` in `document`, by binary search.
    ///
    /// - Complexity: O(log *n*) in the term's document frequency.
    func posting(of term: Int32, in document: Int32) -> Int? {
        postingDocuments.withUnsafeBufferPointer { docs in
            var low = Int(postingStarts[Int(term)]), high = Int(postingStarts[Int(term) + 1])
            while low < high {
                let mid = (low + high) >> 1
                if docs[mid] < document { low = mid + 1 } else { high = mid }
            }
            return low < Int(postingStarts[Int(term) + 1]) && docs[low] == document ? low : nil
        }
    }

    /// Appends the decoded positions of a posting to `positions`, at most `limit` of them.
    func appendPositions(of posting: Int, to positions: inout [UInt32], limit: Int = .max) {
        let lower = Int(positionStarts[posting]), upper = Int(positionStarts[posting + 1])
        positionBytes.withUnsafeBufferPointer { bytes in
            var k = lower
            var value: UInt32 = 0
            var count = 0
            while k < upper, count < limit {
                value &+= Self.varint(bytes, at: &k)
                positions.append(value)
                count += 1
            }
        }
    }

    /// Whether a posting has a position in `range`. Positions ascend, so decoding stops
    /// at the first one at or past the range's start.
    func hasPosition(of posting: Int, in range: Range<UInt32>) -> Bool {
        let lower = Int(positionStarts[posting]), upper = Int(positionStarts[posting + 1])
        return positionBytes.withUnsafeBufferPointer { bytes in
            var k = lower
            var value: UInt32 = 0
            while k < upper {
                value &+= Self.varint(bytes, at: &k)
                if value >= range.lowerBound { return value < range.upperBound }
            }
            return false
        }
    }

    /// The LEB128 number at `k` in `bytes` (a position delta); moves `k` past it.
    @inline(__always)
    static func varint(_ bytes: UnsafeBufferPointer<UInt8>, at k: inout Int) -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let b = bytes[k]
            k += 1
            value |= UInt32(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    /// Bytes of memory held by the index (stored snippet texts included).
    var byteSize: Int {
        byteSizes.reduce(0) { $0 + $1.bytes }
    }

    /// Bytes held by each part of the index.
    var byteSizes: [(name: String, bytes: Int)] {
        func size<T>(_ arrays: ContiguousArray<T>...) -> Int {
            arrays.reduce(0) { $0 + $1.capacity * MemoryLayout<T>.stride }
        }
        func strings(_ values: [String]) -> Int {
            values.reduce(0) { $0 + 16 + ($1.utf8.count > 15 ? $1.utf8.count : 0) }
        }
        return [
            ("terms (sorted bytes, offsets, hash slots)", terms.byteSize),
            ("stems and stem groups", stems.byteSize + size(termGroups, groupTerms, groupDocumentFrequencies)
                + size(groupTermStarts)),
            ("typo trie", trie.byteSize),
            ("posting starts", size(postingStarts)),
            ("posting documents", size(postingDocuments)),
            ("posting weights", size(postingWeights)),
            ("posting field masks", size(postingFieldMasks)),
            ("term max weights", size(termMaxWeights)),
            ("position starts", size(positionStarts)),
            ("positions (LEB128 deltas)", size(positionBytes)),
            ("field lengths and position bases", size(fieldLengths, fieldPositionBases)),
            ("snippet restart points", size(checkpointStarts, checkpointPositions, checkpointOffsets) + size(snippetFields)),
            ("document ids", strings(documentIDs)),
            ("snippet texts", strings(snippetTexts)),
            ("title texts", strings(titleTexts)),
            ("identifiers and facets", identifiers.reduce(0) { $0 + 48 + $1.key.utf8.count + $1.value.count * 4 }
                + facets.reduce(0) { $0 + $1.byteSize }),
        ]
    }
}
