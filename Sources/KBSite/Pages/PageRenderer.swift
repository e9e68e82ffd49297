import Foundation
import KBContent
import KBFlows

/// Builds each page of the site as a libxml2 document and serializes it: the shared
/// shell (head, header, footer) is here; each kind of page is in `PageRenderer+<Page>.swift`.
struct PageRenderer: Sendable {
    let context: SiteContext

    var content: Content { context.content }
    var options: SiteOptions { context.options }

    /// The page for `route`, as UTF-8 HTML.
    func render(_ route: SiteRoute) throws(SiteError) -> Data {
        switch route {
        case .home:
            return try homePage()
        case .search:
            guard options.search else { return try notFoundPage() }
            return try searchPage()
        case .notFound:
            return try notFoundPage()
        case .codes:
            return try codesPage()
        case let .code(code):
            guard let code = content.responseCode(code) else { return try notFoundPage() }
            return try codePage(code)
        case let .article(slug):
            guard let article = content.article(slug) else { return try notFoundPage() }
            return try articlePage(article)
        case let .category(id):
            guard let category = context.categoriesByID[id] else { return try notFoundPage() }
            return try categoryPage(category)
        case let .flow(id):
            guard let flow = context.flows.first(where: { $0.id == id }) else { return try notFoundPage() }
            return try flowPage(flow)
        case .file:
            return try notFoundPage()
        }
    }

    /// A whole page: `<head>` with title, description, canonical link, icon and style
    /// sheet; the site header; `<main>`, filled by `fill`; the footer; then `scripts`.
    func page(
        _ route: SiteRoute, title: String, description: String, scripts: [SiteRoute] = [],
        _ fill: (Page) -> Void
    ) throws(SiteError) -> Data {
        let document = MarkupDocument(htmlLanguage: options.language)
        let html = document.root
        // libxml2 2.9 writes UTF-8 (not character references) only when it finds this form.
        let head = html.element("head")
        head.element("meta", ["http-equiv": "Content-Type", "content": "text/html; charset=utf-8"])
        head.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.element("meta", ["name": "color-scheme", "content": "light dark"])
        head.element("title", text: route == .home ? options.siteName : "\(title) · \(options.siteName)")
        head.element("meta", ["name": "description", "content": description])

        let body = html.element("body")
        let shell = Page(route: route, main: body, options: options, absoluteLinks: route == .notFound && options.baseURL != nil)
        if route != .notFound, let canonical = options.absoluteURL(route) {
            head.element("link", ["rel": "canonical", "href": canonical])
        }
        head.element("link", ["rel": "icon", "href": shell.href(.file(SiteAssets.faviconName)), "type": "image/svg+xml"])
        head.element("link", ["rel": "stylesheet", "href": shell.href(.file(SiteAssets.styleSheetName))])

        body.element("a", ["class": "skip-link", "href": "#kb_main"], text: "Skip to the content")
        header(into: body, shell)
        let main = body.element("main", ["id": "kb_main", "class": "wrap"])
        fill(Page(route: route, main: main, options: options, absoluteLinks: shell.absoluteLinks))
        footer(into: body, shell)
        for script in scripts {
            body.element("script", ["src": shell.href(script)])
        }
        do {
            return try document.serialized()
        } catch {
            throw SiteError(error)
        }
    }

    private func header(into body: MarkupElement, _ page: Page) {
        let bar = body.element("header", ["class": "site-header"]).element("div", ["class": "wrap"])
        let brand = bar.element("a", ["class": "brand", "href": page.href(.home)])
        brand.element("img", ["src": page.href(.file(SiteAssets.faviconName)), "alt": "", "width": "28", "height": "28"])
        brand.element("span", text: options.siteName)
        let list = bar.element("nav", ["aria-label": "Site"]).element("ul")
        var items: [(String, SiteRoute, String?)] = [("Topics", .home, "topics"), ("Response codes", .codes, nil)]
        if options.search { items.append(("Search", .search, nil)) }
        for (label, route, fragment) in items {
            let link = list.element("li").element("a", ["href": page.href(route, fragment: fragment)], text: label)
            if route == page.route, route != .home { link.setAttribute("aria-current", "page") }
        }
    }

    private func footer(into body: MarkupElement, _ page: Page) {
        let footer = body.element("footer", ["class": "site-footer"]).element("div", ["class": "wrap"])
        let line = footer.element("p")
        line.text(options.siteName)
        if let latest = context.latestUpdate {
            line.text(" · articles updated up to ")
            DisplayDate.append(latest, to: line)
        }
        if let email = content.policies.text("support.email") {
            let contact = footer.element("p")
            contact.text("Still stuck? Email ")
            contact.element("a", ["href": "mailto:" + email], text: email)
            contact.text(".")
        }
    }
}

/// The page being built: where it is (for relative links) and its `<main>` element.
struct Page {
    let route: SiteRoute
    let main: MarkupElement
    let options: SiteOptions
    /// True for the 404 page under a base URL: a server shows it at any address, so
    /// its links must not be relative.
    let absoluteLinks: Bool

    /// The link from this page to `target`.
    func href(_ target: SiteRoute, fragment: String? = nil) -> String {
        if absoluteLinks, let url = options.absoluteURL(target) {
            return fragment.map { url + "#" + $0 } ?? url
        }
        return target.href(from: route, fragment: fragment)
    }
}
