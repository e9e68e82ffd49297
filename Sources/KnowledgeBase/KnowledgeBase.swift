public import KBContent
public import KBFlows
public import KBSearch

/// The facade every front end calls: the loaded content and what is derived
/// from it (lookups, answers, search, and the flow simulators). An immutable
/// value, safe to share between threads; reloading builds a new one.
///
/// One load gives content, index and flows together, or located diagnostics:
/// whatever ``check(directory:)`` accepts, every front end can serve.
public struct KnowledgeBase: Sendable {
    public let content: Content
    /// A hash of the content files: tells one version of the content from another.
    public let version: String
    /// The warnings the checker found (a knowledge base never holds errors).
    public let warnings: [Diagnostic]
    /// The search index over articles and response codes, built once.
    public let index: SearchIndex
    /// The troubleshooting simulators, made from the source content's policies: every
    /// flow when an article names one, none for content without simulators. The same
    /// registry in every edition; a flow runs in the language its `FlowContext` names,
    /// citing that language's article sections.
    public let flows: FlowRegistry
    /// The language of ``content`` and of ``index``'s analyzer.
    public var language: Language { content.language }
    /// The other languages' knowledge bases, on the source language's (see ``edition(_:)``).
    private let editions: [Language: KnowledgeBase]
    /// The words of the content in its own language, for ``detectLanguage(of:)``; empty
    /// when there is only one language.
    let vocabulary: Set<String>

    /// Builds a knowledge base, its search index and its simulators from content
    /// the loader accepted, and one knowledge base per translation (``edition(_:)``).
    ///
    /// - Throws: ``KnowledgeBaseError/invalidContent(directory:diagnostics:)`` when an
    ///   article names an unknown flow or a simulator cannot use a policy value
    ///   (``flowDiagnostics(for:)``).
    public init(
        content: Content, version: String, warnings: [Diagnostic] = [], translations: [Language: Content] = [:]
    ) throws(KnowledgeBaseError) {
        let (flows, problems) = Self.makeFlows(content, translations: translations)
        guard let flows else { throw .invalidContent(directory: "the content", diagnostics: warnings + problems) }
        let multilingual = !translations.isEmpty
        let others = translations.filter { $0.key != content.language }.sorted { $0.key < $1.key }.map(\.value)
        let searches = Self.searchParts(for: [content] + others, multilingual: multilingual)
        var editions: [Language: KnowledgeBase] = [:]
        for (translated, (index, vocabulary)) in zip(others, searches.dropFirst()) {
            editions[translated.language] = KnowledgeBase(
                content: translated, version: version, warnings: [], flows: flows, editions: [:], index: index, vocabulary: vocabulary
            )
        }
        self.init(
            content: content, version: version, warnings: warnings, flows: flows, editions: editions,
            index: searches[0].index, vocabulary: searches[0].vocabulary
        )
    }

    private init(
        content: Content, version: String, warnings: [Diagnostic], flows: FlowRegistry, editions: [Language: KnowledgeBase],
        index: SearchIndex, vocabulary: Set<String>
    ) {
        self.content = content
        self.version = version
        self.warnings = warnings
        self.flows = flows
        self.editions = editions
        self.index = index
        self.vocabulary = vocabulary
    }

    /// Each content's search index and (when there are several languages) vocabulary,
    /// built at once on every core: they share nothing but the analyzer, which is safe
    /// to share between threads.
    private static func searchParts(
        for contents: [Content], multilingual: Bool
    ) -> [(index: SearchIndex, vocabulary: Set<String>)] {
        let analyzers = contents.map { Analyzer(synonyms: $0.synonyms.map(\.terms), language: analyzerLanguage($0.language)) }
        let count = contents.count
        // Pieces 0..<count build the indexes, the rest the vocabularies.
        let pieces = Parallel.map(multilingual ? 2 * count : count) { piece -> (SearchIndex?, Set<String>) in
            let k = piece % count
            if piece < count {
                return (SearchIndex(documents: searchDocuments(for: contents[k]), schema: searchSchema, analyzer: analyzers[k]), [])
            }
            return (nil, vocabulary(of: contents[k], analyzer: analyzers[k]))
        }
        return (0..<count).map { k in (pieces[k].0!, multilingual ? pieces[count + k].1 : []) }
    }

    /// The knowledge base in `language`: this one for its own language, else the
    /// translation's (every article and code, translated where a translation exists),
    /// else this one.
    public func edition(_ language: Language) -> KnowledgeBase {
        language == self.language ? self : editions[language] ?? self
    }

