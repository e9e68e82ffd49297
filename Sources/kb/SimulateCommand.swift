import ArgumentParser
import Foundation
import KBContent
import KBFlows
import KBTerminal
import KnowledgeBase

/// `kb simulate`: runs a troubleshooting flow's simulator and prints its outcome and
/// the numbered trace of the rules it applied.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a troubleshooting flow: its outcome, and each rule applied with the article that states it.",
        discussion: """
        Inputs come from --input (a JSON object, from a file or - for standard input), then \
        --set name=value (which wins). On a terminal, inputs not given are asked for one by one, \
        with their defaults. `kb simulate --list` shows the flows; `--list --json` their inputs.

        With --lang id (or KB_LANG=id) the outcome, the trace, the inputs' help and the errors \
        are in Bahasa Indonesia, each step citing the Indonesian article's section; ids, input \
        names and choices stay as they are.

        Exit status: 0 when the flow ran, 1 for an unknown flow (close ids are suggested) or \
        content errors, 2 for invalid input (the error names the field).
        """
    )

    @Argument(help: "The flow's id, e.g. account-lockout (see --list).")
    var flow: String?

    @Flag(help: "List the flows.")
    var list = false

    @Option(help: ArgumentHelp("A JSON object of inputs, or - to read it from standard input.", valueName: "file"))
    var input: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("An input as name=value; repeat for more.", valueName: "name=value"))
    var values: [String] = []

    @Option(help: ArgumentHelp("The moment to simulate, ISO 8601 (default: the current time).", valueName: "iso8601"))
    var now: String?

    @Option(
        name: .customLong("time-zone"),
        help: ArgumentHelp("The zone for times without an offset and for output (default: the flow's own, else this machine's).", valueName: "tz")
    )
    var timeZone: String?

    @Flag(help: "Print the outcome and trace (or, with --list, the flows and their inputs) as JSON.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if list, flow != nil { throw ValidationError("give either --list or a flow id, not both") }
        if !list, flow == nil { throw ValidationError("give a flow id, or --list to see them") }
    }

    func run() throws {
        let language = try languageOptions.requested() ?? .source
        let registry = try contentOptions.loadKnowledgeBase().flows
        if list { return try printList(registry, language) }

        let id = flow ?? ""
        guard let flow = registry.flow(id) else {
            let close = registry.ids(closeTo: id)
            let hint = close.isEmpty ? "`kb simulate --list` shows every flow" : "did you mean: \(close.joined(separator: ", "))?"
            Terminal.standardError("error: no flow '\(id)'; \(hint)")
            throw ExitCode.failure
        }
        let context = try makeContext(for: flow, language)
        var given = try readInput(language)
        if input != "-", isatty(STDIN_FILENO) == 1, Terminal.isInteractive {
            given = try FlowPrompter(flow: flow, context: context).ask(given)
        }
        let report: FlowReport
        do {
            report = try flow.run(given, context: context)
        } catch {
            throw invalid(error)
        }
        if json { return try Terminal.printJSON(report) }
        let renderer = FlowReportRenderer(style: Terminal.style, width: Terminal.width, language: language)
        print(renderer.render(report, title: flow.title(in: language), verdict: flow.verdictLabel(report.verdict, in: language)))
    }

    private func printList(_ registry: FlowRegistry, _ language: Language) throws {
        if json { return try Terminal.printJSON(registry.flows.map { $0.summary(in: language) }) }
        let style = Terminal.style
        let idWidth = (registry.ids.map(\.count).max() ?? 0) + 2
        let articleWidth = (registry.flows.map(\.article.count).max() ?? 0) + 2
        let (article, question, inputs) = switch language {
        case .english: ("ARTICLE", "QUESTION", "inputs: ")
        case .indonesian: ("ARTIKEL", "PERTANYAAN", "input: ")
        }
        print(style.bold("ID".padding(toLength: idWidth, withPad: " ", startingAt: 0) + article.padding(toLength: articleWidth, withPad: " ", startingAt: 0) + question))
        for flow in registry.flows {
            print(flow.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + flow.article.padding(toLength: articleWidth, withPad: " ", startingAt: 0) + flow.title(in: language))
            print(String(repeating: " ", count: idWidth) + style.dim(inputs + flow.fields.map(\.name).joined(separator: ", ")))
        }
    }

    /// `--now` and `--time-zone`, checked; the errors in `language`.
    private func makeContext(for flow: AnyFlow, _ language: Language) throws -> FlowContext {
        var zone: TimeZone?
        if let timeZone {
            guard let named = TimeZone(identifier: timeZone) else {
                let (message, hint) = switch language {
                case .english: ("'\(timeZone)' is not a time zone", "use an identifier such as Asia/Jakarta or UTC")
                case .indonesian: ("'\(timeZone)' bukan zona waktu", "gunakan ID zona waktu seperti Asia/Jakarta atau UTC")
                }
                throw invalid(FlowInputError(field: "time-zone", message, hint: hint))
            }
            zone = named
        }
        var context = flow.context(now: Date(), timeZone: zone, fallback: TimeZone.current, language: language)
        if let now {
            guard let moment = FlowTime.parse(now, in: context.timeZone) else {
                let zone = context.timeZone.identifier
                let (message, hint) = switch language {
                case .english:
                    ("'\(now)' is not an ISO 8601 date-time", "write e.g. 2026-11-25T09:30:00+07:00, or 2026-11-25T09:30 in \(zone)")
                case .indonesian:
                    ("'\(now)' bukan tanggal dan waktu ISO 8601", "tulis misalnya 2026-11-25T09:30:00+07:00, atau 2026-11-25T09:30 dalam zona \(zone)")
                }
                throw invalid(FlowInputError(field: "now", message, hint: hint))
            }
            context.now = moment
        }
        return context
    }

    /// `--input` (a JSON object) with `--set` values on top; the errors in `language`.
    private func readInput(_ language: Language) throws -> FlowInput {
        var base = FlowInput()
        if let input {
            let data: Data?
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: input)
            }
            guard let data else {
                let (message, hint) = switch language {
                case .english: ("cannot read '\(input)'", "give a readable JSON file, or - for standard input")
                case .indonesian: ("'\(input)' tidak bisa dibaca", "berikan file JSON yang bisa dibaca, atau - untuk input standar")
                }
                throw invalid(FlowInputError(field: "input", message, hint: hint))
            }
            do { base = try FlowInput(json: data, language: language) } catch { throw invalid(error) }
        }
        do {
            return base.merging(try FlowInput(pairs: values, language: language))
        } catch {
            throw invalid(error)
        }
    }

    /// Prints the error and its hint; the exit status for invalid input.
    private func invalid(_ error: FlowInputError) -> ExitCode {
        Terminal.standardError("error: \(error)")
        if let hint = error.hint { Terminal.standardError("    hint: \(hint)") }
        return ExitCode(2)
    }
}
