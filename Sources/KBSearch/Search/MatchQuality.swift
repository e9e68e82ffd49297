/// How a query word matched a document, best first.
public enum MatchQuality: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// The folded word itself (or the document's identifier).
    case exact
    /// A member of a synonym group of the word.
    case synonym
    /// Another word with the same Snowball stem.
    case stemmed
    /// A dictionary word within 1 or 2 edits.
    case fuzzy
    /// A word starting with the last query word.
    case prefix

    public static func < (lhs: MatchQuality, rhs: MatchQuality) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
