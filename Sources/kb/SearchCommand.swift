import ArgumentParser
import Foundation
import KBAnalytics
import KBContent
import KBSearch
import KBServer
import KBTerminal
import KnowledgeBase

/// `kb search`: articles and response codes for what someone typed.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the articles and response codes.",
        discussion: """
        Words are matched in any form (locked, locking), with typos forgiven and synonyms \
        applied. Also: "quoted phrases", -excluded words, and filters kind:article|code, \
        category:ID, tag:X. Queries are cut to \(SearchCommand.queryLimits).

        Nothing is recorded unless asked: --record adds the search to kb serve's analytics \
        (source cli), in the SQLite file or PostgreSQL database --analytics names.

        Exit status: 0 with results, 1 with none (as grep), 2 for bad usage.
        """
    )

    typealias Kind = SearchResponse.Hit.Kind

    /// "256 characters and 32 words", from ``SearchLimits``.
    static let queryLimits = "\(SearchLimits.maxQueryCharacters) characters and \(SearchLimits.maxQueryWords) words"

    @Argument(help: "What to search for.")
    var query: [String]

    @Option(help: "How many results to show (\(SearchLimits.requestedHits.lowerBound)–\(SearchLimits.requestedHits.upperBound)).")
    var limit = 10

    @Option(help: "Only articles or only codes.")
    var kind: Kind?

    @Option(help: ArgumentHelp("Only this category (see `kb list categories`).", valueName: "id"))
    var category: String?

    @Flag(help: "Print the results as JSON (the same shape as GET /v1/search).")
    var json = false

    @Flag(help: "Record this search in the analytics, as kb serve records its searches (source cli).")
    var record = false

    @Option(help: ArgumentHelp("With --record: the analytics database, a SQLite file or a postgres:// URL.", valueName: "path|url"))
    var analytics: String?

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        let hits = SearchLimits.requestedHits
        guard hits.contains(limit) else {
            throw ValidationError("--limit must be between \(hits.lowerBound) and \(hits.upperBound), not \(limit)")
        }
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give something to search for, e.g. kb search account locked")
        }
        if analytics != nil, !record { throw ValidationError("--analytics says where --record records; give --record too") }
        if record, AnalyticsLocation(analytics ?? AnalyticsLocation.defaultPath) == .off {
            throw ValidationError("--record needs somewhere to record: a SQLite file or a postgres:// URL, not off")
        }
    }

    func run() async throws {
        let text = query.joined(separator: " ")
        let knowledgeBase = try contentOptions.loadKnowledgeBase().edition(for: text, requested: languageOptions.requested())
        if let category, knowledgeBase.content.category(category) == nil {
            let known = knowledgeBase.content.categories.map(\.id).joined(separator: ", ")
            throw ValidationError("unknown category '\(category)'; categories are: \(known)")
        }
        var options = SearchOptions(limit: limit)
        if let kind { options.filters["kind"] = [kind.rawValue] }
        if let category { options.filters["category"] = [category] }
        let response = knowledgeBase.search(text, options: options)
        if record {
            await recordSearch(response, language: knowledgeBase.language.code)
        }
        if json {
            try Terminal.printJSON(response)
        } else {
            print(render(response))
        }
        if response.hits.isEmpty { throw ExitCode.failure }
    }

    /// Writes the search's event; a failure is said on stderr and does not change the exit status.
    private func recordSearch(_ response: SearchResponse, language: String) async {
        do {
            guard let store = try await AnalyticsLocation(analytics ?? AnalyticsLocation.defaultPath).open() else { return }
            try await store.write([.search(SearchEvent(recording: response, language: language, source: .cli))])
        } catch {
            Terminal.standardError("warning: the search was not recorded: \(error)")
        }
    }

    private func render(_ response: SearchResponse) -> String {
        let style = Terminal.style
        var lines: [String] = []
        if response.truncated {
            lines.append(style.yellow("note: the query was cut to \(Self.queryLimits)"))
        }
        guard !response.hits.isEmpty else {
            var text = "No results for '\(response.query)'."
            if let suggestion = response.suggestion { text += " Did you mean: \(style.bold(suggestion))?" }
            return (lines + [text]).joined(separator: "\n")
        }
        if let suggestion = response.suggestion {
            lines.append("Did you mean: \(style.bold(suggestion))?")
        }
        let width = Terminal.width
        for (offset, hit) in response.hits.enumerated() {
            var kind = hit.kind.rawValue
            if hit.lang != response.lang { kind += ", " + (Language(tag: hit.lang)?.nativeName ?? hit.lang) }
            let command = switch hit.kind {
            case .article: "kb show \(hit.id)"
            case .code: "kb code \(hit.id)"
            }
            lines.append("\(style.bold("\(offset + 1). \(hit.title)")) \(style.dim("[\(kind)]"))")
            let snippet = highlighted(hit, style: style)
            lines.append(TextWrapper.wrap(snippet, width: width, firstIndent: "   ", indent: "   "))
            lines.append("   " + style.cyan(command))
        }
        lines.append(style.dim("\(response.hits.count) of \(response.total) result\(response.total == 1 ? "" : "s") · \(response.tookMicros) µs"))
        return lines.joined(separator: "\n")
    }

    /// The snippet with the matched words in bold (on a terminal).
    private func highlighted(_ hit: SearchResponse.Hit, style: TextStyle) -> String {
        let characters = Array(hit.snippet)
        var text = ""
        var position = 0
        for range in hit.highlights where range.count == 2 && range[0] >= position && range[1] <= characters.count {
            text += String(characters[position..<range[0]])
            text += style.bold(String(characters[range[0]..<range[1]]))
            position = range[1]
        }
        text += String(characters[position...])
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
