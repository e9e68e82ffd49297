import ArgumentParser
import Foundation
import KBContent
import KBSite
import KnowledgeBase

/// `kb answer`: the reply a support agent pastes into a ticket.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Print the reply for a ticket: an article's or a response code's answer, ready to paste.",
        discussion: """
        SUBJECT is an article slug (unlock-account), a response code (51, n7), a code's \
        name ("do not honor"), or any question, answered by the best search match. Only \
        the answer goes to stdout, so it can be piped; which answer was chosen is said on stderr.

        Variables: customer.name, agent.name, order_id, user.email. Each has a default \
        ("Hi there"); --strict fails instead, naming the ones not given.

        Exit status: 0 printed, 1 nothing matches, 2 bad usage or --strict with variables missing.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html
    }

    @Argument(help: "An article slug, a response code, a code's name, or a question.")
    var subject: [String]

    @Option(help: "text (plain, for e-mail and ticket forms), markdown (for chat tools) or html (a fragment for rich e-mail editors).")
    var format: Format = .text

    @Option(name: .customLong("var"), help: ArgumentHelp("A ticket detail, e.g. customer.name=Budi (repeatable).", valueName: "key=value"))
    var variables: [String] = []

    @Flag(help: "Fail, listing them, when the answer uses variables that were not given.")
    var strict = false

    @Flag(help: "Also copy the answer to the clipboard (OSC 52 on a terminal, else wl-copy, xclip or pbcopy).")
    var copy = false

    @Option(help: ArgumentHelp("The help site's address, for absolute links (default: $KB_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        _ = try parsedVariables()
    }

    func run() throws {
        let knowledgeBase = try languageOptions.edition(of: contentOptions.loadKnowledgeBase())
        let query = subject.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let variables = try parsedVariables()
        guard let (found, searched) = knowledgeBase.bestSubject(for: query) else {
            Terminal.standardError("error: nothing matches '\(query)'; `kb list` shows the slugs, `kb list codes` the codes")
            throw ExitCode.failure
        }
        switch found {
        case let .code(code):
            Terminal.standardError("answer for response code \(code.code) — \(code.name)")
        case let .article(article) where searched:
            Terminal.standardError("answer from the best match: \(article.title) (\(article.slug))")
        case .article:
            break
        }
        let answer: Answer
        do {
            answer = try knowledgeBase.answer(for: found, variables: variables, strict: strict)
        } catch {
            Terminal.standardError("error: \(error)")
            throw ExitCode(2)
        }
        let base = baseURL ?? ProcessInfo.processInfo.environment["KB_BASE_URL"]
        let text: String
        switch format {
        case .text:
            text = AnswerTextRenderer(baseURL: base).plainText(answer)
        case .markdown:
            text = AnswerTextRenderer(baseURL: base).markdown(answer)
        case .html:
            do {
                text = try HTMLFragmentRenderer(content: knowledgeBase.content, baseURL: base).html(answer)
            } catch {
                Terminal.standardError("error: \(error)")
                throw ExitCode.failure
            }
        }
        print(text)
        if copy { Clipboard.copy(text) }
    }

    private func parsedVariables() throws -> AnswerVariables {
        var values: [String: String] = [:]
        for pair in variables {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--var takes key=value, e.g. --var customer.name=Budi; got '\(pair)'")
            }
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        do {
            return try AnswerVariables(values)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
