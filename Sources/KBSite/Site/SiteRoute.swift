public import KBContent

/// A file of the static site, named by what it shows.
///
/// Every language has the same tree of pages (Hugo's multilingual layout): the source
/// language's at the site's root, each translation's under its code (`id/`).
/// ``path`` is where the source language's file is written (from `SiteLayout`, which
/// the server, search results and answers use too), relative to the site's root
/// folder, and ``path(in:)`` where a language's is; ``href(from:fragment:)`` is the
/// relative link to it from another page of the same language, so the folder works
/// wherever it is put, `file://` included.
public enum SiteRoute: Hashable, Sendable {
    case home
    case search
    case notFound
    /// The table of every response code.
    case codes
    /// One response code, by its code (`51`, `N7`).
    case code(String)
    /// One article, by slug.
    case article(String)
    /// One category, by id.
    case category(String)
    /// A simulator page, by flow id (only linked when ``SiteOptions/flowPages`` lists it).
    case flow(String)
    /// A language's search data, `search-index.js` (the index of that language's text).
    case searchIndex
    /// A file that is not a page and is shared by every language, at the site's root:
    /// `style.css`, `favicon.svg`, `search.js`, …
    case file(String)

    /// The file's path below the site's root, e.g. `articles/unlock-account.html`.
    public var path: String {
        switch self {
        case .home: return "index.html"
        case .search: return "search.html"
        case .notFound: return "404.html"
        case .codes: return SiteLayout.codesIndexPath
        case let .code(code): return SiteLayout.codePath(code)
        case let .article(slug): return SiteLayout.articlePath(slug)
        case let .category(id): return SiteLayout.categoryPath(id)
        case let .flow(id): return "flows/\(id).html"
        case .searchIndex: return SiteAssets.searchIndexName
        case let .file(name): return name
        }
    }

    /// The file's path below the site's root in `language`'s tree: ``path`` for the
    /// source language and for shared files, else under the language's code
    /// (`id/articles/unlock-account.html`).
    public func path(in language: Language) -> String {
        if case .file = self { return path }
        return Self.folder(of: language) + path
    }

    /// The folder of a language's tree, ending in `/`: empty for the source language, `id/`.
    public static func folder(of language: Language) -> String {
        language == .source ? "" : language.code + "/"
    }

    /// A relative link to this file in `language`'s tree from `page` in `pageLanguage`'s,
    /// with an optional `#fragment`.
    public func href(
        in language: Language, from page: SiteRoute, in pageLanguage: Language, fragment: String? = nil
    ) -> String {
        let target = path(in: language)
        let source = page.path(in: pageLanguage)
        if target == source, let fragment { return "#" + fragment }
        let link = Self.relativePath(to: target, from: source)
        guard let fragment else { return link }
        return link + "#" + fragment
    }

    /// A relative link to this file from `page`, with an optional `#fragment`.
    ///
    /// - Complexity: O(length of the two paths); this runs for every link of every page.
    public func href(from page: SiteRoute, fragment: String? = nil) -> String {
        if self == page, let fragment { return "#" + fragment }
        let link = Self.relativePath(to: path, from: page.path)
        guard let fragment else { return link }
        return link + "#" + fragment
    }

    /// The path of `target` as seen from the folder of `source`: `..` for each folder of
    /// `source` not shared with `target`, then the rest of `target`.
    static func relativePath(to target: String, from source: String) -> String {
        let targetBytes = target.utf8
        let sourceBytes = source.utf8
        let slash = UInt8(ascii: "/")
        // Where the folders both paths share end, just past a '/'.
        var sharedInTarget = targetBytes.startIndex
        var sharedInSource = sourceBytes.startIndex
        var targetIndex = targetBytes.startIndex
        var sourceIndex = sourceBytes.startIndex
        while targetIndex != targetBytes.endIndex, sourceIndex != sourceBytes.endIndex,
              targetBytes[targetIndex] == sourceBytes[sourceIndex] {
            let byte = targetBytes[targetIndex]
            targetBytes.formIndex(after: &targetIndex)
            sourceBytes.formIndex(after: &sourceIndex)
            if byte == slash {
                sharedInTarget = targetIndex
                sharedInSource = sourceIndex
            }
        }
        let up = sourceBytes[sharedInSource...].reduce(0) { $1 == slash ? $0 + 1 : $0 }
        let rest = Substring(targetBytes[sharedInTarget...])
        if up == 0 { return String(rest) }
        return String(repeating: "../", count: up) + rest
    }

    /// How many folders deep the file is (0 for `index.html`).
    var depth: Int { path.split(separator: "/").count - 1 }
}
