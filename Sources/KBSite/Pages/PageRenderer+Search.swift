import Foundation
import KBContent

extension PageRenderer {
    /// `search.html`: the search box and an empty results list that `search.js` fills
    /// from `search-index.js`, in the browser, with no server; without JavaScript it
    /// says so and offers the topics.
    func searchPage() throws(SiteError) -> Data {
        let scripts: [SiteRoute] = [.file(SiteAssets.searchIndexName), .file(SiteAssets.searchScriptName)]
        return try page(.search, title: "Search", description: "Search every help article and response code.", scripts: scripts) { page in
            page.main.element("h1", text: "Search")
            page.searchForm(into: page.main, id: "kb_q", label: "Search the help center", query: true)
            page.main.element("p", ["id": "kb_status", "class": "search-status", "role": "status"])
            page.main.element("ol", ["id": "kb_results", "class": "results"])
            let fallback = page.main.element("noscript").element("div", ["class": "notice"])
            fallback.element("p", text: "Search runs in your browser and needs JavaScript. Browse the topics instead:")
            let list = fallback.element("ul", ["class": "link-list"])
            for category in content.categories {
                list.element("li").element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            list.element("li").element("a", ["href": page.href(.codes)], text: "Bank response codes")
        }
    }
}
