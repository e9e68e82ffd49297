import KBContent

/// What every page of one build needs: the content, the options, and the lookups
/// computed once (most-asked articles, which articles mention which code).
struct SiteContext: Sendable {
    /// How many articles the home page lists as most asked.
    static let mostAskedCount = 6

    let content: Content
    let options: SiteOptions
    /// The home page's "Most asked": the articles with the most `questions` (the ways
    /// merchants ask for them), then by title; ``mostAskedCount`` of them.
    let mostAsked: [Article]
    /// For each response code, the articles whose body links to it (`code:51`), by title.
    let mentions: [String: [Article]]
    /// The newest `updated` date of all articles, for the footer.
    let latestUpdate: String?
    /// Each category's articles, sorted by title (as `Content.articles(inCategory:)`).
    let articlesByCategory: [String: [Article]]
    /// The categories by id.
    let categoriesByID: [String: KBContent.Category]

    init(content: Content, options: SiteOptions) {
        self.content = content
        self.options = options
        mostAsked = Array(
            content.articles
                .sorted { ($1.questions.count, $0.title, $0.slug) < ($0.questions.count, $1.title, $1.slug) }
                .prefix(Self.mostAskedCount)
        )
        var mentions: [String: [Article]] = [:]
        for article in content.articles {
            var codes: Set<String> = []
            for link in article.document.links where link.destination.hasPrefix("code:") {
                if let code = content.responseCode(String(link.destination.dropFirst("code:".count))) {
                    codes.insert(code.code)
                }
            }
            for code in codes { mentions[code, default: []].append(article) }
        }
        self.mentions = mentions.mapValues { $0.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) } }
        latestUpdate = content.articles.map(\.updated).max()
        articlesByCategory = Dictionary(grouping: content.articles, by: \.category)
            .mapValues { $0.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) } }
        categoriesByID = Dictionary(content.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The articles of a category, by title.
    func articles(inCategory id: String) -> [Article] {
        articlesByCategory[id] ?? []
    }

    /// The article's flow page, when one is built.
    func flowRoute(for article: Article) -> SiteRoute? {
        guard let flow = article.flow, options.flowPages.contains(flow) else { return nil }
        return .flow(flow)
    }
}
