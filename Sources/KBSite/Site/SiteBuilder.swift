public import Foundation
public import KBContent
import KBFlows
public import KnowledgeBase

/// Builds the whole static help site from checked content, in every language the
/// knowledge base has.
///
/// Each language gets the same tree of pages (Hugo's multilingual layout): the
/// source language's at the root, each translation's under its code (`id/`), built
/// from ``KnowledgeBase/edition(_:)`` with that language's words (``SiteStrings``),
/// search data (`id/search-index.js`) and 404 page. Pages link to each other within
/// their tree, to the same page in the other languages (the switcher and the
/// `hreflang` alternates), and to the shared style sheet and scripts at the root.
///
/// A pure function of the content and the options: no file is read or written, no
/// clock is read, every list is in a fixed order, so two builds of the same content
/// are byte-identical. Pages are rendered on all cores. ``SiteWriter`` puts the
/// result on disk.
public struct SiteBuilder: Sendable {
    /// One tree per language, the source first.
    let trees: [Tree]

    /// One language's pages: what they need, and the knowledge base its search data
    /// is exported from.
    struct Tree: Sendable {
        let context: SiteContext
        /// The knowledge base in this language: its content, its simulators (each flow
        /// whose article is in the content gets a page at `flows/<id>.html`) and the
        /// search index the tree exports.
        let knowledgeBase: KnowledgeBase
    }

    public init(knowledgeBase: KnowledgeBase, options: SiteOptions = SiteOptions()) {
        let editions = knowledgeBase.languages.map { knowledgeBase.edition($0) }
        let languages = SiteLanguages(editions.map(\.content))
        trees = editions.map { edition in
            Tree(
                context: SiteContext(content: edition.content, options: options, flows: edition.flows.flows, languages: languages),
                knowledgeBase: edition
            )
        }
    }

    /// The source language's tree (the first).
    private var source: Tree { trees[0] }
    private var context: SiteContext { source.context }

    /// The languages the site is built in, the source first: one tree each.
    public var languages: [Language] { trees.map(\.context.language) }

    /// The flow ids that get a page, in the order they are built.
    public var flowPages: [String] { context.flows.map(\.id) }

    /// Every page of one language's tree, in the order they are built: home, search
    /// (when the site has it), 404, the codes table, each code, each category, each
    /// article, each simulator. Every language has the same pages.
    public var pageRoutes: [SiteRoute] {
        let content = context.content
        return [.home] + (context.options.search ? [.search] : []) + [.notFound, .codes]
            + content.responseCodes.map { .code($0.code) }
            + content.categories.map { .category($0.id) }
            + content.articles.map { .article($0.slug) }
            + context.flows.map { .flow($0.id) }
    }

    /// One page in `language` (the source language's when not given), rendered alone
    /// (what a server would send for it).
    ///
    /// - Throws: a libxml2 failure.
    public func page(_ route: SiteRoute, language: Language = .source) throws(SiteError) -> Data {
        let tree = trees.first { $0.context.language == language } ?? source
        return try PageRenderer(context: tree.context).render(route)
    }

    /// The flow page `flows/<id>.html` in `language` answering its form's `query` (the
    /// decoded pairs of the query string), or `nil` when there is no such flow page or
    /// the query names none of the form's fields (the built page is the answer then).
    ///
    /// - Parameters:
    ///   - now: the moment to simulate when the query gives none (the request's time).
    ///   - maxValueLength: the longest value accepted, in characters.
    /// - Throws: a libxml2 failure.
    public func flowPage(
        _ id: String, language: Language, query: [(name: String, value: String)], now: Date, maxValueLength: Int
    ) throws(SiteError) -> Data? {
        guard context.options.simulatorForm != .none, let tree = trees.first(where: { $0.context.language == language }),
              let flow = tree.context.flows.first(where: { $0.id == id })
        else { return nil }
        let zone = tree.context.flowContext(for: flow).timeZone
        guard let submission = FlowSubmission(
            flow: flow, query: query, now: now, zone: zone, language: language, maxValueLength: maxValueLength
        ) else { return nil }
        return try PageRenderer(context: tree.context).flowPage(flow, submission: submission)
    }

    /// Pages are rendered this many at a time, on all cores; each batch is handed on
    /// before the next starts.
    static let batchSize = 256

