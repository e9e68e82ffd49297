/// A matching document with the keys it is ranked by.
struct RankedDocument {
    var document: Int32
    var score: Float
    var isPinned: Bool
    /// The weakest of the matched slots' best qualities.
    var quality = MatchQuality.exact

    /// Identifier matches first, then score; ties by document order. When not every word is
    /// required, how many words a document matched is not a key of its own: the score sums
    /// each matched word's IDF-weighted match, so rare words count more than story words.
    @inline(__always)
    func ranks(above other: RankedDocument) -> Bool {
        if isPinned != other.isPinned { return isPinned }
        if score != other.score { return score > other.score }
        return document < other.document
    }

    /// Documents a ranking key can name.
    static let maxDocuments = 1 << 26

    /// The ranking as one integer, larger is better: pinned (1 bit), the score's
    /// bits (32; a non-negative float's bits order like the float) and the
    /// complement of the document (26 bits).
    @inline(__always)
    static func key(document: Int32, score: Float, isPinned: Bool) -> UInt64 {
        (isPinned ? 1 << 63 : 0) | UInt64(max(score, 0).bitPattern) << 26
            | UInt64(Int32(maxDocuments - 1) - document)
    }

    init(document: Int32, score: Float, isPinned: Bool) {
        self.document = document
        self.score = score
        self.isPinned = isPinned
    }

    init(key: UInt64) {
        document = Int32(Self.maxDocuments - 1) - Int32(key & UInt64(Self.maxDocuments - 1))
        score = Float(bitPattern: UInt32(truncatingIfNeeded: key >> 26))
        isPinned = key >> 63 != 0
    }
}
