import Foundation
import KBContent

extension PageRenderer {
    /// `404.html`: what a server shows for a missing address. With a base URL its links
    /// are absolute, because the server shows it at whatever address was asked for.
    func notFoundPage() throws(SiteError) -> Data {
        try page(.notFound, title: "Page not found", description: "There is no page at this address.") { page in
            page.main.element("h1", text: "Page not found")
            page.main.element("p", text: "There is no page at this address: the link may be mistyped, or the page has moved. "
                + (options.search ? "Try a search, or pick a topic." : "Pick a topic."))
            page.searchForm(into: page.main, id: "kb_q", label: "Search the help center")
            let section = page.section("Topics", id: "kb_topics")
            let list = section.element("ul", ["class": "link-list"])
            for category in content.categories {
                list.element("li").element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            list.element("li").element("a", ["href": page.href(.codes)], text: "Bank response codes")
        }
    }
}
