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
        case .file, .searchIndex:
            return try notFoundPage()
        }
    }

    /// The site's own words in this tree's language.
    var strings: SiteStrings { context.strings }
    var language: Language { context.language }

    /// A whole page: `<head>` with title, description, canonical link, `hreflang`
    /// alternates, icon and style sheet; the site header with the language switcher;
    /// `<main>`, filled by `fill`; the footer; then `scripts`.
    func page(
        _ route: SiteRoute, title: String, description: String, scripts: [SiteRoute] = [],
        _ fill: (Page) -> Void
    ) throws(SiteError) -> Data {
        let document = MarkupDocument(htmlLanguage: language.code)
        let html = document.root
        // libxml2 2.9 writes UTF-8 (not character references) only when it finds this form.
        let head = html.element("head")
        head.element("meta", ["http-equiv": "Content-Type", "content": "text/html; charset=utf-8"])
        head.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.element("meta", ["name": "color-scheme", "content": "light dark"])
        head.element("title", text: route == .home ? context.siteName : "\(title) · \(context.siteName)")
        head.element("meta", ["name": "description", "content": description])

        let body = html.element("body")
        let absoluteLinks = route == .notFound && options.baseURL != nil
        let shell = Page(route: route, main: body, context: context, absoluteLinks: absoluteLinks)
        if route != .notFound, let canonical = options.absoluteURL(route, in: language) {
            head.element("link", ["rel": "canonical", "href": canonical])
        }
        if route != .notFound, context.languages.isMultilingual {
            alternates(of: route, into: head, shell)
        }
        head.element("link", ["rel": "icon", "href": shell.href(.file(SiteAssets.faviconName)), "type": "image/svg+xml"])
        head.element("link", ["rel": "stylesheet", "href": shell.href(.file(SiteAssets.styleSheetName))])

        body.element("a", ["class": "skip-link", "href": "#kb_main"], text: strings(.skipLink))
        header(into: body, shell)
        let main = body.element("main", ["id": "kb_main", "class": "wrap"])
        fill(Page(route: route, main: main, context: context, absoluteLinks: absoluteLinks))
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

    /// `<link rel="alternate" hreflang>` for each language the page is written in (itself
    /// included) and `x-default` for the source language's: absolute under a base URL,
    /// else relative.
    private func alternates(of route: SiteRoute, into head: MarkupElement, _ page: Page) {
        let languages = context.languages.alternates(of: route)
        guard languages.count > 1 else { return }
        for other in languages {
            head.element("link", ["rel": "alternate", "hreflang": other.code, "href": page.href(route, language: other, absolute: true)])
        }
        if languages.contains(.source) {
            head.element("link", ["rel": "alternate", "hreflang": "x-default", "href": page.href(route, language: .source, absolute: true)])
        }
    }

    private func header(into body: MarkupElement, _ page: Page) {
        let bar = body.element("header", ["class": "site-header"]).element("div", ["class": "wrap"])
        let brand = bar.element("a", ["class": "brand", "href": page.href(.home)])
        brand.element("img", ["src": page.href(.file(SiteAssets.faviconName)), "alt": "", "width": "28", "height": "28"])
        brand.element("span", text: context.siteName)
        let list = bar.element("nav", ["aria-label": strings(.siteNavigation)]).element("ul")
        var items: [(String, SiteRoute, String?)] = [(strings(.navTopics), .home, "topics"), (strings(.responseCodes), .codes, nil)]
        if options.search { items.append((strings(.navSearch), .search, nil)) }
        for (label, route, fragment) in items {
            let link = list.element("li").element("a", ["href": page.href(route, fragment: fragment)], text: label)
            if route == page.route, route != .home { link.setAttribute("aria-current", "page") }
        }
        if context.languages.isMultilingual { languageSwitcher(into: bar, page) }
    }

    /// Links to the same page in each other language, each named in its own language
    /// (the 404 page links to the other languages' home pages).
    private func languageSwitcher(into bar: MarkupElement, _ page: Page) {
        let others = context.languages.all.filter { $0 != language }
        guard !others.isEmpty else { return }
        let list = bar.element("nav", ["class": "languages", "aria-label": strings(.languageNavigation)]).element("ul")
        let target = page.route == .notFound ? SiteRoute.home : page.route
        for other in others {
            list.element("li").element("a", [
                "href": page.href(target, language: other), "hreflang": other.code, "lang": other.code,
            ], text: other.nativeName)
        }
    }

    private func footer(into body: MarkupElement, _ page: Page) {
        let footer = body.element("footer", ["class": "site-footer"]).element("div", ["class": "wrap"])
        let line = footer.element("p")
        line.text(context.siteName)
        if let latest = context.latestUpdate {
            line.text(" · " + strings(.footerUpdated) + " ")
            DisplayDate.append(latest, to: line, strings)
        }
        if let email = content.policies.text("support.email") {
            let contact = footer.element("p")
            contact.text(strings(.footerContact) + " ")
            contact.element("a", ["href": "mailto:" + email], text: email)
            contact.text(strings(.footerContactEnd))
        }
    }
}

/// The page being built: where it is (for relative links), in which language, and its
/// `<main>` element.
struct Page {
    let route: SiteRoute
    let main: MarkupElement
    let context: SiteContext
    /// True for the 404 page under a base URL: a server shows it at any address, so
    /// its links must not be relative.
    let absoluteLinks: Bool

    var options: SiteOptions { context.options }
    var strings: SiteStrings { context.strings }
    /// The language of the page's tree.
    var language: Language { context.language }

    /// The link from this page to `target` in this page's language, or in `language`'s
    /// tree; absolute under a base URL when the page's links are, or when `absolute` is set.
    func href(_ target: SiteRoute, fragment: String? = nil, language: Language? = nil, absolute: Bool = false) -> String {
        let targetLanguage = language ?? self.language
        if absoluteLinks || absolute, let url = options.absoluteURL(target, in: targetLanguage) {
            return fragment.map { url + "#" + $0 } ?? url
        }
        return target.href(in: targetLanguage, from: route, in: self.language, fragment: fragment)
    }

    /// Marks `element` as written in `textLanguage` when that is not the page's language
    /// (an article or code not translated yet).
    func mark(_ element: MarkupElement, as textLanguage: Language) {
        if textLanguage != language { element.setAttribute("lang", textLanguage.code) }
    }
}
