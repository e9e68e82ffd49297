public import Foundation
public import KBContent

/// A simulator with its types erased: what the CLI, the HTTP API and the site use to
/// list flows, describe their inputs, and run them from string or JSON values.
public struct AnyFlow: Sendable, Identifiable {
    public let id: String
    /// The question the flow answers, in the source language (``title(in:)`` for others).
    public let title: String
    /// The slug of the flow's article.
    public let article: String
    /// The inputs, in the order they are read and asked for, with their help in the
    /// source language (``fields(in:)`` for others).
    public let fields: [FlowField]
    /// The zone the flow's rules are stated in, if it has one of its own.
    public let defaultTimeZone: TimeZone?
    /// The `policies.yaml` paths the simulator read when it was made, in the order
    /// first read; empty for a flow not made by ``FlowRegistry``.
    public internal(set) var policyPaths: [String] = []
    /// Where the sections the trace cites are in each translation; none for a flow
    /// not made by ``FlowRegistry`` (its traces cite the source's sections).
    public internal(set) var sections: SectionTranslations = .none

    private let simulate: @Sendable (FlowInput, FlowContext) throws(FlowInputError) -> FlowReport
    private let check: @Sendable (FlowInput, FlowContext) -> FlowInputError?
    private let tables: @Sendable (FlowContext) -> [FlowScenarioTable]
    private let titles: @Sendable (Language) -> String
    private let inputs: @Sendable (Language) -> [FlowField]
    private let verdictLabels: @Sendable (String, Language) -> String?

    public init<Simulator: FlowSimulator>(_ simulator: Simulator) {
        let fields = simulator.fields(in: .source)
        id = Simulator.id
        title = Simulator.title(in: .source)
        article = Simulator.article
        self.fields = fields
        defaultTimeZone = simulator.defaultTimeZone
        simulate = { (input: FlowInput, context: FlowContext) throws(FlowInputError) -> FlowReport in
            let typed = try simulator.input(from: input, context: context)
            let result = simulator.run(typed, context: context)
            var used: [String: FlowInputValue] = [:]
            for field in fields {
                if let given = input[field.name] {
                    used[field.name] = given
                } else if let fallback = field.defaultValue {
                    used[field.name] = .text(fallback)
                }
            }
            return FlowReport(
                flow: Simulator.id, article: Simulator.article, now: context.iso(context.now),
                timeZone: context.timeZone.identifier, input: used, verdict: result.verdict.rawValue,
                headline: result.headline, details: result.details,
                outcome: (try? JSONValue(encoding: result.outcome, timeZone: context.timeZone)) ?? .null,
                trace: result.trace
            )
        }
        check = { (input: FlowInput, context: FlowContext) -> FlowInputError? in
            do throws(FlowInputError) {
                _ = try simulator.input(from: input, context: context)
                return nil
            } catch {
                return error
            }
        }
        tables = { simulator.scenarios(context: $0) }
        titles = { Simulator.title(in: $0) }
        inputs = { simulator.fields(in: $0) }
        verdictLabels = { Simulator.Verdict(rawValue: $0)?.label(in: $1) }
    }

    /// Validates `input` and runs the flow at `context.now`, in `context.language`: the
    /// texts in that language, and each step's source the translated article's section.
    ///
    /// - Throws: ``FlowInputError`` naming the first field that is missing or wrong, in
    ///   `context.language`.
    public func run(_ input: FlowInput, context: FlowContext) throws(FlowInputError) -> FlowReport {
        var report = try simulate(input, context)
        report.trace = sections.trace(report.trace, in: context.language)
        return report
    }

    /// The first problem with `input`, or `nil` when the flow can run on it. Fields are
    /// checked in order, so when asking for inputs one by one, an error that names a
    /// field not yet asked for only means it is still missing.
    public func problem(with input: FlowInput, context: FlowContext) -> FlowInputError? {
        check(input, context)
    }

    /// The tables for the flow's page, computed by running the flow around `context.now`,
    /// in `context.language`.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] { tables(context) }

    /// A verdict of this flow in words for people, from the simulator's phrasebook: for
    /// `account-lockout`, `locked` is "Locked" and `open` "Not locked"; in Indonesian
    /// "Terkunci" and "Tidak terkunci". `nil` when `rawVerdict` (a ``FlowReport/verdict``)
    /// is not one of this flow's. The JSON keeps the raw value; this is for text and pages.
    public func verdictLabel(_ rawVerdict: String, in language: Language) -> String? {
        verdictLabels(rawVerdict, language)
    }

    /// The question the flow answers, in `language`.
    public func title(in language: Language) -> String { titles(language) }

    /// The inputs with their help in `language`; names, kinds, defaults and allowed
    /// values are those of ``fields``.
    public func fields(in language: Language) -> [FlowField] { inputs(language) }

    /// The context to run in: `timeZone` if given, else the flow's own zone, else
    /// `fallback`; explained in `language`.
    public func context(now: Date, timeZone: TimeZone?, fallback: TimeZone, language: Language = .source) -> FlowContext {
        FlowContext(now: now, timeZone: timeZone ?? defaultTimeZone ?? fallback, language: language)
    }

    /// The flow described as data, for `kb simulate --list --json` and `GET /v1/flows`.
    public var summary: FlowSummary { summary(in: .source) }

    /// The flow described as data, its title and inputs' help in `language`.
    public func summary(in language: Language) -> FlowSummary {
        FlowSummary(
            id: id, title: title(in: language), article: article, timeZone: defaultTimeZone?.identifier, fields: fields(in: language)
        )
    }
}

/// A flow described as data: its id, question, article, own time zone and inputs.
public struct FlowSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var article: String
    /// The zone the flow's rules are stated in, if it has one.
    public var timeZone: String?
    public var fields: [FlowField]
}
