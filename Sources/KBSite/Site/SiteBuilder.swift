public import Foundation
import KBContent
import KBFlows
public import KnowledgeBase

/// Builds the whole static help site from checked content.
///
/// A pure function of the content and the options: no file is read or written, no
/// clock is read, every list is in a fixed order, so two builds of the same content
/// are byte-identical. Pages are rendered on all cores. ``SiteWriter`` puts the
/// result on disk.
public struct SiteBuilder: Sendable {
    let context: SiteContext
    /// The knowledge base the site is built from: its content, its simulators (each
    /// flow whose article is in the content gets a page at `flows/<id>.html`) and the
    /// search index the site exports.
    let knowledgeBase: KnowledgeBase

    public init(knowledgeBase: KnowledgeBase, options: SiteOptions = SiteOptions()) {
        context = SiteContext(content: knowledgeBase.content, options: options, flows: knowledgeBase.flows.flows)
        self.knowledgeBase = knowledgeBase
    }

    /// The flow ids that get a page, in the order they are built.
    public var flowPages: [String] { context.flows.map(\.id) }

    /// Every page the site has, in the order they are built: home, search (when the
    /// site has it), 404, the codes table, each code, each category, each article,
    /// each simulator.
    public var pageRoutes: [SiteRoute] {
        let content = context.content
        return [.home] + (context.options.search ? [.search] : []) + [.notFound, .codes]
            + content.responseCodes.map { .code($0.code) }
            + content.categories.map { .category($0.id) }
            + content.articles.map { .article($0.slug) }
            + context.flows.map { .flow($0.id) }
    }

    /// One page, rendered alone (what a server would send for it).
    ///
    /// - Throws: a libxml2 failure.
    public func page(_ route: SiteRoute) throws(SiteError) -> Data {
        return try PageRenderer(context: context).render(route)
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
        let renderer = PageRenderer(context: context)
        var files: [SiteFile] = []
        files.reserveCapacity(routes.count + 6)
        var start = 0
        while start < routes.count {
            let batch = Array(routes[start..<min(start + Self.batchSize, routes.count)])
            let results = Parallel.map(count: batch.count) { index in
                Result { () throws(SiteError) -> Data in try renderer.render(batch[index]) }
            }
            var pages: [SiteFile] = []
            pages.reserveCapacity(batch.count)
            for (route, result) in zip(batch, results) {
                pages.append(SiteFile(path: route.path, contents: try result.get()))
            }
            rendered?(pages)
            files += pages
            start += batch.count
            progress?(start, routes.count)
        }
        let others = try otherFiles(routes)
        rendered?(others)
        return StaticSite(files: files + others)
    }

    /// The files that are not pages: style sheet, icon, the copy script, robots.txt, search data, sitemap.
    private func otherFiles(_ routes: [SiteRoute]) throws(SiteError) -> [SiteFile] {
        var files: [SiteFile] = []
        files.append(SiteFile(path: SiteAssets.styleSheetName, contents: SiteAssets.styleSheet))
        files.append(SiteFile(path: SiteAssets.faviconName, contents: SiteAssets.favicon))
        files.append(SiteFile(path: "robots.txt", contents: robots()))
        files.append(SiteFile(path: SiteAssets.copyScriptName, contents: SiteAssets.copyScript))
        if context.options.search {
            files.append(SiteFile(path: SiteAssets.searchScriptName, contents: SiteAssets.searchScript))
            do {
                let index = try OfflineSearchIndex(knowledgeBase: knowledgeBase).javaScript()
                files.append(SiteFile(path: SiteAssets.searchIndexName, contents: index))
            } catch {
                throw .searchIndex(reason: String(describing: error))
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

    /// `sitemap.xml`, built as a libxml2 XML tree: every page but the 404 and search, with each
    /// article's `updated` date as `lastmod`.
    private func sitemap(_ routes: [SiteRoute]) throws(SiteError) -> Data {
        let document = MarkupDocument(xmlRoot: "urlset", namespace: "http://www.sitemaps.org/schemas/sitemap/0.9")
        for route in routes where route != .notFound && route != .search {
            guard let location = context.options.absoluteURL(route) else { continue }
            let entry = document.root.element("url")
            entry.element("loc", text: location)
            if case let .article(slug) = route, let article = context.content.article(slug),
               DisplayDate.readable(article.updated) != nil {
                entry.element("lastmod", text: article.updated)
            }
        }
        do {
            return try document.serialized()
        } catch {
            throw SiteError(error)
        }
    }
}
