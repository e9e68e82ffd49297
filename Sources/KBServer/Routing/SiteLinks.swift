import KBContent
import KBSite

/// Addresses of help-site pages in API answers: absolute under the server's
/// `--base-url` when it has one, else root-relative (the server serves the site at `/`).
struct SiteLinks: Sendable {
    var baseURL: String?

    /// The address of a site path such as `articles/unlock-account.html`.
    func url(_ path: String) -> String {
        if let baseURL { return SiteLayout.absolute(path, baseURL: baseURL) }
        return "/" + path
    }

    /// How links to the site are written in HTML the API returns (an article's body, an answer).
    var fragmentLinks: HTMLFragmentRenderer.SiteLinks {
        baseURL.map { .absolute(baseURL: $0) } ?? .rootRelative
    }

    /// Pages in a translation live under its code: `id/articles/…`.
    private func prefix(_ language: Language) -> String {
        language == .source ? "" : language.code + "/"
    }

    func article(_ slug: String, language: Language = .source) -> String { url(prefix(language) + SiteLayout.articlePath(slug)) }
    func code(_ code: String, language: Language = .source) -> String { url(prefix(language) + SiteLayout.codePath(code)) }
    func category(_ id: String, language: Language = .source) -> String { url(prefix(language) + SiteLayout.categoryPath(id)) }
}
