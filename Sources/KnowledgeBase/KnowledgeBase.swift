public import KBContent
public import KBSearch

/// The facade every front end calls: the loaded content and what is derived
/// from it (lookups, answers, and search). An immutable value, safe to share
/// between threads; reloading builds a new one.
public struct KnowledgeBase: Sendable {
    public let content: Content
    /// A hash of the content files: tells one version of the content from another.
    public let version: String
    /// The warnings the checker found (a knowledge base never holds errors).
    public let warnings: [Diagnostic]
    /// The search index over articles and response codes, built once.
    public let index: SearchIndex

    /// Builds a knowledge base, and its search index, from checked content.
    public init(content: Content, version: String, warnings: [Diagnostic] = []) {
        self.content = content
        self.version = version
        self.warnings = warnings
        index = SearchIndex(
            documents: Self.searchDocuments(for: content),
            schema: Self.searchSchema,
            analyzer: Analyzer(synonyms: content.synonyms.map(\.terms))
        )
    }

    /// Loads and checks the folder. Content with errors is refused, with every
    /// diagnostic, so that a broken edit never replaces a good knowledge base.
    public static func load(directory: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        let result = ContentLoader(directory: directory).load()
        guard result.isValid else { throw .invalidContent(directory: directory, diagnostics: result.diagnostics) }
        return KnowledgeBase(content: result.content, version: result.version, warnings: result.diagnostics)
    }

    /// What a subject names: an article slug, a response code, or a code's name or alias.
    public enum Subject: Sendable, Hashable {
        case article(Article)
        case code(ResponseCode)
    }

    /// Resolves a slug, a code (any case) or a code's name; `nil` when nothing matches exactly.
    public func subject(named text: String) -> Subject? {
        let trimmed = text.trimmingSpaces()
        let slug = trimmed.hasSuffix(".md") ? String(trimmed.dropLast(3)) : trimmed
        if let article = content.article(slug.lowercased()) { return .article(article) }
        if let code = content.responseCode(trimmed) ?? content.responseCode(named: trimmed) { return .code(code) }
        return nil
    }

    /// The answer for a subject, with ticket variables filled.
    public func answer(for subject: Subject, variables: AnswerVariables, strict: Bool = false) throws(AnswerError) -> Answer {
        switch subject {
        case let .article(article): return try Answer.forArticle(article, variables: variables, strict: strict)
        case let .code(code): return try Answer.forCode(code, variables: variables, strict: strict)
        }
    }
}

/// Why a knowledge base could not be built.
public enum KnowledgeBaseError: Error, Sendable, CustomStringConvertible {
    case invalidContent(directory: String, diagnostics: [Diagnostic])

    /// The errors among the diagnostics.
    public var errors: [Diagnostic] {
        switch self {
        case let .invalidContent(_, diagnostics): return diagnostics.filter { $0.severity == .error }
        }
    }

    public var description: String {
        switch self {
        case let .invalidContent(directory, _):
            let count = errors.count
            return "the content in '\(directory)' has \(count) error\(count == 1 ? "" : "s"); run `kb check` and fix them"
        }
    }
}

extension String {
    /// Without leading and trailing white space.
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
