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
}

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
}

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

/// A short passage of a document with the matched words marked.
public struct Snippet: Sendable, Hashable {
    /// A run of text, highlighted or not.
    public struct Segment: Sendable, Hashable {
        public var text: String
        public var isHighlighted: Bool

        /// Creates a segment.
        public init(text: String, isHighlighted: Bool) {
            self.text = text
            self.isHighlighted = isHighlighted
        }
    }

    /// The passage as consecutive segments.
    public var segments: [Segment]

    /// Creates a snippet.
    public init(segments: [Segment] = []) {
        self.segments = segments
    }

    /// The passage as plain text.
    public var text: String {
        segments.reduce(into: "") { $0 += $1.text }
    }

    /// The highlighted ranges, as offsets in `Character`s within ``text``.
    public var highlightRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var joined = ""
        var offset = 0
        for segment in segments {
            joined += segment.text
            let end = joined.count   // counted whole: a segment may extend the previous grapheme
            if segment.isHighlighted, end > offset { ranges.append(offset..<end) }
            offset = end
        }
        return ranges
    }
}