    /// Every language this knowledge base answers in, the source first.
    public var languages: [Language] { [language] + editions.keys.sorted() }

    /// The analyzer that stems and drops stop words for a content language.
    static func analyzerLanguage(_ language: Language) -> Analyzer.Language {
        switch language {
        case .english: .english
        case .indonesian: .indonesian
        }
    }

    /// What checking a content folder found: every diagnostic, sorted by place, and
    /// the knowledge base when none of them is an error.
    public struct Check: Sendable {
        public var knowledgeBase: KnowledgeBase?
        public var diagnostics: [Diagnostic]
        /// Every article, code and category read, even when there are errors.
        public var content: Content
        /// The hash of the files read (``KnowledgeBase/version``).
        public var version: String
    }

    /// Loads the folder and checks everything a front end relies on: the files, their
    /// cross-references, and the simulators' use of the policies. What `kb check` runs.
    public static func check(directory: String) -> Check {
        check(files: .folder(directory))
    }

    /// Checks content read from `files` (a folder, or the copy built into kb): see ``check(directory:)``.
    public static func check(files: ContentFiles) -> Check {
        let result = ContentLoader(files: files).load()
        guard result.isValid else { return Check(knowledgeBase: nil, diagnostics: result.diagnostics, content: result.content, version: result.version) }
        // The initialiser makes the simulators once and refuses them with located diagnostics.
        do throws(KnowledgeBaseError) {
            let knowledgeBase = try KnowledgeBase(
                content: result.content, version: result.version, warnings: result.diagnostics, translations: result.translations
            )
            return Check(knowledgeBase: knowledgeBase, diagnostics: result.diagnostics, content: result.content, version: result.version)
        } catch {
            switch error {
            case let .invalidContent(_, diagnostics):
                return Check(knowledgeBase: nil, diagnostics: diagnostics.sortedByLocation(), content: result.content, version: result.version)
            }
        }
    }

    /// Loads and checks the folder. Content with errors is refused, with every
    /// diagnostic, so that a broken edit never replaces a good knowledge base.
    public static func load(directory: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        try load(files: .folder(directory))
    }

    /// Loads and checks content read from `files`: see ``load(directory:)``.
    public static func load(files: ContentFiles) throws(KnowledgeBaseError) -> KnowledgeBase {
        let check = check(files: files)
        guard let knowledgeBase = check.knowledgeBase else {
            throw .invalidContent(directory: files.label, diagnostics: check.diagnostics)
        }
        return knowledgeBase
    }

    /// The simulators of `content`, or the diagnostics that stop them: an article's
    /// `flow` that names no simulator (at its front-matter line), and each policy value
    /// a simulator refuses (at its line in `policies.yaml`). The one place a
    /// ``FlowRegistry`` is made; `translations` give it what the flows quote in each
    /// language and where each translated article's sections are.
    private static func makeFlows(_ content: Content, translations: [Language: Content] = [:]) -> (FlowRegistry?, [Diagnostic]) {
        let named = content.articles.filter { $0.flow != nil }
        guard !named.isEmpty else { return (.empty, []) }
        var problems: [Diagnostic] = []
        let registry: FlowRegistry?
        do throws(FlowRegistryError) {
            registry = try FlowRegistry(content: content, translations: translations)
        } catch {
            registry = nil
            problems += error.failures.map { policyDiagnostic($0, content: content) }
        }
        let known = FlowRegistry.simulatorIDs
        for article in named {
            guard let id = article.flow, !known.contains(id) else { continue }
            problems.append(Diagnostic(
                .error, .unknownFlow, at: article.flowLocation ?? SourceLocation(file: article.sourcePath),
                message: "unknown flow '\(id)'",
                hint: "use one of: \(known.joined(separator: ", ")) (`kb simulate --list`), or remove the 'flow' field"
            ))
        }
        return (problems.hasErrors ? nil : registry, problems)
    }

    /// The diagnostics about the simulators that `content` would give (see ``init(content:version:warnings:)``).
    public static func flowDiagnostics(for content: Content) -> [Diagnostic] {
        makeFlows(content).1
    }

    /// A policy value a simulator cannot use, at its line in `policies.yaml`.
    private static func policyDiagnostic(_ failure: FlowPolicyError, content: Content) -> Diagnostic {
        let location = content.policies.locations[failure.path] ?? SourceLocation(file: content.policies.locations.values.first?.file ?? "policies.yaml")
        return Diagnostic(
            .error, .flowPolicy, at: location,
            message: "policy '\(failure.path)' \(failure.message) (read by flow \(failure.flow))", hint: failure.hint
        )
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
