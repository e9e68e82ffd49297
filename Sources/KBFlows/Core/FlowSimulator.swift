public import Foundation
public import KBContent

/// A troubleshooting flow's simulator: a pure function of the policy values in
/// `Content/policies.yaml`, a typed input and an explicit moment, that answers with an
/// outcome and the trace of the rules it applied.
///
/// A simulator reads no clock, file or network: `now` and the time zone come in a
/// ``FlowContext``, the policy values when it is made. Every ``FlowStep`` of its trace
/// names the article section that states the rule, so every answer can be traced to text.
///
/// Front ends do not use simulators directly but through ``AnyFlow`` and ``FlowRegistry``,
/// which run them from string or JSON values and answer with Codable data.
public protocol FlowSimulator: Sendable {
    /// The validated input of one run.
    associatedtype Input: Sendable
    /// What one run concludes, as data (encoded into ``FlowReport/outcome``).
    associatedtype Outcome: Sendable, Codable
    /// The ways a run can end (its raw value is ``FlowReport/verdict``).
    associatedtype Verdict: FlowVerdict

    /// The flow's id, as in `kb simulate account-lockout` and `/v1/flows/account-lockout/simulate`.
    static var id: String { get }
    /// The slug of the article the flow belongs to.
    static var article: String { get }
    /// The question the flow answers in `language`, for lists and page titles.
    static func title(in language: Language) -> String

    /// Reads the policy values (and, where needed, other content) the flow depends on.
    ///
    /// - Throws: ``FlowPolicyError`` naming the policy path that is missing or malformed.
    init(content: Content) throws(FlowPolicyError)

    /// Reads the flow's values from `content`, and from each translation what the flow
    /// quotes of it in that language (a response code's texts, say). The default reads
    /// `content` alone.
    ///
    /// - Throws: ``FlowPolicyError`` naming the policy path that is missing or malformed.
    init(content: Content, translations: [Language: Content]) throws(FlowPolicyError)

    /// The inputs, in the order they are read and asked for, their help in `language`
    /// (names, kinds, defaults and allowed values are the same in every language).
    func fields(in language: Language) -> [FlowField]

    /// The time zone the flow's rules are stated in, used when the caller gives none;
    /// `nil` when the flow has none of its own.
    var defaultTimeZone: TimeZone? { get }

    /// Validates string values into a typed input. Fields are read in the order of
    /// ``fields``, so the error thrown names the first field that is wrong.
    func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input

    /// Runs the flow on a valid input at `context.now`, explaining it in `context.language`.
    ///
    /// The trace cites the source language's articles; ``AnyFlow`` moves each step's
    /// source to the translated article's section.
    func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome>

    /// Tables for the flow's page, each computed by running the simulator on a range of
    /// inputs around `context.now` (never written by hand), in `context.language`.
    func scenarios(context: FlowContext) -> [FlowScenarioTable]
}

extension FlowSimulator {
    public var defaultTimeZone: TimeZone? { nil }

    public init(content: Content, translations: [Language: Content]) throws(FlowPolicyError) {
        try self.init(content: content)
    }

    /// The question the flow answers, in the source language.
    public static var title: String { title(in: .source) }

    /// The inputs with their help in the source language.
    public var fields: [FlowField] { fields(in: .source) }
}

extension FlowSimulator {
    /// A heading of the flow's own article.
    func section(_ anchor: String) -> ArticleReference { ArticleReference(Self.article, anchor) }
}
