import Foundation
import KBContent

/// How a site is built: where it will be served and what it is called.
public struct SiteOptions: Sendable, Hashable {
    /// The public address of the site's root, ending in `/` (e.g. `https://help.example.com/docs/`).
    /// With it, pages get `<link rel="canonical">` and the build writes `sitemap.xml`;
    /// without it, the site has no absolute URL at all.
    public var baseURL: String?
    /// The name in every page's header and `<title>`, in every language; `nil` (the
    /// default) for each language's own name ("Midtrans Help Center", "Pusat Bantuan
    /// Midtrans"). Each page's `lang` is its knowledge base's language.
    public var siteName: String?
    /// Flow ids that have a simulator page at ``SiteRoute/flow(_:)``. An article whose
    /// `flow` is listed gets a "Try the simulator" link. ``SiteBuilder`` sets it to the
    /// flows it builds pages for (whatever was given is replaced), so a link is never
    /// written to a page that is not built.
    public var flowPages: Set<String>
    /// Whether the site has its offline search: `search.html`, `search.js`, the index in
    /// `search-index.js`, and a search box on the home, 404 and search pages. Off only
    /// to time page rendering alone (the bench's Hugo peer has no search).
    public var search: Bool
    /// Whether flow pages have a form to run the simulator on a reader's own values, and
    /// where it is sent: none on a site built for static hosting unless a kb server is
    /// named (`kb site build --simulator-url`).
    public var simulatorForm: SimulatorForm

    /// Where a flow page's form sends what a reader typed.
    public enum SimulatorForm: Sendable, Hashable {
        /// No form: the page has its tables and the "run it yourself" commands.
        case none
        /// The page is served by `kb serve`: the form is a GET to the page itself, which
        /// the server answers with the result rendered in; with JavaScript, the script
        /// asks the server's API (same origin) and no page loads.
        case served
        /// A static page whose form is a GET to the same page on the kb server at this
        /// base URL (ending in `/`), which renders the result there.
        case remote(String)
    }

    /// Where "Was this helpful?" posts (a kb server's `/v1/feedback`); `nil` (the
    /// default) for no widget. `kb serve` sets it to its own route; `kb site build` only
    /// with `--feedback-url` (``feedbackEndpoint(serverURL:)``).
    public var feedbackEndpoint: String?

    public init(
        baseURL: String? = nil, siteName: String? = nil, flowPages: Set<String> = [], search: Bool = true,
        simulatorForm: SimulatorForm = .none, feedbackEndpoint: String? = nil
    ) {
        self.feedbackEndpoint = feedbackEndpoint
        self.baseURL = baseURL
        self.siteName = siteName
        self.flowPages = flowPages
        self.search = search
        self.simulatorForm = simulatorForm
    }

    /// `text` as a base URL: an absolute `http` or `https` address with a host and no
    /// query or fragment, given a trailing `/`.
    ///
    /// - Throws: ``SiteError/invalidBaseURL(_:reason:)`` naming what is wrong.
    public static func normalizedBaseURL(_ text: String) throws(SiteError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw .invalidBaseURL(text, reason: "it is not an absolute URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .invalidBaseURL(text, reason: "its scheme is '\(scheme)', not http or https")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidBaseURL(text, reason: "it has no host name")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidBaseURL(text, reason: "it has a query or fragment")
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The feedback route of the kb server at `serverURL` (its base URL, as for ``normalizedBaseURL(_:)``).
    public static func feedbackEndpoint(serverURL: String) throws(SiteError) -> String {
        try normalizedBaseURL(serverURL) + "v1/feedback"
    }

    /// The absolute URL of `route` in `language`'s tree, when a base URL is set; a
    /// folder's `index.html` is left off.
    func absoluteURL(_ route: SiteRoute, in language: Language = .source) -> String? {
        guard let baseURL else { return nil }
        let path = route.path(in: language)
        if path == "index.html" { return baseURL }
        if path.hasSuffix("/index.html") { return baseURL + path.dropLast("index.html".count) }
        return baseURL + path
    }
}
