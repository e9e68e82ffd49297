public import Foundation
public import KBContent

/// `transaction-actions`: which portal actions are open on a transaction now (view,
/// cancel, accept or deny a challenge, refund, send in a report) and why the others
/// are not. Whether a cancel is open is decided by ``CancelTransactionSimulator``.
public struct TransactionActionsSimulator: FlowSimulator {
    public static let id = "transaction-actions"
    public static let article = "manage-transactions"
    public static let title = "What can I do with this transaction in the portal now?"

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
        func text(_ date: Date) -> String { policy.cancellation.text(date, context) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let keptUntil = calendar.date(byAdding: .month, value: policy.retentionMonths, to: input.transactionTime) ?? input.transactionTime
        let kept = context.now < keptUntil
        var trace = [FlowStep(
            rule: "The portal keeps transactions for the policy's number of months; older ones come from your Midtrans PIC",
            compared: "made \(text(input.transactionTime)); kept \(policy.retentionMonths) months, until \(text(keptUntil))",
            result: kept ? "in the portal" : "no longer in the portal", source: section("good-to-know"),
            policies: ["portal.transaction_retention_months"]
        )]
        guard kept else {
            let reason = "older than \(policy.retentionMonths) months: ask your Midtrans PIC for it"
            let actions = Action.allCases.map { ActionState(action: $0, open: false, reason: reason) }
            return FlowResult(
                verdict: Verdict(open: []), headline: "Nothing in the portal: the transaction is \(reason).",
                details: [FlowDetail("Kept until", text(keptUntil))],
                outcome: Outcome(actions: actions, open: [], keptUntil: keptUntil), trace: trace
            )
        }

        var states: [ActionState] = []
        states.append(ActionState(action: .view, open: true, reason: "search \(policy.transactionsMenu) and open its page and status history"))
        trace.append(FlowStep(
            rule: "Transactions are searched and opened, with their details and status history, from the transactions menu",
            result: "view: open", source: section("what-you-can-do"), policies: ["portal.transactions_menu"]
        ))

        let cancel = CancelTransactionSimulator(policy: policy.cancellation).run(input, context: context)
        trace += cancel.trace
        trace.append(FlowStep(
            rule: "A card payment is cancelled from its detail page before it settles",
            compared: "cancel-transaction: \(cancel.verdict.rawValue)", result: cancel.outcome.cancellable ? "cancel: open" : "cancel: closed",
            source: section("what-you-can-do")
        ))
        states.append(ActionState(
            action: .cancel, open: cancel.outcome.cancellable,
            reason: cancel.outcome.cancellable
                ? "until " + (cancel.outcome.deadline.map(text) ?? "it is paid or expires")
                : cancel.outcome.reason
        ))

        let challenged = input.fraudStatus == .challenge
        trace.append(FlowStep(
            rule: "Only a payment flagged as Challenge is accepted or denied, from its detail page",
            compared: "fraud_status \(input.fraudStatus.rawValue)",
            result: challenged ? "accept or deny: open, from \(policy.challengeMenu)" : "accept or deny: closed",
            source: ArticleReference("challenged-transactions", "review-a-challenge-in-the-portal"), policies: ["fraud.challenge_menu"]
        ))
        states.append(ActionState(
            action: .acceptOrDeny, open: challenged,
            reason: challenged ? "the payment waits for your review" : "only for fraud_status challenge, not \(input.fraudStatus.rawValue)"
        ))

        let settled = input.status == .settlement
        trace.append(FlowStep(
            rule: "A settled payment is refunded from its detail page, where the method allows",
            compared: "transaction_status \(input.status.rawValue)",
            result: settled ? "refund: open, if the method supports portal refunds" : "refund: closed",
            source: section("what-you-can-do")
        ))
        states.append(ActionState(
            action: .refund, open: settled,
            reason: settled
                ? "where the method supports it; no Refund button means asking your Midtrans PIC"
                : "only a settled payment is refunded, not one in \(input.status.rawValue)"
        ))

        trace.append(FlowStep(
            rule: "Search results can be sent by email as a report, which should arrive within the policy's minutes",
            result: "report: open; expect it within \(policy.reportEmailMinutes) minutes", source: section("reports"),
            policies: ["portal.report_email_minutes"]
        ))
        states.append(ActionState(
            action: .report, open: true,
            reason: "Send to Email from \(policy.transactionsMenu); it should arrive within \(policy.reportEmailMinutes) minutes"
        ))

        let open = states.filter(\.open).map(\.action)
        let closed = states.filter { !$0.open }
        return FlowResult(
            verdict: Verdict(open: open),
            headline: "Open now: " + open.map(\.rawValue).joined(separator: ", ")
                + (closed.isEmpty ? "." : "; closed: " + closed.map(\.action.rawValue).joined(separator: ", ") + "."),
            details: states.map { FlowDetail($0.action.rawValue, ($0.open ? "open: " : "closed: ") + $0.reason) },
            outcome: Outcome(actions: states, open: open, keptUntil: keptUntil), trace: trace
        )
    }
}
