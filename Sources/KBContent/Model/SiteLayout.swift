/// Where each page lives on the help site, relative to its root. One place, so
/// the site, the server, search results and answers agree on every address.
public enum SiteLayout {
    public static func articlePath(_ slug: String) -> String { "articles/\(slug).html" }
    public static func codePath(_ code: String) -> String { "codes/\(code).html" }
    public static func categoryPath(_ id: String) -> String { "categories/\(id).html" }
    public static let codesIndexPath = "codes/index.html"

    /// `path` under `baseURL` (`https://help.example.com/kb` + `articles/x.html`).
    public static func absolute(_ path: String, baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + path
    }

    /// The site path a content link leads to (`slug.md#a` → `articles/slug.html#a`,
    /// `code:51` → `codes/51.html`), or `nil` for an external link.
    public static func path(forContentLink destination: String) -> String? {
        if destination.hasPrefix("code:") { return codePath(String(destination.dropFirst(5)).uppercased()) }
        if destination.contains("://") || destination.hasPrefix("mailto:") { return nil }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts.first.map(String.init) ?? ""
        guard file.hasSuffix(".md") else { return nil }
        let slug = String((file.split(separator: "/").last ?? "").dropLast(3))
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return articlePath(slug) + fragment
    }
}
