import Hummingbird
import KBContent
import KBSite
import KnowledgeBase

/// `GET /v1/articles`, `GET /v1/articles/{slug}` and `GET /v1/categories`.
struct ArticlesController: Sendable {
    let store: KnowledgeBaseStore
    let links: SiteLinks

    /// The articles, all or one category's (`?category=`).
    func list(_ request: Request, context: ServerRequestContext) throws -> Response {
        let content = try context.knowledgeBase(of: store, for: request).content
        var articles = content.articles
        if let category = try request.parameters().single("category") {
            guard content.category(category) != nil else { throw APIError.unknownCategory(category, in: content) }
            articles = content.articles(inCategory: category)
        }
        let items = articles.map { Linked(record: ArticleRecord($0, includeBody: false), url: links.article($0.slug, language: $0.language)) }
        return try Response.json(ArticleList(total: items.count, articles: items)).language(content.language)
    }

    /// One article with its Markdown and related articles.
    func article(_ request: Request, context: ServerRequestContext) throws -> Response {
        let content = try context.knowledgeBase(of: store, for: request).content
        let article = try Self.article(context.pathParameter("slug"), in: content)
        let html = try HTMLFragmentRenderer(content: content, siteLinks: links.fragmentLinks).html(article.document)
        let related = article.related.compactMap(content.article).map {
            ArticleDetail.Related(slug: $0.slug, title: $0.title, summary: $0.summary, url: links.article($0.slug, language: $0.language))
        }
        let record = Linked(record: ArticleRecord(article, includeBody: true), url: links.article(article.slug, language: article.language))
        return try Response.json(ArticleDetail(article: record, html: html, relatedArticles: related)).language(article.language)
    }

    /// The categories in home-page order.
    func categories(_ request: Request, context: ServerRequestContext) throws -> Response {
        let content = try context.knowledgeBase(of: store, for: request).content
        let items = content.categories.map {
            CategoryList.Item(category: $0, articles: content.articles(inCategory: $0.id).count, url: links.category($0.id, language: content.language))
        }
        return try Response.json(CategoryList(categories: items)).language(content.language)
    }

    /// The article with this slug (any case, `.md` allowed), or a 404 naming close slugs.
    static func article(_ slug: String, in content: Content) throws(APIError) -> Article {
        guard RequestLimits.length(slug) <= RequestLimits.pathValue else { throw APIError.overlongPathValue("article", slug) }
        let wanted = (slug.hasSuffix(".md") ? String(slug.dropLast(3)) : slug).lowercased()
        guard let article = content.article(wanted) else { throw APIError.unknownArticle(slug, in: content) }
        return article
    }
}

extension APIError {
    /// A path value longer than any slug, code or id can be: not found, and not compared with anything.
    static func overlongPathValue(_ kind: String, _ value: String) -> APIError {
        let (code, list) = switch kind {
        case "article": ("unknown-article", "GET /v1/articles lists them")
        case "flow": ("unknown-flow", "GET /v1/flows lists them")
        default: ("unknown-code", "GET /v1/codes lists every code")
        }
        let name = kind == "code" ? "response code" : kind
        return APIError(
            .notFound, code: code,
            message: "no \(name) '\(RequestLimits.shown(value))': it is \(RequestLimits.length(value)) characters long, "
                + "and none is longer than \(RequestLimits.pathValue); \(list)"
        )
    }

    static func unknownArticle(_ slug: String, in content: Content) -> APIError {
        let close = RequestLimits.looksForCloseMatches(slug) ? content.articleSlugs(closeTo: slug) : []
        let hint = close.isEmpty ? "GET /v1/articles lists them" : "did you mean: \(close.joined(separator: ", "))?"
        return APIError(.notFound, code: "unknown-article", message: "no article '\(slug)'; \(hint)", suggestions: close)
    }

    static func unknownCategory(_ id: String, in content: Content) -> APIError {
        let known = content.categories.map(\.id)
        return APIError(
            .notFound, code: "unknown-category",
            message: "no category '\(id)'; categories are: \(known.joined(separator: ", "))", suggestions: known
        )
    }
}
