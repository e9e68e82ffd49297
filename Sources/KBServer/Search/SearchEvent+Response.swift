public import KBAnalytics
public import KnowledgeBase

extension SearchEvent {
    /// The event for a search's first page, as `GET /v1/search` and `kb search --record` record it.
    public init(recording results: SearchResponse, language: String, source: SearchSource) {
        self.init(
            query: results.query, language: language, hits: results.total,
            topIDs: results.hits.prefix(3).map { $0.kind.rawValue + ":" + $0.id }, tookMicros: results.tookMicros, source: source
        )
    }
}
