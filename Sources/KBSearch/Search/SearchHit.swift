/// One matching document.
public struct SearchHit: Sendable {
    /// Index of the document in the array the index was built from.
    public var documentIndex: Int
    /// The document's ``SearchDocument/id``.
    public var id: String
    /// Relevance: BM25F plus the proximity bonus. Hits are ordered by identifier
    /// match first, then (in any-word matching) by the number of query words
    /// matched, then by score.
    public var score: Double
    /// The best window of the snippet field, with the matched words highlighted.
    public var snippet: Snippet
    /// The weakest way a query word matched this document.
    public var matchQuality: MatchQuality

    /// Creates a hit.
    public init(documentIndex: Int, id: String, score: Double, snippet: Snippet, matchQuality: MatchQuality) {
        self.documentIndex = documentIndex
        self.id = id
        self.score = score
        self.snippet = snippet
        self.matchQuality = matchQuality
    }
}
