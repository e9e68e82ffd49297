import KBContent
public import KBSearch

extension KnowledgeBase {
    /// The fields every searchable document has, and how much a match in each counts.
    /// Articles and response codes share them: a code's name is its title, its
    /// aliases are the ways people ask for it.
    static let searchSchema = SearchSchema(
        fields: [
            FieldDefinition(name: "code", weight: 4, isIdentifier: true),
            FieldDefinition(name: "title", weight: 4),
            FieldDefinition(name: "questions", weight: 3),
            FieldDefinition(name: "tags", weight: 2),
            FieldDefinition(name: "summary", weight: 1.5),
            FieldDefinition(name: "body", weight: 1),
        ],
        facets: ["kind", "category", "tag"],
        snippetField: "body"
    )

    /// The category response codes are filed under for search filters.
    static let codesCategory = "card-declines"

    /// The search documents for the content, articles first, then codes in file order.
    static func searchDocuments(for content: Content) -> [SearchDocument] {
        let articles = content.articles.map { article in
            SearchDocument(
                id: SearchResponse.Hit.Kind.article.documentID(article.slug),
                fields: [
                    "title": article.title,
                    "questions": article.questions.joined(separator: "\n"),
                    "tags": article.tags.joined(separator: " "),
                    "summary": article.summary,
                    "body": article.document.plainText,
                ],
                facets: ["kind": [SearchResponse.Hit.Kind.article.rawValue], "category": [article.category], "tag": article.tags]
            )
        }
        let codes = content.responseCodes.map { code in
            SearchDocument(
                id: SearchResponse.Hit.Kind.code.documentID(code.code),
                fields: [
                    "code": code.code,
                    "title": code.name,
                    "questions": code.aliases.joined(separator: "\n"),
                    "body": [code.meaning, code.merchantAction, code.customerMessage].joined(separator: " "),
                ],
                facets: ["kind": [SearchResponse.Hit.Kind.code.rawValue], "category": [codesCategory]]
            )
        }
        return articles + codes
    }

    /// The searchable documents as another engine gets them (`kb eval --peers`): the id kb
    /// reports (a slug, or `code:XX`), the title, and every other field's text as the body.
    public var peerDocuments: [(id: String, title: String, body: String)] {
        Self.searchDocuments(for: content).map { document in
            let (kind, id) = SearchResponse.Hit.Kind.parse(documentID: document.id)
            let rest = Self.searchSchema.fields.map(\.name).filter { $0 != "title" }.compactMap { document.fields[$0] }
            return (kind == .code ? document.id : id, document.fields["title"] ?? "", rest.joined(separator: "\n"))
        }
    }

    /// Searches articles and response codes; best first.
    /// - Complexity: see docs/search.md; microseconds for this content.
    public func search(_ query: String, options: SearchOptions = SearchOptions()) -> SearchResponse {
        let start = ContinuousClock.now
        let results = index.search(query, options: options)
        let elapsed = ContinuousClock.now - start
        var hits = results.hits.map { hit in SearchResponse.Hit(hit, in: self) }
        // Hits not in this language yet (no translation) come after the translated ones.
        if hits.contains(where: { $0.lang != language.code }) {
            hits = hits.filter { $0.lang == language.code } + hits.filter { $0.lang != language.code }
        }
        return SearchResponse(
            query: results.query, lang: language.code, total: results.total, hits: hits, facets: results.facets,
            suggestion: results.suggestion, truncated: results.wasTruncated,
            tookMicros: Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        )
    }

    /// The subject a query names exactly (slug, code, code name), else the best search hit.
    public func bestSubject(for query: String) -> (subject: Subject, searched: Bool)? {
        if let exact = subject(named: query) { return (exact, false) }
        guard let hit = search(query, options: SearchOptions(limit: 1, snippets: false)).hits.first else { return nil }
        let found: Subject? = switch hit.kind {
        case .article: content.article(hit.id).map(Subject.article)
        case .code: content.responseCode(hit.id).map(Subject.code)
        }
        return found.map { ($0, true) }
    }

    /// Search-as-you-type: titles and codes for the prefix of the last word.
    public func suggest(_ prefix: String, limit: Int = 8) -> [SearchResponse.Hit] {
        index.suggest(prefix: prefix, limit: limit).map { SearchResponse.Hit($0, in: self) }
    }
}

/// The answer to a search, in the shape `kb search --json` and `GET /v1/search` share
/// (see DESIGN.md): `query`, `total`, `hits` best first, plus facets, a suggestion and timing.
public struct SearchResponse: Sendable, Codable, Hashable {
    public var query: String
    /// The language searched (`en`, `id`): the content and analyzer used.
    public var lang: String
    /// How many documents matched, before paging.
    public var total: Int
    public var hits: [Hit]
    /// Counts by facet (`kind`, `category`, `tag`) and value, over all matches.
    public var facets: [String: [String: Int]]
    /// A corrected query ("did you mean"), when there were few results and a correction exists.
    public var suggestion: String?
    /// True when the query was cut to the documented limits (256 characters, 32 words).
    public var truncated: Bool
    public var tookMicros: Int

    /// One result.
    public struct Hit: Sendable, Codable, Hashable {
        /// What a hit is; in JSON, `"article"` or `"code"`.
        public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
            case article, code

            /// The id of the search document for the article `slug` or the code `code`:
            /// `article:<slug>`, `code:<code>`.
            public func documentID(_ id: String) -> String {
                rawValue + ":" + id
            }

            /// The kind and the slug or code of a search document id (see ``documentID(_:)``);
            /// an id without a known kind is an article's.
            public static func parse(documentID: String) -> (kind: Kind, id: String) {
                let parts = documentID.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return (.article, documentID) }
                return (kind, parts[1])
            }
        }

        /// An article or a response code.
        public var kind: Kind
        /// The article's slug or the code.
        public var id: String
        public var title: String
        public var score: Double
        /// About 160 characters around the best match.
        public var snippet: String
        /// Character offsets of the matched words within `snippet`.
        public var highlights: [[Int]]
        /// Where to read more on the help site, from its root.
        public var url: String
        /// The language the hit is written in: the search's, or the source's for an
        /// article or code not translated yet.
        public var lang: String

        init(_ hit: SearchHit, in knowledgeBase: KnowledgeBase) {
            (kind, id) = Kind.parse(documentID: hit.id)
            let prefix = knowledgeBase.language == .source ? "/" : "/\(knowledgeBase.language.code)/"
            switch kind {
            case .code:
                let code = knowledgeBase.content.responseCode(id)
                title = code.map { "\($0.code) — \($0.name)" } ?? id
                url = prefix + SiteLayout.codePath(id)
                lang = (code?.language ?? knowledgeBase.language).code
            case .article:
                let article = knowledgeBase.content.article(id)
                title = article?.title ?? id
                url = prefix + SiteLayout.articlePath(id)
                lang = (article?.language ?? knowledgeBase.language).code
            }
            score = (hit.score * 1000).rounded() / 1000
            snippet = hit.snippet.text
            highlights = hit.snippet.highlightRanges.map { [$0.lowerBound, $0.upperBound] }
        }
    }
}
