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

        --from-ticket FILE (- for standard input) reads a whole ticket instead: a \
        customer's or merchant's message of any length, pasted JSON and all. The best three \
        articles or codes, with why each matched, go to stderr; the first one's answer to \
        stdout, with order_id and user.email filled from the ticket (--var wins) and the \
        variables left at their defaults named.

        Exit status: 0 printed, 1 nothing matches, 2 bad usage or --strict with variables missing.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, html
    }

    @Argument(help: "An article slug, a response code, a code's name, or a question.")
    var subject: [String] = []

    @Option(help: ArgumentHelp("Read a whole ticket from a file (- for standard input) and answer what it is about.", valueName: "file"))
    var fromTicket: String?

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
        if subject.isEmpty, fromTicket == nil {
            throw ValidationError("give a subject (a slug, a code or a question) or --from-ticket FILE")
        }
        if !subject.isEmpty, fromTicket != nil {
            throw ValidationError("give a subject or --from-ticket, not both")
        }
    }

    func run() throws {
        let all = try contentOptions.loadKnowledgeBase()
        let knowledgeBase = try languageOptions.edition(of: all)
        let query = subject.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        var variables = try parsedVariables()
        if let fromTicket {
            return try answerTicket(fromTicket, knowledgeBase: all, given: variables)
        }
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
        variables = try parsedVariables()
        try printAnswer(for: found, variables: variables, knowledgeBase: knowledgeBase)
    }

    /// `--from-ticket`: the ticket's best matches on stderr, the first one's answer on stdout,
    /// in the ticket's language.
    private func answerTicket(_ file: String, knowledgeBase: KnowledgeBase, given: AnswerVariables) throws {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else {
            Terminal.standardError("error: cannot read '\(file)'\nhint: give a readable file, or - for standard input")
            throw ExitCode(2)
        }
        // The ticket's own language unless --lang (or KB_LANG) says which.
        let ticket = String(decoding: data, as: UTF8.self)
        let knowledgeBase = knowledgeBase.edition(for: ticket, requested: try languageOptions.requested())
        let reading = knowledgeBase.readTicket(ticket)
        guard let best = reading.matches.first, let found = knowledgeBase.subject(named: best.id) else {
            Terminal.standardError("error: nothing in the ticket matches an article or a code; try kb search with its key words")
            throw ExitCode.failure
        }
        for (rank, match) in reading.matches.enumerated() {
            let name = match.kind == .code ? "code \(match.id) \(match.title)" : "\(match.title) (\(match.id))"
            Terminal.standardError("\(rank + 1). \(name) [\(match.score)]: \(match.why.joined(separator: "; "))")
        }
        let (values, left) = reading.variables(given: given.values)
        let variables: AnswerVariables
        do { variables = try AnswerVariables(values) } catch { throw ValidationError("\(error)") }
        let filled = values.keys.sorted().map { "\($0)=\(values[$0] ?? "")" }
        if !filled.isEmpty { Terminal.standardError("filled from the ticket and --var: " + filled.joined(separator: ", ")) }
        if !left.isEmpty { Terminal.standardError("left as placeholders (--var to set): " + left.joined(separator: ", ")) }
        try printAnswer(for: found, variables: variables, knowledgeBase: knowledgeBase)
    }

    private func printAnswer(for found: KnowledgeBase.Subject, variables: AnswerVariables, knowledgeBase: KnowledgeBase) throws {
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
