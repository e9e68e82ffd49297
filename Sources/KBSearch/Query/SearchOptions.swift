/// How a search runs: paging, filters and matching knobs.
public struct SearchOptions: Sendable, Hashable {
    /// How many query words a document must contain.
    public enum MatchMode: String, Sendable, Hashable, CaseIterable {
        /// All words preferred: when fewer than
        /// ``SearchOptions/minimumAllWordsResults`` documents hold every word,
        /// documents holding any word are returned, by score: the sum of each matched
        /// word's IDF-weighted match, so one rare word can outweigh several common ones.
        case `default`
        /// Every word is required.
        case all
        /// Any word is enough; documents rank by score, as in the default mode's second pass.
        case any
    }

    /// Hits to return.
    public var limit: Int = 10
    /// Hits to skip, for paging.
    public var offset: Int = 0
    /// Facet name to allowed values: AND across facets, OR within a facet.
    /// Combined (AND) with any `facet:value` filters in the query text.
    public var filters: [String: Set<String>] = [:]
    /// Whether all or any words must match.
    public var mode: MatchMode = .default
    /// Match misspelled words within 1 edit (4+ letters) or 2 edits (8+ letters),
    /// and compute ``SearchResults/suggestion``.
    public var typoTolerance: Bool = true
    /// Match the last query word as a prefix too (search as you type).
    public var prefixMatching: Bool = true
    /// Cut a snippet with highlights for each returned hit.
    public var snippets: Bool = true

    /// Score only the any-word matches that can reach the page (MaxScore, see
    /// ``SearchIndex/disjunctiveMatch(_:keep:prunedShare:)``) instead of every match; the
    /// results are the same. Off: on the benchmark kit it costs 1–4 % more
    /// instructions than it saves; ``SearchIndex/pruningDifference(_:options:)`` turns it on.
    var prunesMatching = false

    /// In ``MatchMode/default``, the all-words result count below which the
    /// search falls back to any-word matching.
    public static let minimumAllWordsResults = 3

    /// Creates options.
    public init(
        limit: Int = 10, offset: Int = 0, filters: [String: Set<String>] = [:],
        mode: MatchMode = .default, typoTolerance: Bool = true, prefixMatching: Bool = true,
        snippets: Bool = true
    ) {
        self.limit = limit
        self.offset = offset
        self.filters = filters
        self.mode = mode
        self.typoTolerance = typoTolerance
        self.prefixMatching = prefixMatching
        self.snippets = snippets
    }
}
