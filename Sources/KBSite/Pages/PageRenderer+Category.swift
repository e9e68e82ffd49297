import Foundation
import KBContent

extension PageRenderer {
    /// A category page names at most this many other topics, then links to all of them,
    /// so a site with many categories does not grow with their square.
    static let otherTopicsShown = 12

    /// `categories/<id>.html`: the category's articles with their summaries.
    func categoryPage(_ category: KBContent.Category) throws(SiteError) -> Data {
        try page(.category(category.id), title: category.title, description: category.description) { page in
            page.breadcrumbs([(strings(.home), .home)], current: category.title)
            page.main.element("h1", text: category.title)
            page.main.element("p", ["class": "lead"], text: category.description)
            let articles = context.articles(inCategory: category.id)
            if articles.isEmpty {
                page.main.element("p", text: strings(.noArticlesInTopic))
            } else {
                page.articleList(articles, into: page.main, summaries: true)
            }
            let others = content.categories.filter { $0.id != category.id }
            if !others.isEmpty {
                let section = page.section(strings(.otherTopics), id: "kb_other-topics")
                let list = section.element("ul", ["class": "link-list"])
                for other in others.prefix(Self.otherTopicsShown) {
                    list.element("li").element("a", ["href": page.href(.category(other.id))], text: other.title)
                }
                if others.count > Self.otherTopicsShown {
                    list.element("li").element("a", ["href": page.href(.home, fragment: "topics")], text: strings(.allTopics, ["count": "\(content.categories.count)"]))
                }
            }
        }
    }
}
