/// The outcome of ``SearchIndex/search(_:options:)``.
public struct SearchResults: Sendable {
    /// The query as searched: cut to ``SearchLimits`` when it was longer.
    public var query: String
    /// Documents matching, before paging.
    public var total: Int
    /// The requested page of hits, best first.
    public var hits: [SearchHit]
    /// For each facet, the number of matching documents (before paging) per value.
    public var facets: [String: [String: Int]]
    /// "Did you mean": the query with misspelled words corrected, when a word
    /// finds nothing (or the query finds little) and a more frequent close term exists.
    public var suggestion: String?
    /// True when the query was cut to ``SearchLimits/maxQueryCharacters`` or
    /// ``SearchLimits/maxQueryWords``.
    public var wasTruncated: Bool
    /// The words, phrases, exclusions and filters found in the query.
    public var parsed: ParsedQuery

    /// Creates results.
    public init(
        query: String, total: Int, hits: [SearchHit], facets: [String: [String: Int]] = [:],
        suggestion: String? = nil, wasTruncated: Bool = false, parsed: ParsedQuery = ParsedQuery()
    ) {
        self.query = query
        self.total = total
        self.hits = hits
        self.facets = facets
        self.suggestion = suggestion
        self.wasTruncated = wasTruncated
        self.parsed = parsed
    }
}
