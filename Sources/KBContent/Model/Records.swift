/// The JSON shape of an article, as `kb show --json` and `kb list --json` print it.
public struct ArticleRecord: Sendable, Codable, Hashable {
    public var slug: String
    public var title: String
    public var summary: String
    public var category: String
    public var tags: [String]
    public var questions: [String]
    public var related: [String]
    public var flow: String?
    public var updated: String
    /// The Markdown body with placeholders filled; absent in lists.
    public var markdown: String?

    public init(_ article: Article, includeBody: Bool) {
        slug = article.slug
        title = article.title
        summary = article.summary
        category = article.category
        tags = article.tags
        questions = article.questions
        related = article.related
        flow = article.flow
        updated = article.updated
        markdown = includeBody ? article.body : nil
    }
}

extension Content {
    /// Response codes that are one character away from `text`, or whose name
    /// or aliases contain it: what to suggest when a code is not found.
    public func responseCodes(closeTo text: String, limit: Int = 5) -> [ResponseCode] {
        let wanted = text.uppercased()
        let padded = wanted.count == 1 ? "0" + wanted : wanted
        let candidates = responseCodes.filter { code in
            if code.code == padded { return true }
            let a = Array(code.code), b = Array(padded)
            if a.count == b.count, zip(a, b).filter({ $0 != $1 }).count == 1 { return true }
            let phrase = text.lowercased()
            return phrase.count >= 3 && (code.name.lowercased().contains(phrase) || code.aliases.contains { $0.contains(phrase) })
        }
        return Array(candidates.prefix(limit))
    }

    /// Slugs that contain `text` or are at most three edits from it: what to suggest
    /// when an article is not found.
    public func articleSlugs(closeTo text: String, limit: Int = 3) -> [String] {
        let wanted = text.lowercased()
        let close = articles.map(\.slug).filter { $0.contains(wanted) || editDistance($0, wanted) <= 3 }
        return Array(close.prefix(limit))
    }

    /// The code whose name or one of whose aliases is exactly `phrase` (any case).
    public func responseCode(named phrase: String) -> ResponseCode? {
        let wanted = phrase.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return responseCodes.first { $0.name.lowercased() == wanted || $0.aliases.contains(wanted) }
    }
}
