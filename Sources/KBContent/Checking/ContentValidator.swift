/// Checks what one file cannot check alone: categories, related articles and
/// links that must name other content.
enum ContentValidator {
    static let allowedSchemes = ["http", "https", "mailto"]

    static func check(
        _ parsed: [ArticleReader.Parsed], in content: Content, declaredCodes: Set<String>, _ collector: DiagnosticCollector
    ) {
        let categoryIDs = content.categories.map(\.id)
        for entry in parsed {
            let article = entry.article
            if entry.categoryIsSet, content.category(article.category) == nil {
                collector.error(
                    .unknownCategory, entry.categoryLocation, "unknown category '\(article.category)'",
                    hint: "use one of: \(categoryIDs.joined(separator: ", ")) (from categories.yaml)"
                )
            }
            for slug in article.related {
                if slug == article.slug {
                    collector.error(.unknownRelated, entry.relatedLocation, "the article lists itself in 'related'", hint: "remove '\(slug)' from related")
                } else if content.article(slug) == nil {
                    collector.error(
                        .unknownRelated, entry.relatedLocation, "related article '\(slug)' does not exist",
                        hint: suggestion(for: slug, among: content.articles.map(\.slug))
                    )
                }
            }
            for link in article.document.links {
                let location = SourceLocation(
                    file: article.sourcePath, line: link.position.line + entry.bodyLineOffset, column: link.position.column
                )
                if let problem = problem(with: link.destination, in: article, content, declaredCodes: declaredCodes) {
                    collector.error(.brokenLink, location, problem.message, hint: problem.hint)
                }
            }
        }
    }

    /// What is wrong with a link, or `nil` when it leads somewhere real.
    static func problem(
        with destination: String, in article: Article, _ content: Content, declaredCodes: Set<String>
    ) -> (message: String, hint: String)? {
        if destination.hasPrefix("code:") {
            let code = String(destination.dropFirst("code:".count))
            if declaredCodes.contains(code.uppercased()) { return nil }
            return ("link to unknown response code '\(code)'", "codes are defined in response-codes.yaml")
        }
        if let colon = destination.firstIndex(of: ":"),
           destination[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) {
            let scheme = destination[..<colon].lowercased()
            if allowedSchemes.contains(scheme) { return nil }
            return ("link scheme '\(scheme):' is not allowed", "link to https:// or mailto: addresses, articles (slug.md) or codes (code:51)")
        }
        let (path, anchor) = splitAnchor(destination)
        if path.isEmpty {
            if let anchor, !article.document.headingAnchors.contains(anchor) {
                return ("no heading '#\(anchor)' in this article", anchorHint(article))
            }
            return nil
        }
        guard path.hasSuffix(".md"), !path.contains("/") || path.hasPrefix("../") || path.hasPrefix("./") else {
            return ("link '\(destination)' is not an article, a code or a web address",
                    "write article links as slug.md, codes as code:51, and web links in full with https://")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let slug = String(name.dropLast(".md".count))
        guard let target = content.article(slug) else {
            return ("link to missing article '\(slug)'", suggestion(for: slug, among: content.articles.map(\.slug)))
        }
        if let anchor, !target.document.headingAnchors.contains(anchor) {
            return ("no heading '#\(anchor)' in article '\(slug)'", anchorHint(target))
        }
        return nil
    }

    /// The slug an article link names (`unlock-account.md#x` → `unlock-account`), or `nil`
    /// for a code, web or in-page link.
    static func articleSlug(in destination: String) -> String? {
        guard !destination.contains(":") else { return nil }
        let (path, _) = splitAnchor(destination)
        guard path.hasSuffix(".md") else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.dropLast(".md".count))
    }

    private static func splitAnchor(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    private static func anchorHint(_ article: Article) -> String {
        let anchors = article.document.headingAnchors.sorted()
        return anchors.isEmpty ? "'\(article.slug)' has no headings" : "its headings are: #" + anchors.joined(separator: ", #")
    }

    static func suggestion(for slug: String, among slugs: [String]) -> String {
        let closest = slugs.min { editDistance($0, slug) < editDistance($1, slug) }
        if let closest, editDistance(closest, slug) <= max(3, slug.count / 3) {
            return "did you mean '\(closest)'?"
        }
        return "articles are the .md files in the articles folder; `kb list articles` shows their slugs"
    }
}
