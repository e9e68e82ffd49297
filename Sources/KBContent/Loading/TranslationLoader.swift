import Foundation
internal import Yams

/// Reads one language's translations from `Content/<code>/` and makes that language's
/// content: every article, code and category of the source, translated where a
/// translation exists, the source's text (marked with its language) where not.
///
/// A translation holds only text. Everything else (an article's category, related
/// articles, flow and date; a code's class and retry advice; the categories' order)
/// comes from the source, so the two cannot disagree.
struct TranslationLoader {
    let language: Language
    let files: ContentFiles

    static let articleFields = ["title", "summary", "tags", "questions", "source_updated", "answer"]
    static let codeFields = ["code", "name", "meaning", "merchant_action", "customer_message", "aliases"]
    static let categoryFields = ["id", "title", "description"]

    /// The folder of this language's files, relative to the content folder: `id`.
    var folder: String { language.code }

    func load(
        source: Content, sourceTexts: [String: String], declaredCodes: Set<String>,
        _ collector: DiagnosticCollector, _ hasher: inout ContentHasher
    ) -> Content {
        let policies = readPolicies(source: source.policies, collector, &hasher)
        let categories = readCategories(source: source, collector, &hasher)
        let codes = readCodes(source: source, policies: policies, collector, &hasher)
        let synonyms = yaml("synonyms.yaml", collector, &hasher).map { SynonymsReader.read($0, collector) } ?? []

        var translated: [String: ArticleReader.Parsed] = [:]
        for relative in files.files(under: folder + "/articles") where relative.hasSuffix(".md") {
            guard let text = read(relative, collector, &hasher) else { continue }
            let slug = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
            let file = files.path(relative)
            guard let original = source.article(slug) else {
                collector.error(
                    .orphanTranslation, SourceLocation(file: file), "'\(slug)' has no \(Language.source.nativeName) source article",
                    hint: "a translation needs articles/\(slug).md in the source language; rename the file to its source's slug or remove it"
                )
                continue
            }
            // A source with errors is reported already; comparing with it would only add noise.
            let sourceIsSound = !collector.diagnostics.contains { $0.severity == .error && $0.file == original.sourcePath }
            if let parsed = readArticle(
                file: file, text: text, original: original, sourceText: sourceTexts[slug] ?? "", compare: sourceIsSound,
                policies: policies, collector
            ) {
                translated[slug] = parsed
            }
        }

        let articles = source.articles.map { translated[$0.slug]?.article ?? $0 }
        var content = Content(
            articles: articles, categories: categories, responseCodes: codes, policies: policies,
            synonyms: synonyms + Self.remaining(source.synonyms, after: synonyms)
        )
        content.language = language
        checkLinks(Array(translated.values), in: content, declaredCodes: declaredCodes, collector)
        return content
    }

    /// The source's synonym groups without the phrases this language's groups already hold.
    static func remaining(_ groups: [SynonymGroup], after taken: [SynonymGroup]) -> [SynonymGroup] {
        let used = Set(taken.flatMap(\.terms))
        return groups.compactMap { group in
            let terms = group.terms.filter { !used.contains($0) }
            return terms.count > 1 ? SynonymGroup(terms: terms) : nil
        }
    }

    // MARK: - Articles

