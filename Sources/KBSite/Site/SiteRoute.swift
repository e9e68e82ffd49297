import KBContent

/// A file of the static site, named by what it shows.
///
/// ``path`` is where the file is written (from `SiteLayout`, which the server, search
/// results and answers use too), relative to the site's root folder;
/// ``href(from:)`` is the relative link to it from another page, so the folder
/// works wherever it is put, `file://` included.
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
    /// A file that is not a page: `style.css`, `favicon.svg`, `search.js`, …
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
        case let .file(name): return name
        }
    }

    /// A relative link to this file from `page`, with an optional `#fragment`.
    public func href(from page: SiteRoute, fragment: String? = nil) -> String {
        if self == page, let fragment { return "#" + fragment }
        let from = page.path.split(separator: "/").dropLast()
        let to = path.split(separator: "/")
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[from.startIndex + shared] == to[shared] {
            shared += 1
        }
        let up = String(repeating: "../", count: from.count - shared)
        let link = up + to[shared...].joined(separator: "/")
        return fragment.map { link + "#" + $0 } ?? link
    }

    /// How many folders deep the file is (0 for `index.html`).
    var depth: Int { path.split(separator: "/").count - 1 }
}
