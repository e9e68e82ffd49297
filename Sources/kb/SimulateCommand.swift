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

    func validate() throws {
        if list, flow != nil { throw ValidationError("give either --list or a flow id, not both") }
        if !list, flow == nil { throw ValidationError("give a flow id, or --list to see them") }
    }

    func run() throws {
        let registry = try contentOptions.loadKnowledgeBase().flows
        if list { return try printList(registry) }

        let id = flow ?? ""
        guard let flow = registry.flow(id) else {
            let close = registry.ids(closeTo: id)
            let hint = close.isEmpty ? "`kb simulate --list` shows every flow" : "did you mean: \(close.joined(separator: ", "))?"
            Terminal.standardError("error: no flow '\(id)'; \(hint)")
            throw ExitCode.failure
        }
        let context = try makeContext(for: flow)
        var given = try readInput()
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
        print(FlowReportRenderer(style: Terminal.style, width: Terminal.width).render(report, title: flow.title))
    }

    private func printList(_ registry: FlowRegistry) throws {
        if json { return try Terminal.printJSON(registry.flows.map(\.summary)) }
        let style = Terminal.style
        let idWidth = (registry.ids.map(\.count).max() ?? 0) + 2
        let articleWidth = (registry.flows.map(\.article.count).max() ?? 0) + 2
        print(style.bold("ID".padding(toLength: idWidth, withPad: " ", startingAt: 0) + "ARTICLE".padding(toLength: articleWidth, withPad: " ", startingAt: 0) + "QUESTION"))
        for flow in registry.flows {
            print(flow.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + flow.article.padding(toLength: articleWidth, withPad: " ", startingAt: 0) + flow.title)
            print(String(repeating: " ", count: idWidth) + style.dim("inputs: " + flow.fields.map(\.name).joined(separator: ", ")))
        }
    }

    /// `--now` and `--time-zone`, checked.
    private func makeContext(for flow: AnyFlow) throws -> FlowContext {
        var zone: TimeZone?
        if let timeZone {
            guard let named = TimeZone(identifier: timeZone) else {
                throw invalid(FlowInputError(field: "time-zone", "'\(timeZone)' is not a time zone", hint: "use an identifier such as Asia/Jakarta or UTC"))
            }
            zone = named
        }
        var context = flow.context(now: Date(), timeZone: zone, fallback: TimeZone.current)
        if let now {
            guard let moment = FlowTime.parse(now, in: context.timeZone) else {
                throw invalid(FlowInputError(
                    field: "now", "'\(now)' is not an ISO 8601 date-time",
                    hint: "write e.g. 2026-11-25T09:30:00+07:00, or 2026-11-25T09:30 in \(context.timeZone.identifier)"
                ))
            }
            context.now = moment
        }
        return context
    }

    /// `--input` (a JSON object) with `--set` values on top.
    private func readInput() throws -> FlowInput {
        var base = FlowInput()
        if let input {
            let data: Data?
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: input)
            }
            guard let data else {
                throw invalid(FlowInputError(field: "input", "cannot read '\(input)'", hint: "give a readable JSON file, or - for standard input"))
            }
            do { base = try FlowInput(json: data) } catch { throw invalid(error) }
        }
        do {
            return base.merging(try FlowInput(pairs: values))
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
