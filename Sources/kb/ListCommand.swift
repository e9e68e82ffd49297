import ArgumentParser
import Foundation
import KBContent
import KnowledgeBase
import KBTerminal

/// `kb list`: a table of articles, codes or categories.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the articles, response codes or categories."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case articles, codes, categories
    }

    @Argument(help: "What to list: articles, codes or categories.")
    var kind: Kind = .articles

    @Option(help: ArgumentHelp("Only the articles of this category.", valueName: "id"))
    var category: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "List what is left to translate: articles, codes and categories with no translation, and stale translations (all languages, or --lang's).")
    var missingTranslations = false

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if category != nil, kind != .articles {
            throw ValidationError("--category applies to articles only")
        }
    }

    func run() throws {
        if missingTranslations { return try listMissingTranslations() }
        let content = try languageOptions.edition(of: contentOptions.loadKnowledgeBase()).content
        if let category, content.category(category) == nil {
            let known = content.categories.map(\.id).joined(separator: ", ")
            throw ValidationError("unknown category '\(category)'; categories are: \(known)")
        }
        let style = Terminal.style
        switch kind {
        case .articles:
            let articles = category.map { content.articles(inCategory: $0) } ?? content.articles
            if json { return try Terminal.printJSON(articles.map { ArticleRecord($0, includeBody: false) }) }
            printTable(
                header: ["SLUG", "CATEGORY", "TITLE"],
                rows: articles.map { [$0.slug, $0.category, $0.title] }, style: style
            )
        case .codes:
            if json { return try Terminal.printJSON(content.responseCodes) }
            printTable(
                header: ["CODE", "CLASS", "RETRY", "NAME"],
                rows: content.responseCodes.map { [$0.code, $0.responseClass.label, $0.retry.rawValue, $0.name] }, style: style
            )
        case .categories:
            if json { return try Terminal.printJSON(content.categories) }
            printTable(
                header: ["ID", "ARTICLES", "TITLE"],
                rows: content.categories.map { [$0.id, String(content.articles(inCategory: $0.id).count), $0.title] }, style: style
            )
        }
    }

    /// One thing left to translate.
    struct Untranslated: Encodable {
        var lang: String
        var kind: String
        var id: String
        /// `missing`, or `stale` when the source changed after the translation.
        var state: String
        var title: String
    }

    /// `--missing-translations`: every article, code and category of a translation that
    /// still shows the source's text, and every translation older than its source.
    private func listMissingTranslations() throws {
        let knowledgeBase = try contentOptions.loadKnowledgeBase()
        let languages = try languageOptions.requested().map { [$0] } ?? Language.translations
        var rows: [Untranslated] = []
        for language in languages where language != .source {
            let edition = knowledgeBase.edition(language)
            let content = edition.language == language ? edition.content : knowledgeBase.content
            for article in content.articles {
                if article.language != language {
                    rows.append(Untranslated(lang: language.code, kind: "article", id: article.slug, state: "missing", title: article.title))
                } else if let followed = article.sourceUpdated, followed != article.updated {
                    rows.append(Untranslated(lang: language.code, kind: "article", id: article.slug, state: "stale", title: article.title))
                }
            }
            for code in content.responseCodes where code.language != language {
                rows.append(Untranslated(lang: language.code, kind: "code", id: code.code, state: "missing", title: code.name))
            }
            let source = Dictionary(uniqueKeysWithValues: knowledgeBase.content.categories.map { ($0.id, $0) })
            for category in content.categories where category == source[category.id] {
                rows.append(Untranslated(lang: language.code, kind: "category", id: category.id, state: "missing", title: category.title))
            }
        }
        if json { return try Terminal.printJSON(rows) }
        guard !rows.isEmpty else {
            print("Everything is translated into \(languages.map(\.nativeName).joined(separator: " and ")).")
            return
        }
        printTable(
            header: ["LANG", "KIND", "ID", "STATE", "TITLE"],
            rows: rows.map { [$0.lang, $0.kind, $0.id, $0.state, $0.title] }, style: Terminal.style
        )
    }

    /// Left-aligned columns, the last one cut to the terminal's width.
    private func printTable(header: [String], rows: [[String]], style: TextStyle) {
        let widths = header.indices.dropLast().map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let width = Terminal.width
        func line(_ row: [String]) -> String {
            var text = ""
            for (column, cell) in row.enumerated() {
                if column < widths.count {
                    text += cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
                } else {
                    guard Terminal.isInteractive else { text += cell; continue }
                    let room = max(width - text.count, 10)
                    text += cell.count > room ? String(cell.prefix(room - 1)) + "…" : cell
                }
            }
            return text
        }
        print(style.bold(line(header)))
        for row in rows { print(line(row)) }
    }
}