    /// Every file of the site.
    ///
    /// - Parameters:
    ///   - progress: called on this thread with the pages rendered so far and the total.
    ///   - rendered: called on this thread with each batch of files as soon as it is
    ///     ready (pages first, then the other files), so a writer can start before the
    ///     build ends.
    public func build(
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil, rendered: (([SiteFile]) -> Void)? = nil
    ) throws(SiteError) -> StaticSite {
        let routes = pageRoutes
        let pages = trees.indices.flatMap { tree in routes.map { (tree, $0) } }
        let renderers = trees.map { PageRenderer(context: $0.context) }
        var files: [SiteFile] = []
        files.reserveCapacity(pages.count + 6 + trees.count)
        var start = 0
        while start < pages.count {
            let batch = Array(pages[start..<min(start + Self.batchSize, pages.count)])
            let results = Parallel.map(count: batch.count) { index in
                Result { () throws(SiteError) -> Data in try renderers[batch[index].0].render(batch[index].1) }
            }
            var built: [SiteFile] = []
            built.reserveCapacity(batch.count)
            for ((tree, route), result) in zip(batch, results) {
                built.append(SiteFile(path: route.path(in: trees[tree].context.language), contents: try result.get()))
            }
            rendered?(built)
            files += built
            start += batch.count
            progress?(start, pages.count)
        }
        let others = try otherFiles(routes)
        rendered?(others)
        return StaticSite(files: files + others)
    }

    /// The files that are not pages: style sheet, icon, the copy script, robots.txt,
    /// each language's search data, the sitemap.
    private func otherFiles(_ routes: [SiteRoute]) throws(SiteError) -> [SiteFile] {
        var files: [SiteFile] = []
        files.append(SiteFile(path: SiteAssets.styleSheetName, contents: SiteAssets.styleSheet))
        files.append(SiteFile(path: SiteAssets.faviconName, contents: SiteAssets.favicon))
        files.append(SiteFile(path: "robots.txt", contents: robots()))
        files.append(SiteFile(path: SiteAssets.copyScriptName, contents: SiteAssets.copyScript))
        if context.options.simulatorForm == .served {
            files.append(SiteFile(path: SiteAssets.flowScriptName, contents: SiteAssets.flowScript))
        }
        if context.options.feedbackEndpoint != nil {
            files.append(SiteFile(path: SiteAssets.feedbackScriptName, contents: SiteAssets.feedbackScript))
        }
        if context.options.search {
            files.append(SiteFile(path: SiteAssets.searchScriptName, contents: SiteAssets.searchScript))
            for tree in trees {
                let path = SiteRoute.searchIndex.path(in: tree.context.language)
                do {
                    let index = try OfflineSearchIndex(knowledgeBase: tree.knowledgeBase).javaScript()
                    files.append(SiteFile(path: path, contents: index))
                } catch {
                    throw .searchIndex(path: path, reason: String(describing: error))
                }
            }
        }
        if context.options.baseURL != nil {
            files.append(SiteFile(path: "sitemap.xml", contents: try sitemap(routes)))
        }
        return files
    }

    /// Every page for crawlers, with the base URL in front; the sitemap names itself.
    private func robots() -> Data {
        var text = "User-agent: *\nAllow: /\n"
        if let baseURL = context.options.baseURL {
            text += "\nSitemap: \(baseURL)sitemap.xml\n"
        }
        return Data(text.utf8)
    }

    /// `sitemap.xml`, built as a libxml2 XML tree: every page of every language but the
    /// 404 and search, with each article's `updated` date as `lastmod` and, when the
    /// site has several languages, each page's `hreflang` alternates (`xhtml:link`).
    private func sitemap(_ routes: [SiteRoute]) throws(SiteError) -> Data {
        let document = MarkupDocument(xmlRoot: "urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9")
        let languages = context.languages
        let xhtml = languages.isMultilingual ? document.declareNamespace("http://www.w3.org/1999/xhtml", prefix: "xhtml") : nil
        for tree in trees {
            let language = tree.context.language
            for route in routes where route != .notFound && route != .search {
                guard let location = context.options.absoluteURL(route, in: language) else { continue }
                let entry = document.root.element("url")
                entry.element("loc", text: location)
                if case let .article(slug) = route, let article = tree.context.content.article(slug),
                   tree.context.strings.date(article.updated) != nil {
                    entry.element("lastmod", text: article.updated)
                }
                let alternates = languages.alternates(of: route)
                guard let xhtml, alternates.count > 1, alternates.contains(language) else { continue }
                for other in alternates {
                    guard let href = context.options.absoluteURL(route, in: other) else { continue }
                    let link = entry.element("link", namespace: xhtml)
                    link.setAttribute("rel", "alternate")
                    link.setAttribute("hreflang", other.code)
                    link.setAttribute("href", href)
                }
            }
        }
        do {
            return try document.serialized()
        } catch {
            throw SiteError(error)
        }
    }
}