    private func readArticle(
        file: String, text: String, original: Article, sourceText: String, compare: Bool, policies: Policies,
        _ collector: DiagnosticCollector
    ) -> ArticleReader.Parsed? {
        guard let split = FrontMatter.split(text) else {
            collector.error(
                .missingFrontMatter, SourceLocation(file: file, line: 1, column: 1), "the translation has no front matter",
                hint: "start the file with '---', the fields (title:, summary:, tags:, questions:, source_updated:, answer:), and another '---'"
            )
            return nil
        }
        let yaml = YAMLDocument(file: file, text: split.yaml, lineOffset: 1)
        guard let root = yaml.root(collector),
              let reader = MappingReader(root, in: yaml, subject: "front matter", collector: collector)
        else { return nil }
        reader.rejectUnknownFields(allowed: Self.articleFields, inherited: ["category", "related", "flow", "updated", "slug"])

        let title = reader.string("title", example: "Bagaimana cara membuka akun yang terkunci?")
        let summary = reader.string("summary", example: "Satu kalimat yang menjawab pertanyaannya.")
        let tags = reader.stringList("tags", example: "[login, kata sandi]")
        let questions = reader.stringList("questions", example: "[\"Akun saya terkunci, harus bagaimana?\", \"…\"]")
        let sourceUpdated = reader.string("source_updated", example: original.updated)
        let answer = reader.string("answer", example: "|  (then the reply to paste into a ticket, indented)")

        if let questions, !ArticleReader.questionCount.contains(questions.count) {
            collector.error(
                .invalidValue, reader.location(of: "questions"),
                "'questions' has \(questions.count) entries; an article needs \(ArticleReader.questionCount.lowerBound) to \(ArticleReader.questionCount.upperBound)",
                hint: "list other ways people ask the same thing"
            )
        }
        if compare, let sourceUpdated, sourceUpdated != original.updated {
            collector.warning(
                .staleTranslation, reader.location(of: "source_updated"),
                "the translation follows the source of \(sourceUpdated), but articles/\(original.slug).md was updated on \(original.updated)",
                hint: "bring the translation up to date with the source's changes, then set source_updated: \(original.updated)"
            )
        }
        for key in ["title", "summary"] {
            if let value = reader.string(key, required: false) {
                PlaceholderCheck.report(in: value, at: reader.location(of: key), policies: policies, collector)
            }
        }
        for question in questions ?? [] {
            PlaceholderCheck.report(in: question, at: reader.location(of: "questions"), policies: policies, collector)
        }
        if let answer {
            let (start, indent) = reader.textLocation(of: "answer")
            PlaceholderCheck.report(in: answer, at: start, blockIndent: indent, policies: policies, allowed: AnswerVariables.names, collector)
        }
        let bodyOffset = split.bodyLineOffset
        PlaceholderCheck.report(in: split.body, at: SourceLocation(file: file, line: bodyOffset + 1, column: 1), policies: policies, collector)
        if split.body.trimmingSpaces().isEmpty {
            collector.error(.emptyBody, SourceLocation(file: file, line: bodyOffset + 1), "the translation has no body", hint: "translate the source's body below the closing '---'")
        }
        if compare { comparePlaceholders(translation: text, source: sourceText, file: file, original: original, collector) }

        let fill = { (text: String) in Placeholders.fill(text, { policies.placeholderValue($0, in: language) }) }
        let body = fill(split.body)
        let document = MarkdownParser.parse(body)
        for position in document.rawHTML {
            collector.warning(
                .rawHTML, SourceLocation(file: file, line: position.line + bodyOffset, column: position.column),
                "raw HTML is never shown to readers", hint: "use Markdown instead: **bold**, lists, tables, [links](slug.md)"
            )
        }
        let sourceSections = original.document.headingAnchors.count
        if compare, document.headingAnchors.count != sourceSections {
            collector.warning(
                .sectionMismatch, SourceLocation(file: file, line: bodyOffset + 1),
                "the translation has \(document.headingAnchors.count) headings, the source \(sourceSections)",
                hint: "translate every heading of articles/\(original.slug).md, in the same order: simulators cite sections by position"
            )
        }

        var article = Article(
            slug: original.slug, title: fill(title ?? original.title), summary: fill(summary ?? ""), category: original.category,
            tags: tags ?? [], questions: (questions ?? []).map(fill), related: original.related, flow: original.flow,
            updated: original.updated, answer: fill(answer ?? ""), body: body, document: document, sourcePath: file
        )
        article.language = language
        article.sourceUpdated = sourceUpdated
        return ArticleReader.Parsed(
            article: article, categoryLocation: SourceLocation(file: file), relatedLocation: SourceLocation(file: file),
            bodyLineOffset: bodyOffset, categoryIsSet: false
        )
    }

