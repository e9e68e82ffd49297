import ArgumentParser
import Foundation
import KBContent
import KBSearch
import KBTerminal
import KnowledgeBase

/// `kb code`: a bank response code by its code or its name.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Look up a bank response code: what it means and what to do.",
        discussion: """
        CODE is the code as the bank sends it (51, 05, N7; any case), or a name people \
        use for it ("do not honor"). Anything else is searched among the codes' names, \
        aliases and meanings, and the best match is shown (named on stderr). Exit status: \
        0 when found, 1 when not (close codes are suggested).
        """
    )

    @Argument(help: "The code (51, n7) or its name (\"insufficient funds\").")
    var code: [String]

    @Flag(help: "Print the code as JSON.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let knowledgeBase = try languageOptions.edition(of: contentOptions.loadKnowledgeBase())
        let content = knowledgeBase.content
        let query = code.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        var found = content.responseCode(query) ?? content.responseCode(named: query)
        if found == nil, !ResponseCode.isWellFormed(query.uppercased()) {
            var options = SearchOptions(limit: 1)
            options.filters["kind"] = [SearchResponse.Hit.Kind.code.rawValue]
            if let hit = knowledgeBase.search(query, options: options).hits.first {
                found = content.responseCode(hit.id)
                Terminal.standardError("best match for '\(query)': \(hit.title)")
            }
        }
        guard let found else {
            let close = content.responseCodes(closeTo: query)
            let hint = close.isEmpty
                ? "`kb list codes` shows every code"
                : "close codes: " + close.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            Terminal.standardError("error: no response code '\(query)'; \(hint)")
            throw ExitCode.failure
        }
        if json { return try Terminal.printJSON(found) }
        print(TerminalRenderer(style: Terminal.style, width: Terminal.width).render(found))
    }
}
