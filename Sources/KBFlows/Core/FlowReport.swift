/// A simulation's result as data: what `kb simulate --json` prints and
/// `POST /v1/flows/{id}/simulate` answers.
public struct FlowReport: Sendable, Hashable, Codable {
    /// The flow's id.
    public var flow: String
    /// The slug of the flow's article.
    public var article: String
    /// The moment simulated, ISO 8601 with the offset of ``timeZone``.
    public var now: String
    /// The time zone's identifier, e.g. `Asia/Jakarta`.
    public var timeZone: String
    /// Every input, the defaults used included.
    public var input: [String: FlowInputValue]
    /// The raw value of the simulator's ``FlowSimulator/Verdict``: `locked`, `refund-instead`.
    public var verdict: String
    public var headline: String
    public var details: [FlowDetail]
    /// The simulator's typed outcome; dates as ISO 8601 in ``timeZone``.
    public var outcome: JSONValue
    public var trace: [FlowStep]

    public init(
        flow: String, article: String, now: String, timeZone: String, input: [String: FlowInputValue],
        verdict: String, headline: String, details: [FlowDetail], outcome: JSONValue, trace: [FlowStep]
    ) {
        self.flow = flow
        self.article = article
        self.now = now
        self.timeZone = timeZone
        self.input = input
        self.verdict = verdict
        self.headline = headline
        self.details = details
        self.outcome = outcome
        self.trace = trace
    }
}

/// A table for a flow's page, every row computed by running the simulator.
public struct FlowScenarioTable: Sendable, Hashable, Codable {
    public var title: String
    /// One sentence on what the rows vary and what they hold fixed.
    public var note: String
    public var columns: [String]
    public var rows: [[String]]

    public init(title: String, note: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.note = note
        self.columns = columns
        self.rows = rows
    }
}
