/// Everything loaded from a content folder: an immutable value that is safe
/// to share between threads.
public struct Content: Sendable {
    /// Articles sorted by slug.
    public var articles: [Article]
    /// Categories in home-page order.
    public var categories: [Category]
    /// Response codes in file order.
    public var responseCodes: [ResponseCode]
    public var policies: Policies
    public var synonyms: [SynonymGroup]
    /// The language of this content's text; a translation holds the source's articles
    /// and codes that are not translated yet (each says its own ``Article/language``).
    public var language: Language = .source

    private var articleIndex: [String: Int]
    private var codeIndex: [String: Int]

    public init(
        articles: [Article], categories: [Category], responseCodes: [ResponseCode],
        policies: Policies, synonyms: [SynonymGroup]
    ) {
        self.articles = articles.sorted { $0.slug < $1.slug }
        self.categories = categories.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        self.responseCodes = responseCodes
        self.policies = policies
        self.synonyms = synonyms
        articleIndex = Dictionary(self.articles.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        codeIndex = Dictionary(responseCodes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The article with this slug.
    public func article(_ slug: String) -> Article? {
        articleIndex[slug].map { articles[$0] }
    }

    /// The response code, matched without regard to case (`n7` finds `N7`).
    public func responseCode(_ code: String) -> ResponseCode? {
        codeIndex[code.uppercased()].map { responseCodes[$0] }
    }

    /// The category with this id.
    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }

    /// The articles of a category, sorted by title.
    public func articles(inCategory id: String) -> [Article] {
        articles.filter { $0.category == id }.sorted { $0.title < $1.title }
    }
}
