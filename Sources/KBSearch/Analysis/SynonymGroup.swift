/// Members that mean the same, each analyzed into terms.
struct SynonymGroup: Sendable {
    struct Member: Sendable {
        /// Folded, unstemmed terms.
        var terms: [String]
        /// Position of each term relative to the first (stop words leave gaps).
        var offsets: [Int]
        /// The stem of each term, used to recognise the member in a query.
        var stems: [String]
    }

    var members: [Member]
}
