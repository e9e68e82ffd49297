import Foundation

/// Loads and checks a content folder. The only part of KBContent that reads files.
public struct ContentLoader: Sendable {
    /// The files read.
    public var files: ContentFiles
    /// The content folder, as given, or the label of files in memory (the prefix of
    /// every diagnostic's file).
    public var directory: String { files.label }

    public init(directory: String) {
        files = .folder(directory)
    }

    public init(files: ContentFiles) {
        self.files = files
    }

    /// The result of a load: the content read (as much as could be), and every problem found.
    public struct Result: Sendable {
        public var content: Content
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
        /// A hash of every file read, to tell one version of the content from another.
        public var version: String
        /// The content in each translated language (``Language/translations``): every
        /// article, code and category, translated where a translation exists.
        public var translations: [Language: Content] = [:]

        /// True when no diagnostic is an error.
        public var isValid: Bool { !diagnostics.hasErrors }
    }

    /// Reads every file, checks it, and reports all problems at once. Never throws:
    /// a missing or unreadable file is a diagnostic too.
    public func load() -> Result {
        let collector = DiagnosticCollector()
        var hasher = ContentHasher()

        let policies = yamlFile("policies.yaml", required: true, collector, &hasher)
            .map { PoliciesReader.read($0, collector) } ?? Policies()
        let categories = yamlFile("categories.yaml", required: true, collector, &hasher)
            .map { CategoriesReader.read($0, collector) } ?? []
        let synonyms = yamlFile("synonyms.yaml", required: false, collector, &hasher)
            .map { SynonymsReader.read($0, collector) } ?? []
        let codeTable = yamlFile("response-codes.yaml", required: true, collector, &hasher)
            .map { ResponseCodesReader.read($0, policies: policies, collector) }
        let codes = codeTable?.codes ?? []

        var articleTexts: [(file: String, slug: String, text: String)] = []
        var texts: [String: String] = [:]
        var firstFile: [String: String] = [:]
        for relative in articleFiles(collector) {
            let file = path(relative)
            guard let text = read(relative, collector, &hasher) else { continue }
            let name = (relative as NSString).lastPathComponent
            let slug = (name as NSString).deletingPathExtension
            if let other = firstFile[slug] {
                collector.error(
                    .duplicateSlug, SourceLocation(file: file), "slug '\(slug)' is already used by \(other)",
                    hint: "every article file needs its own name, in whichever folder it is"
                )
                continue
            }
            firstFile[slug] = relative
            texts[slug] = text
            articleTexts.append((file, slug, text))
        }
        var parsed: [ArticleReader.Parsed] = []
        for (article, diagnostics) in Self.readArticles(articleTexts, policies: policies) {
            for diagnostic in diagnostics { collector.add(diagnostic) }
            if let article { parsed.append(article) }
        }

        let content = Content(
            articles: parsed.map(\.article), categories: categories, responseCodes: codes,
            policies: policies, synonyms: synonyms
        )
        ContentValidator.check(parsed, in: content, declaredCodes: codeTable?.declared ?? [], collector)
        var translations: [Language: Content] = [:]
        for language in Language.translations {
            translations[language] = TranslationLoader(language: language, files: files).load(
                source: content, sourceTexts: texts, declaredCodes: codeTable?.declared ?? [], collector, &hasher
            )
        }
        return Result(
            content: content, diagnostics: collector.diagnostics.sortedByLocation(), version: hasher.hexDigest,
            translations: translations
        )
    }

    private func path(_ relative: String) -> String { files.path(relative) }

    /// Parses and checks the article texts on every core (each file on its own: front
    /// matter, Markdown, placeholders), in order, with each file's diagnostics.
    ///
    /// A file's reading shares nothing with another's: each has its own collector,
    /// and its diagnostics are sorted with all the others' at the end of ``load()``.
    private static func readArticles(
        _ articles: [(file: String, slug: String, text: String)], policies: Policies
    ) -> [(ArticleReader.Parsed?, [Diagnostic])] {
        Parallel.map(articles.count, minimumPerWorker: 8) { k in
            let collector = DiagnosticCollector()
            let (file, slug, text) = articles[k]
            let article = ArticleReader.read(file: file, slug: slug, text: text, policies: policies, collector)
            return (article, collector.diagnostics)
        }
    }

    private func read(_ relative: String, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher) -> String? {
        let file = path(relative)
        guard let data = files.data(relative) else {
            collector.error(.unreadableFile, SourceLocation(file: file), "the file cannot be read", hint: "check that it exists and is readable")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            collector.error(.unreadableFile, SourceLocation(file: file), "the file is not valid UTF-8 text", hint: "save it as UTF-8")
            return nil
        }
        hasher.add(relative, data)
        return text
    }

    private func yamlFile(
        _ name: String, required: Bool, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher
    ) -> YAMLDocument? {
        guard files.fileExists(name) else {
            if required {
                collector.error(
                    .missingFile, SourceLocation(file: path(name)), "\(name) is missing from the content folder",
                    hint: "create it; docs/content.md shows its format"
                )
            }
            return nil
        }
        return read(name, collector, &hasher).map { YAMLDocument(file: path(name), text: $0, lineOffset: 0) }
    }

    /// Every `.md` file below `articles/`, sorted, as paths relative to the content folder.
    private func articleFiles(_ collector: DiagnosticCollector) -> [String] {
        let articles = path("articles")
        guard files.folderExists("articles") else {
            collector.error(
                .missingFile, SourceLocation(file: articles), "the articles folder is missing",
                hint: "create \(articles)/ and put one <slug>.md file per article in it"
            )
            return []
        }
        return files.files(under: "articles").filter { $0.hasSuffix(".md") }
    }
}

/// FNV-1a over file names and bytes: a cheap, stable content version.
struct ContentHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ name: String, _ data: Data) {
        for byte in name.utf8 { mix(byte) }
        mix(0)
        for byte in data { mix(byte) }
        mix(0)
    }

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
