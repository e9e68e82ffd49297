public import Foundation
public import KBContent

/// `transaction-actions`: which portal actions are open on a transaction now (view,
/// cancel, accept or deny a challenge, refund, send in a report) and why the others
/// are not. Whether a cancel is open is decided by ``CancelTransactionSimulator``.
public struct TransactionActionsSimulator: FlowSimulator {
    public static let id = "transaction-actions"
    public static let article = "manage-transactions"

    /// The portal's actions on one transaction.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case view, cancel
        case acceptOrDeny = "accept-or-deny"
        case refund, report
    }

    /// The actions open now, in ``Action`` order; spelled `view,cancel,report`, or
    /// `none` when the portal no longer holds the transaction.
    public struct Verdict: FlowVerdict {
        public var open: [Action]

        public init(open: [Action]) { self.open = open }

        public init?(rawValue: String) {
            guard rawValue != "none" else {
                self.init(open: [])
                return
            }
            var open: [Action] = []
            for name in rawValue.split(separator: ",", omittingEmptySubsequences: false) {
                guard let action = Action(rawValue: String(name)) else { return nil }
                open.append(action)
            }
            self.init(open: open)
        }

        public var rawValue: String { open.isEmpty ? "none" : open.map(\.rawValue).joined(separator: ",") }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let verdict = Self(rawValue: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a list of actions or none")
            }
            self = verdict
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// The cancellation rules (`cancellation.*` and the values they need).
        public var cancellation: CancelTransactionSimulator.Policy
        /// `portal.transactions_menu`
        public var transactionsMenu: String
        /// `portal.transaction_retention_months`
        public var retentionMonths: Int
        /// `portal.report_email_minutes`
        public var reportEmailMinutes: Int
        /// `fraud.challenge_menu`
        public var challengeMenu: String

        /// - Throws: ``FlowPolicyError`` naming a missing or malformed value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: TransactionActionsSimulator.id)
            cancellation = try CancelTransactionSimulator.Policy(policies)
            transactionsMenu = try reader.text("portal.transactions_menu")
            retentionMonths = try reader.integer("portal.transaction_retention_months", in: 1...600)
            reportEmailMinutes = try reader.integer("portal.report_email_minutes", in: 1...1_440)
            challengeMenu = try reader.text("fraud.challenge_menu")
        }
    }

    public typealias Input = CancelTransactionSimulator.Input

    /// One action, and whether it is open.
    public struct ActionState: Sendable, Hashable, Codable {
        public var action: Action
        public var open: Bool
        public var reason: String
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var actions: [ActionState]
        /// The open actions, in ``Action`` order.
        public var open: [Action]
        /// Until when the portal keeps the transaction.
        public var keptUntil: Date
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    /// The cancellation rules' zone.
    public var defaultTimeZone: TimeZone? { policy.cancellation.timeZone }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        func text(_ date: Date) -> String { policy.cancellation.text(date, context) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let keptUntil = calendar.date(byAdding: .month, value: policy.retentionMonths, to: input.transactionTime) ?? input.transactionTime
        let kept = context.now < keptUntil
        var trace = [FlowStep(
            rule: say.retentionRule,
            compared: say.kept(made: text(input.transactionTime), months: policy.retentionMonths, until: text(keptUntil)),
            result: say.inPortal(kept), source: section("good-to-know"),
            policies: ["portal.transaction_retention_months"]
        )]
        guard kept else {
            let reason = say.tooOld(months: policy.retentionMonths)
            let actions = Action.allCases.map { ActionState(action: $0, open: false, reason: reason) }
            return FlowResult(
                verdict: Verdict(open: []), headline: say.tooOldHeadline(months: policy.retentionMonths),
                details: [FlowDetail(say.keptUntilLabel, text(keptUntil))],
                outcome: Outcome(actions: actions, open: [], keptUntil: keptUntil), trace: trace
            )
        }

        var states: [ActionState] = []
        states.append(ActionState(action: .view, open: true, reason: say.viewReason(menu: policy.transactionsMenu)))
        trace.append(FlowStep(
            rule: say.viewRule, result: say.result(.view, true), source: section("what-you-can-do"), policies: ["portal.transactions_menu"]
        ))

        let cancel = CancelTransactionSimulator(policy: policy.cancellation).run(input, context: context)
        trace += cancel.trace
        trace.append(FlowStep(
            rule: say.cancelRule,
            compared: "cancel-transaction: " + CancelTransactionSimulator.Phrases(language: context.language).verdict(cancel.verdict),
            result: say.result(.cancel, cancel.outcome.cancellable),
            source: section("what-you-can-do")
        ))
        states.append(ActionState(
            action: .cancel, open: cancel.outcome.cancellable,
            reason: cancel.outcome.cancellable ? say.until(cancel.outcome.deadline.map(text)) : cancel.outcome.reason
        ))

        let challenged = input.fraudStatus == .challenge
        trace.append(FlowStep(
            rule: say.challengeRule,
            compared: "fraud_status \(input.fraudStatus.rawValue)",
            result: say.challengeResult(challenged, menu: policy.challengeMenu),
            source: ArticleReference("challenged-transactions", "review-a-challenge-in-the-portal"), policies: ["fraud.challenge_menu"]
        ))
        states.append(ActionState(
            action: .acceptOrDeny, open: challenged, reason: say.challengeReason(challenged, fraudStatus: input.fraudStatus.rawValue)
        ))

        let settled = input.status == .settlement
        trace.append(FlowStep(
            rule: say.refundRule,
            compared: "transaction_status \(input.status.rawValue)",
            result: say.refundResult(settled),
            source: section("what-you-can-do")
        ))
        states.append(ActionState(action: .refund, open: settled, reason: say.refundReason(settled, status: input.status.rawValue)))

        trace.append(FlowStep(
            rule: say.reportRule,
            result: say.reportResult(minutes: policy.reportEmailMinutes), source: section("reports"),
            policies: ["portal.report_email_minutes"]
        ))
        states.append(ActionState(
            action: .report, open: true, reason: say.reportReason(menu: policy.transactionsMenu, minutes: policy.reportEmailMinutes)
        ))

        let open = states.filter(\.open).map(\.action)
        let closed = states.filter { !$0.open }.map(\.action)
        return FlowResult(
            verdict: Verdict(open: open),
            headline: say.headline(open: open, closed: closed),
            details: states.map { FlowDetail(say.actionHeading($0.action), say.detail($0.open, $0.reason)) },
            outcome: Outcome(actions: states, open: open, keptUntil: keptUntil), trace: trace
        )
    }
}
