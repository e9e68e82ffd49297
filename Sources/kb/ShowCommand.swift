import ArgumentParser
import KBContent
import KnowledgeBase
import KBTerminal

/// `kb show`: one article, rendered for the terminal.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article, with policy values filled in.",
        discussion: "Exit status: 0 when shown, 1 when no article has that slug."
    )

    @Argument(help: "The article's slug, e.g. unlock-account (see `kb list`).")
    var slug: String

    @Flag(help: "Print the article as JSON (metadata and Markdown).")
    var json = false

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let content = try languageOptions.edition(of: contentOptions.loadKnowledgeBase()).content
        let wanted = slug.hasSuffix(".md") ? String(slug.dropLast(3)) : slug
        guard let article = content.article(wanted.lowercased()) else {
            let close = content.articleSlugs(closeTo: wanted)
            let hint = close.isEmpty ? "`kb list` shows every slug" : "did you mean: \(close.joined(separator: ", "))?"
            Terminal.standardError("error: no article '\(slug)'; \(hint)")
            throw ExitCode.failure
        }
        if json { return try Terminal.printJSON(ArticleRecord(article, includeBody: true)) }
        print(TerminalRenderer(style: Terminal.style, width: Terminal.width).render(article, in: content))
    }
}
