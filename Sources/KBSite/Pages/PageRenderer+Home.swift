import Foundation
import KBContent
import KBFlows

extension PageRenderer {
    /// A category card on the home page lists this many articles, then links to the rest.
    static let homeArticlesPerCategory = 8

    /// `index.html`: a search box, the most-asked articles, every category with its
    /// articles, the simulators' pages, and the way to the response codes.
    func homePage() throws(SiteError) -> Data {
        let description = "Answers for merchants: "
            + content.categories.map { $0.title.lowercased() }.joined(separator: ", ") + "."
        return try page(.home, title: options.siteName, description: description) { page in
            let hero = page.main.element("div", ["class": "hero"])
            hero.element("h1", text: "How can we help?")
            hero.element("p", text: options.search ? "Search the help center, or browse the topics below." : "Browse the topics below.")
            page.searchForm(into: hero, id: "kb_q", label: "Search the help center")

            if !context.mostAsked.isEmpty {
                let section = page.section("Most asked", id: "kb_most-asked")
                page.articleList(context.mostAsked, into: section, summaries: true)
            }

            let topics = page.section("Browse by topic", id: "topics")
            let grid = topics.element("div", ["class": "category-grid"])
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
                        .element("a", ["href": page.href(.category(category.id))], text: "All \(articles.count) articles")
                }
            }

            if !context.flows.isEmpty {
                let section = page.section("Troubleshooters", id: "kb_flows")
                section.element("p", text: "Worked examples from kb's simulators: each page shows how a rule plays out, computed from the same policy values the articles state.")
                let list = section.element("ul", ["class": "article-list"])
                for flow in context.flows {
                    let item = list.element("li")
                    item.element("a", ["href": page.href(.flow(flow.id))], text: flow.title)
                    if let article = content.article(flow.article) { item.element("p", text: "From “\(article.title)”") }
                }
            }

            let codes = page.section("Bank response codes", id: "kb_codes")
            codes.element("p", text: "What each code a bank sends back for a card payment means, whether to retry, and what to tell the customer.")
            codes.element("p").element("a", ["class": "button", "href": page.href(.codes)], text: "All \(content.responseCodes.count) response codes")
        }
    }
}
