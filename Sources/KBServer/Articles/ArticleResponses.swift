import KBContent

/// `GET /v1/articles`: the articles, each as `kb list --json` prints it, with its address.
struct ArticleList: Encodable, Sendable {
    var total: Int
    var articles: [Linked<ArticleRecord>]
}

/// `GET /v1/articles/{slug}`: the article as `kb show --json` prints it (metadata and
/// Markdown with placeholders filled), its body as HTML, its address, and the related articles.
struct ArticleDetail: Encodable, Sendable {
    /// A related article, enough to link to it.
    struct Related: Encodable, Sendable {
        var slug: String
        var title: String
        var summary: String
        var url: String
    }

    var article: Linked<ArticleRecord>
    /// The body as the site shows it (libxml2-built, raw HTML dropped, unsafe links as text).
    var html: String
    var relatedArticles: [Related]

    private enum CodingKeys: String, CodingKey {
        case html
        case relatedArticles = "related_articles"
    }

    func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(html, forKey: .html)
        try container.encode(relatedArticles, forKey: .relatedArticles)
    }
}

/// `GET /v1/categories`: each category with its article count and address.
struct CategoryList: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var category: Category
        var articles: Int
        var url: String

        private enum CodingKeys: String, CodingKey { case articles, url }

        func encode(to encoder: any Encoder) throws {
            try category.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(articles, forKey: .articles)
            try container.encode(url, forKey: .url)
        }
    }

    var categories: [Item]
}
