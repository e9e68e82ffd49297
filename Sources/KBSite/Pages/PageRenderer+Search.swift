import Foundation
import KBContent

extension PageRenderer {
    /// `search.html`: the search box and an empty results list that `search.js` fills
    /// from the language's `search-index.js`, in the browser, with no server; without
    /// JavaScript it says so and offers the topics. Pasted text (a ticket, a Midtrans
    /// response, more words than a query takes) is searched by its rarest words; on a page
    /// served by `kb serve`, a pasted Midtrans message is also explained by the server. What the script says (the prompt,
    /// the count of results, the kinds) is on the status element, in the page's language.
    func searchPage() throws(SiteError) -> Data {
        let scripts: [SiteRoute] = [.searchIndex, .file(SiteAssets.searchScriptName)]
        return try page(.search, title: strings(.searchTitle), description: strings(.searchDescription), scripts: scripts) { page in
            page.main.element("h1", text: strings(.searchTitle))
            page.searchForm(into: page.main, id: "kb_q", label: strings(.searchLabel), query: true)
            let status = page.main.element("p", [
                "id": "kb_status", "class": "search-status", "role": "status",
                "data-prompt": strings(.searchPrompt), "data-none": strings(.searchNoResults),
                "data-one": strings(.searchOneResult), "data-many": strings(.searchResults),
                "data-article": strings(.searchKindArticle), "data-code": strings(.searchKindCode),
            ])
            // Served by kb serve, a pasted Midtrans message is explained by the server above the results.
            if options.simulatorForm == .served {
                status.setAttribute("data-api", page.href(.file("v1/")))
                page.main.element("section", [
                    "id": "kb_explained", "class": "flow-result", "hidden": "hidden", "aria-live": "polite",
                    "data-title": strings(.searchExplainedTitle), "data-read": strings(.searchExplainedRead),
                ])
            }
            page.main.element("ol", ["id": "kb_results", "class": "results"])
            let fallback = page.main.element("noscript").element("div", ["class": "notice"])
            fallback.element("p", text: strings(.searchNoScript))
            let list = fallback.element("ul", ["class": "link-list"])
            for category in content.categories {
                list.element("li").element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            list.element("li").element("a", ["href": page.href(.codes)], text: strings(.bankResponseCodes))
        }
    }
}
