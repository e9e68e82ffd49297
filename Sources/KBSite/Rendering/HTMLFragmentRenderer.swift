public import KBContent

/// Markdown as an HTML fragment, built as a libxml2 tree the way the site's pages are:
/// an answer for a rich e-mail editor (`kb answer --format html`, the answer API) or an
/// article's body for the API's `html` field.
///
/// Everything the site's pages guarantee holds here too: text and attributes are
/// escaped by libxml2, raw HTML in the Markdown is dropped, and a link is written only
/// when it leads to an `http`, `https` or `mailto` address or to a page of the help site.
public struct HTMLFragmentRenderer: Sendable {
    /// How links to the help site's pages (articles, response codes) are written.
    public enum SiteLinks: Sendable, Hashable {
        /// Absolute, under the site's public address (`https://help.example.com/`).
        case absolute(baseURL: String)
        /// From the root of the host serving the fragment (`/articles/x.html`), as `kb serve`
        /// serves the site at `/`.
        case rootRelative
        /// Not at all: such a link keeps only its text, as for an answer with no base URL.
        case textOnly
    }

    public let content: Content
    public let siteLinks: SiteLinks

    public init(content: Content, siteLinks: SiteLinks) {
        self.content = content
        self.siteLinks = siteLinks
    }

    /// For answers: absolute links when `baseURL` is given (and not empty), else text only.
    public init(content: Content, baseURL: String?) {
        if let baseURL, !baseURL.isEmpty {
            self.init(content: content, siteLinks: .absolute(baseURL: baseURL))
        } else {
            self.init(content: content, siteLinks: .textOnly)
        }
    }

    /// The answer's reply as HTML. Its line breaks are kept (`<br>`), as a reply's sign-off
    /// is written on two lines and the text format keeps them too.
    public func html(_ answer: Answer) throws(LibXML2Error) -> String {
        try html(answer.document, keepsLineBreaks: true)
    }

    /// The document's blocks as HTML; headings start at `<h2>`, with ids that link to
    /// themselves. Line breaks inside a paragraph are spaces, as on the site's pages.
    public func html(_ document: MarkdownDocument) throws(LibXML2Error) -> String {
        try html(document, keepsLineBreaks: false)
    }

    private func html(_ document: MarkdownDocument, keepsLineBreaks: Bool) throws(LibXML2Error) -> String {
        let placement: LinkResolver.Placement
        switch siteLinks {
        case let .absolute(baseURL):
            placement = .prefix(baseURL.hasSuffix("/") ? baseURL : baseURL + "/")
        case .rootRelative:
            placement = .prefix("/")
        case .textOnly:
            placement = .detached
        }
        let links = LinkResolver(content: content, placement: placement, ownAnchors: document.headingAnchors)
        return try MarkupDocument.fragment { body in
            MarkdownHTMLRenderer(links: links, keepsLineBreaks: keepsLineBreaks).render(document, into: body)
        }
    }
}
