import KBContent

/// Decides where a link in an article body may lead, from the page it is on.
///
/// Only these become links: `http`, `https` and `mailto` addresses; another article
/// (`slug.md`, `./slug.md`, `../slug.md`, with an optional `#heading` that exists);
/// a response code (`code:51`); a heading of the same article (`#heading`). Anything
/// else (`javascript:`, `data:`, unknown schemes, absolute or network paths, missing
/// articles) is shown as plain text, so a page never links to script or to nowhere.
struct LinkResolver {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Where the links are read, which decides how a link to the site is written.
    enum Placement: Hashable {
        /// On a page of the site: links to other pages are relative to it.
        case page(SiteRoute)
        /// Outside the site (an API response, an e-mail): links to its pages are
        /// `prefix` + the page's path, e.g. `https://help.example.com/` or `/`.
        case prefix(String)
        /// Outside the site with no address for it: links to its pages keep only their text.
        case detached
    }

    let content: Content
    let placement: Placement
    /// The heading ids of the text's own body (`#heading` links to them are kept,
    /// except when ``placement`` is ``Placement/detached``).
    let ownAnchors: Set<String>

    init(content: Content, placement: Placement, ownAnchors: Set<String>) {
        self.content = content
        self.placement = placement
        self.ownAnchors = ownAnchors
    }

    /// Links on the site's page `page`.
    init(content: Content, page: SiteRoute, ownAnchors: Set<String>) {
        self.init(content: content, placement: .page(page), ownAnchors: ownAnchors)
    }

    /// The href for `destination`, or `nil` when it must be shown as text.
    func href(for destination: String) -> String? {
        guard let cleaned = Self.cleaned(destination), !cleaned.isEmpty else { return nil }
        if let scheme = Self.scheme(of: cleaned) {
            if scheme == "code" { return codeHref(String(cleaned.dropFirst("code:".count))) }
            return Self.allowedSchemes.contains(scheme) ? cleaned : nil
        }
        let (path, fragment) = Self.splitFragment(cleaned)
        if path.isEmpty {
            guard let fragment, ownAnchors.contains(fragment), placement != .detached else { return nil }
            return "#" + fragment
        }
        return articleHref(path: path, fragment: fragment)
    }

    private func codeHref(_ text: String) -> String? {
        guard let code = content.responseCode(text) else { return nil }
        return href(to: .code(code.code), fragment: nil)
    }

    /// The link to one of the site's files, as written where the links are read.
    private func href(to route: SiteRoute, fragment: String?) -> String? {
        switch placement {
        case let .page(page):
            return route.href(from: page, fragment: fragment)
        case let .prefix(prefix):
            return prefix + route.path + (fragment.map { "#" + $0 } ?? "")
        case .detached:
            return nil
        }
    }

    private func articleHref(path: String, fragment: String?) -> String? {
        var relative = Substring(path)
        if relative.hasPrefix("./") {
            relative = relative.dropFirst(2)
        } else if relative.hasPrefix("../") {
            relative = relative.dropFirst(3)
        }
        guard relative.hasSuffix(".md"), !relative.contains("/"), !relative.contains("\\") else { return nil }
        guard let article = content.article(String(relative.dropLast(3))) else { return nil }
        let anchor = fragment.flatMap { article.document.headingAnchors.contains($0) ? $0 : nil }
        return href(to: .article(article.slug), fragment: anchor)
    }

    /// The destination as a browser reads it: ASCII tabs and newlines removed anywhere,
    /// spaces and controls trimmed from the ends; `nil` when other controls remain.
    static func cleaned(_ destination: String) -> String? {
        // Most destinations are printable ASCII already: nothing to remove.
        let isPrintableASCII = destination.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { (0x21...0x7E).contains($0) }
        }
        if isPrintableASCII == true {
            return destination.hasPrefix("/") || destination.hasPrefix("\\") ? nil : destination
        }
        var scalars = String.UnicodeScalarView()
        for scalar in destination.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            scalars.append(scalar)
        }
        let isEdge = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 }
        while let first = scalars.first, isEdge(first) { scalars.removeFirst() }
        while let last = scalars.last, isEdge(last) { scalars.removeLast() }
        if scalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) { return nil }
        let text = String(scalars)
        // "//host", "\\host" and "/path" leave the site folder (or the file:// tree).
        if text.hasPrefix("/") || text.hasPrefix("\\") { return nil }
        return text
    }

    /// The lower-cased scheme, when `text` starts with one (`letter (letter|digit|+|-|.)* ":"`).
    static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.unicodeScalars.first, first.isASCIILetter else { return nil }
        let isScheme = candidate.unicodeScalars.allSatisfy { scalar in
            scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
        }
        return isScheme ? candidate.lowercased() : nil
    }

    static func splitFragment(_ text: String) -> (path: String, fragment: String?) {
        guard let hash = text.firstIndex(of: "#") else { return (text, nil) }
        return (String(text[..<hash]), String(text[text.index(after: hash)...]))
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