    /// A translation uses exactly the source's placeholders: the same policy values and
    /// ticket variables, so no number or address is typed again and none is lost.
    private func comparePlaceholders(
        translation: String, source: String, file: String, original: Article, _ collector: DiagnosticCollector
    ) {
        let names = { (text: String) in Set(Placeholders.occurrences(in: text).map(\.name)) }
        let mine = names(translation), theirs = names(source)
        guard mine != theirs else { return }
        let missing = theirs.subtracting(mine).sorted(), extra = mine.subtracting(theirs).sorted()
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks " + missing.map { "{{\($0)}}" }.joined(separator: ", ")) }
        if !extra.isEmpty { parts.append("adds " + extra.map { "{{\($0)}}" }.joined(separator: ", ")) }
        let line = extra.compactMap { name in Placeholders.occurrences(in: translation).first { $0.name == name } }.first
        collector.error(
            .placeholderMismatch, SourceLocation(file: file, line: line?.line ?? 1, column: line?.column ?? 0),
            "the translation's placeholders differ from articles/\(original.slug).md: it \(parts.joined(separator: " and "))",
            hint: "use the same {{…}} placeholders as the source, each at least once, and no others"
        )
    }

    /// Links in translations: an article without a translation is a warning (readers get the
    /// source's page); anything that leads nowhere is an error, as in the source.
    private func checkLinks(
        _ parsed: [ArticleReader.Parsed], in content: Content, declaredCodes: Set<String>, _ collector: DiagnosticCollector
    ) {
        for entry in parsed {
            let article = entry.article
            for link in article.document.links {
                let location = SourceLocation(file: article.sourcePath, line: link.position.line + entry.bodyLineOffset, column: link.position.column)
                if let slug = ContentValidator.articleSlug(in: link.destination), let target = content.article(slug), target.language != language {
                    collector.warning(
                        .untranslatedLink, location, "'\(slug)' has no \(language.nativeName) version yet; readers get the \(Language.source.nativeName) page",
                        hint: "translate articles/\(slug).md into \(folder)/articles/\(slug).md"
                    )
                }
                if let problem = ContentValidator.problem(with: link.destination, in: article, content, declaredCodes: declaredCodes) {
                    collector.error(.brokenLink, location, problem.message, hint: problem.hint)
                }
            }
        }
    }

    // MARK: - Policies, categories and codes

    /// `<code>/policies.yaml`: the values whose wording differs in this language (a
    /// phrase, a label the portal shows translated). Only paths of the source's
    /// `policies.yaml`, and only text where the source has text: numbers and lists that
    /// simulators read stay one value.
    private func readPolicies(source: Policies, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher) -> Policies {
        guard let document = yaml("policies.yaml", collector, &hasher) else { return source }
        let translated = PoliciesReader.read(document, collector)
        var kept: [String: PolicyValue] = [:]
        for path in translated.paths {
            let location = translated.locations[path] ?? SourceLocation(file: document.file)
            guard let original = source[path] else {
                collector.error(
                    .orphanTranslation, location, "policy '\(path)' is not in the source's policies.yaml",
                    hint: "a translation may reword only values that policies.yaml has"
                )
                continue
            }
            guard case .text = original, case .text = translated[path] else {
                collector.error(
                    .wrongType, location, "policy '\(path)' must be a single text value in a translation",
                    hint: "lists and numbers are shared by every language; reword only phrases and labels"
                )
                continue
            }
            kept[path] = translated[path]
        }
        return source.overriding(Policies(values: kept, locations: translated.locations))
    }

