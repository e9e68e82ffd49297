import ArgumentParser
import Foundation
import KBContent

/// `kb answer`: the reply a support agent pastes into a ticket.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Print the reply for a ticket: an article's or a response code's answer, ready to paste.",
        discussion: """
        SUBJECT is an article slug (unlock-account), a response code (51, n7) or a code's \
        name ("do not honor"). Only the answer goes to stdout, so it can be piped; which \
        answer was chosen is said on stderr.

        Variables: customer.name, agent.name, order_id, user.email. Each has a default \
        ("Hi there"); --strict fails instead, naming the ones not given.

        Exit status: 0 printed, 1 nothing matches, 2 bad usage or --strict with variables missing.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Argument(help: "An article slug, a response code, or a code's name.")
    var subject: [String]

    @Option(help: "text (plain, for e-mail and ticket forms) or markdown (for chat tools).")
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

    func validate() throws {
        _ = try parsedVariables()
    }

    func run() throws {
        let content = try contentOptions.loadValidContent()
        let query = subject.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let variables = try parsedVariables()
        let answer: Answer
        do {
            if let article = content.article(query.lowercased()) {
                answer = try Answer.forArticle(article, variables: variables, strict: strict)
            } else if let code = content.responseCode(query) ?? content.responseCode(named: query) {
                answer = try Answer.forCode(code, variables: variables, strict: strict)
                Terminal.standardError("answer for response code \(code.code) — \(code.name)")
            } else {
                Terminal.standardError("error: no article or response code '\(query)'; `kb list` shows the slugs, `kb list codes` the codes")
                throw ExitCode.failure
            }
        } catch let error as AnswerError {
            Terminal.standardError("error: \(error)")
            throw ExitCode(2)
        }
        let base = baseURL ?? ProcessInfo.processInfo.environment["KB_BASE_URL"]
        let renderer = AnswerTextRenderer(baseURL: base)
        let text = format == .markdown ? renderer.markdown(answer) : renderer.plainText(answer)
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
