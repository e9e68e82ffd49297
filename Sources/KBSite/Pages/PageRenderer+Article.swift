import Foundation
import KBContent

extension PageRenderer {
    /// `articles/<slug>.html`: breadcrumbs, title, summary, date, the body, the other
    /// ways the question is asked, and related articles.
    func articlePage(_ article: Article) throws(SiteError) -> Data {
        let route = SiteRoute.article(article.slug)
        let category = context.categoriesByID[article.category]
        return try page(route, title: article.title, description: article.summary) { page in
            page.breadcrumbs(
                [("Home", .home)] + (category.map { [($0.title, SiteRoute.category($0.id))] } ?? []),
                current: article.title
            )
            let body = page.main.element("article", ["class": "article"])
            body.element("h1", text: article.title)
            body.element("p", ["class": "lead"], text: article.summary)
            let meta = body.element("p", ["class": "meta"])
            meta.text("Updated ")
            DisplayDate.append(article.updated, to: meta)
            if let category {
                meta.text(" · ")
                meta.element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            if let flow = context.flowRoute(for: article) {
                body.element("p", ["class": "simulator"])
                    .element("a", ["class": "button", "href": page.href(flow)], text: "Try the simulator")
            }

            let text = body.element("div", ["class": "article-body"])
            let links = LinkResolver(content: content, page: route, ownAnchors: article.document.headingAnchors)
            MarkdownHTMLRenderer(links: links).render(article.document, into: text)

            if !article.questions.isEmpty {
                let section = page.section("Also asked as", id: "kb_asked", class: "asked")
                let list = section.element("ul")
                for question in article.questions { list.element("li", text: question) }
            }
            let related = article.related.compactMap { content.article($0) }
            if !related.isEmpty {
                let section = page.section("Related articles", id: "kb_related")
                page.articleList(related, into: section, summaries: true)
            }
        }
    }
}
