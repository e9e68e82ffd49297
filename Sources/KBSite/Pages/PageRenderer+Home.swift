import Foundation
import KBContent
import KBFlows

extension PageRenderer {
    /// A category card on the home page lists this many articles, then links to the rest.
    static let homeArticlesPerCategory = 8

    /// `index.html`: a search box, the most-asked articles, every category with its
    /// articles, the simulators' pages, and the way to the response codes.
    func homePage() throws(SiteError) -> Data {
        let topics = content.categories.map { $0.title.lowercased() }.joined(separator: ", ")
        let description = strings(.homeDescription, ["topics": topics])
        return try page(.home, title: context.siteName, description: description) { page in
            let hero = page.main.element("div", ["class": "hero"])
            hero.element("h1", text: strings(.homeHeading))
            hero.element("p", text: options.search ? strings(.homeLeadWithSearch) : strings(.homeLead))
            page.searchForm(into: hero, id: "kb_q", label: strings(.searchLabel))

            if !context.mostAsked.isEmpty {
                let section = page.section(strings(.mostAsked), id: "kb_most-asked")
                page.articleList(context.mostAsked, into: section, summaries: true)
            }

            let browse = page.section(strings(.browseByTopic), id: "topics")
            let grid = browse.element("div", ["class": "category-grid"])
            for category in content.categories {
                let articles = context.articles(inCategory: category.id)
                let card = grid.element("section", ["class": "category-card", "aria-labelledby": "kb_category-" + category.id])
                card.element("h3", ["id": "kb_category-" + category.id])
                    .element("a", ["href": page.href(.category(category.id))], text: category.title)
                card.element("p", text: category.description)
                if !articles.isEmpty {
                    page.articleList(Array(articles.prefix(Self.homeArticlesPerCategory)), into: card, summaries: false)
                }
                if articles.count > Self.homeArticlesPerCategory {
                    card.element("p", ["class": "more"])
                        .element("a", ["href": page.href(.category(category.id))], text: strings(.allArticles, ["count": "\(articles.count)"]))
                }
            }

            if !context.flows.isEmpty {
                let section = page.section(strings(.troubleshooters), id: "kb_flows")
                section.element("p", text: strings(.troubleshootersLead))
                let list = section.element("ul", ["class": "article-list"])
                for flow in context.flows {
                    let item = list.element("li")
                    item.element("a", ["href": page.href(.flow(flow.id))], text: flow.title(in: language))
                    if let article = content.article(flow.article) {
                        item.element("p", text: strings(.fromArticle, ["title": article.title]))
                    }
                }
            }

            let codes = page.section(strings(.bankResponseCodes), id: "kb_codes")
            codes.element("p", text: strings(.bankResponseCodesLead))
            codes.element("p").element("a", ["class": "button", "href": page.href(.codes)], text: strings(.allResponseCodes, ["count": "\(content.responseCodes.count)"]))
        }
    }
}
