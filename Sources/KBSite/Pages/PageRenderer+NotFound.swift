import Foundation
import KBContent

extension PageRenderer {
    /// `404.html` (and `id/404.html`): what a server shows for a missing address in the
    /// language's tree. With a base URL its links are absolute, because the server
    /// shows it at whatever address was asked for.
    func notFoundPage() throws(SiteError) -> Data {
        try page(.notFound, title: strings(.notFoundTitle), description: strings(.notFoundDescription)) { page in
            page.main.element("h1", text: strings(.notFoundTitle))
            page.main.element("p", text: strings(.notFoundText) + " "
                + (options.search ? strings(.notFoundTrySearch) : strings(.notFoundPickTopic)))
            page.searchForm(into: page.main, id: "kb_q", label: strings(.searchLabel))
            let section = page.section(strings(.topics), id: "kb_topics")
            let list = section.element("ul", ["class": "link-list"])
            for category in content.categories {
                list.element("li").element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            list.element("li").element("a", ["href": page.href(.codes)], text: strings(.bankResponseCodes))
        }
    }
}
