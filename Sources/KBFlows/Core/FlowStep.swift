/// One step of a simulation's trace: the rule applied, the values it compared, what
/// followed, and the article section that states the rule.
public struct FlowStep: Sendable, Hashable, Codable {
    /// The rule, in a sentence: "Wrong passwords in a row lock the login at the policy's number."
    public var rule: String
    /// The values compared, with their sources: "wrong in a row 5 vs lockout.max_failed_attempts 5";
    /// empty when the step compares nothing.
    public var compared: String
    /// What the rule gave for these values.
    public var result: String
    /// Where the rule is written.
    public var source: ArticleReference
    /// The `policies.yaml` paths whose values the step used; the article section at
    /// ``source`` writes each one as a `{{policy.path}}` placeholder.
    public var policies: [String]

    public init(rule: String, compared: String = "", result: String, source: ArticleReference, policies: [String] = []) {
        self.rule = rule
        self.compared = compared
        self.result = result
        self.source = source
        self.policies = policies
    }
}

/// An article and one of its heading anchors: `unlock-account#what-to-do`.
public struct ArticleReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var slug: String
    /// A heading anchor of that article (``KBContent/MarkdownDocument/headingAnchors``).
    public var anchor: String

    public init(_ slug: String, _ anchor: String) {
        self.slug = slug
        self.anchor = anchor
    }

    /// `slug#anchor`.
    public var description: String { "\(slug)#\(anchor)" }
}

/// What one run of a simulator concludes: a verdict, a headline, details for people,
/// the typed outcome, and the trace of rules applied.
public struct FlowResult<Verdict: FlowVerdict, Outcome> {
    /// The conclusion, typed; its raw value is a short, stable word (`locked`, `allowed`, `cancellable`).
    public var verdict: Verdict
    /// The conclusion in one sentence.
    public var headline: String
    /// Labelled lines for people: what to do, where, by when.
    public var details: [FlowDetail]
    public var outcome: Outcome
    /// The steps taken, in order.
    public var trace: [FlowStep]

    public init(verdict: Verdict, headline: String, details: [FlowDetail], outcome: Outcome, trace: [FlowStep]) {
        self.verdict = verdict
        self.headline = headline
        self.details = details
        self.outcome = outcome
        self.trace = trace
    }
}

extension FlowResult: Sendable where Outcome: Sendable {}

/// One labelled line of a result: `Opens at` → `09:19 WIB, 25 November 2026`.
public struct FlowDetail: Sendable, Hashable, Codable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