    private func readCategories(source: Content, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher) -> [Category] {
        var translated: [String: Category] = [:]
        if let document = yaml("categories.yaml", collector, &hasher), let root = document.root(collector) {
            for node in root.sequence ?? [] {
                guard let reader = MappingReader(node, in: document, subject: "category", collector: collector) else { continue }
                reader.rejectUnknownFields(allowed: Self.categoryFields, inherited: ["order"])
                guard let id = reader.string("id", example: "payments"),
                      let title = reader.string("title", example: "Pembayaran dan transaksi"),
                      let description = reader.string("description", example: "Satu baris tentang isi kategori.")
                else { continue }
                guard let original = source.category(id) else {
                    collector.error(
                        .orphanTranslation, reader.location(of: "id"), "category '\(id)' is not in the source's categories.yaml",
                        hint: "use one of: \(source.categories.map(\.id).joined(separator: ", "))"
                    )
                    continue
                }
                translated[id] = Category(id: id, title: title, description: description, order: original.order)
            }
        }
        return source.categories.map { translated[$0.id] ?? $0 }
    }

    private func readCodes(
        source: Content, policies: Policies, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher
    ) -> [ResponseCode] {
        var translated: [String: ResponseCode] = [:]
        if let document = yaml("response-codes.yaml", collector, &hasher), let root = document.root(collector) {
            for node in root.sequence ?? [] {
                guard let reader = MappingReader(node, in: document, subject: "response code", collector: collector) else { continue }
                reader.rejectUnknownFields(allowed: Self.codeFields, inherited: ["class", "retry"])
                guard let code = reader.string("code", example: "\"51\"") else { continue }
                guard let original = source.responseCode(code), original.code == code else {
                    collector.error(
                        .orphanTranslation, reader.location(of: "code"), "response code '\(code)' is not in the source's response-codes.yaml",
                        hint: "translate only the codes of response-codes.yaml, written the same way (\"05\", \"N7\")"
                    )
                    continue
                }
                guard let name = reader.string("name", example: "Dana tidak cukup"),
                      let meaning = reader.string("meaning", example: "Apa arti kode ini bagi merchant."),
                      let action = reader.string("merchant_action", example: "Apa yang perlu dilakukan merchant."),
                      let message = reader.string("customer_message", example: "Kalimat untuk pelanggan.")
                else { continue }
                for key in ["name", "meaning", "merchant_action", "customer_message"] {
                    if let value = reader.string(key, required: false) {
                        PlaceholderCheck.report(in: value, at: reader.location(of: key), policies: policies, collector)
                    }
                }
                let fill = { (text: String) in Placeholders.fill(text, { policies.placeholderValue($0, in: language) }) }
                var entry = ResponseCode(
                    code: original.code, name: fill(name), meaning: fill(meaning), responseClass: original.responseClass,
                    retry: original.retry, merchantAction: fill(action), customerMessage: fill(message),
                    aliases: (reader.stringList("aliases", required: false) ?? []).map { $0.lowercased() }
                )
                entry.language = language
                translated[original.code] = entry
            }
        }
        return source.responseCodes.map { translated[$0.code] ?? $0 }
    }

    // MARK: - Files

    private func read(_ relative: String, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher) -> String? {
        guard let data = files.data(relative) else {
            collector.error(.unreadableFile, SourceLocation(file: files.path(relative)), "the file cannot be read", hint: "check that it exists and is readable")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            collector.error(.unreadableFile, SourceLocation(file: files.path(relative)), "the file is not valid UTF-8 text", hint: "save it as UTF-8")
            return nil
        }
        hasher.add(relative, data)
        return text
    }

    private func yaml(_ name: String, _ collector: DiagnosticCollector, _ hasher: inout ContentHasher) -> YAMLDocument? {
        let relative = folder + "/" + name
        guard files.fileExists(relative) else { return nil }
        return read(relative, collector, &hasher).map { YAMLDocument(file: files.path(relative), text: $0, lineOffset: 0) }
    }
}
