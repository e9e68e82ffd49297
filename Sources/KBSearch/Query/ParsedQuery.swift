/// What the query parser found in the query text.
public struct ParsedQuery: Sendable, Hashable {
    /// Plain words as typed, in order, including `name:value` pairs whose name
    /// is not a facet (they are searched as words).
    public var words: [String] = []
    /// The text of each `"quoted phrase"`.
    public var phrases: [String] = []
    /// Words and phrases after a `-`, which documents must not contain.
    public var excluded: [String] = []
    /// `facet:value` filters for declared facets, by facet name.
    public var filters: [String: Set<String>] = [:]

    /// Creates a parsed query.
    public init(words: [String] = [], phrases: [String] = [], excluded: [String] = [],
                filters: [String: Set<String>] = [:]) {
        self.words = words
        self.phrases = phrases
        self.excluded = excluded
        self.filters = filters
    }
}
