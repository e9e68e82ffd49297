public import Foundation
public import KBContent

/// `cancel-transaction`: whether a transaction can still be cancelled (voided) at `now`,
/// why, the deadline, through which channels, and what to do instead.
///
/// A card payment (`credit_card`) in one of the policy's card statuses can be cancelled
/// until the cut-off: the policy's time of day, the policy's number of days after the day
/// of the transaction, both in the policy's time zone (D+1 16:00 WIB, UTC+7). That is the
/// cut-off usually quoted; it can differ by acquiring bank. Whether a pre-authorized
/// (`authorize`) card payment can be cancelled depends on the acquirer. An unpaid pending
/// payment of a listed method can be cancelled until it is paid or expires.
///
/// Times shown to people in the policy's zone carry its label (`WIB (UTC+7)`); the
/// report's `timeZone` stays the identifier.
public struct CancelTransactionSimulator: FlowSimulator {
    public static let id = "cancel-transaction"
    public static let article = "cancel-transaction"

    /// The `payment_type` of card payments, as Midtrans names it.
    public static let creditCard = "credit_card"

    /// An older spelling of ``creditCard`` that input still accepts.
    static let cardAlias = "card"

    /// The `transaction_status` values the flow knows.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// `authorize` is a card pre-authorization; `capture` a paid card payment.
        case pending, authorize, capture, settlement, deny, cancel, expire, failure
        case refund
        case partialRefund = "partial_refund"
        case chargeback
        case partialChargeback = "partial_chargeback"
    }

    /// The `fraud_status` values; `none` where the method has none.
    public enum FraudStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case accept, challenge, deny, none
    }

    /// Whether the transaction can be cancelled now, and if not, what applies instead.
    public enum Verdict: String, FlowVerdict {
        case cancellable
        case notCancellable = "not-cancellable"
        /// An end state, or a settled payment already refunded or charged back.
        case nothingToCancel = "nothing-to-cancel"
        /// Settled, or past the cut-off.
        case refundInstead = "refund-instead"
        /// Waiting for fraud review: Accept or Deny, not Cancel.
        case reviewChallenge = "review-challenge"
    }

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `cancellation.card_statuses`
        public var cardStatuses: [String]
        /// `cancellation.cutoff_days_after_transaction`
        public var cutoffDays: Int
        /// `cancellation.cutoff_time`
        public var cutoffHour: Int
        public var cutoffMinute: Int
        /// `cancellation.time_zone`
        public var timeZone: TimeZone
        /// `cancellation.time_zone_label`: the zone as people know it, `WIB (UTC+7)`.
        public var timeZoneLabel: String
        /// `cancellation.pending_methods`
        public var pendingMethods: [String]
        /// `portal.transactions_menu`
        public var transactionsMenu: String
        /// `api.production_base_url`, `api.sandbox_base_url`, `api.cancel_path`
        public var productionBaseURL: String
        public var sandboxBaseURL: String
        public var cancelPath: String
        /// `expiry.card_3ds_minutes`
        public var threeDSecureMinutes: Int
        /// `fraud.challenge_menu`
        public var challengeMenu: String

        /// - Throws: ``FlowPolicyError`` naming a missing or malformed value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: CancelTransactionSimulator.id)
            cardStatuses = try reader.list("cancellation.card_statuses")
            if let unknown = cardStatuses.first(where: { Status(rawValue: $0) == nil }) {
                throw FlowPolicyError(
                    flow: CancelTransactionSimulator.id, path: "cancellation.card_statuses", "names '\(unknown)', which is no transaction_status",
                    hint: "use transaction_status values such as capture"
                )
            }
            cutoffDays = try reader.integer("cancellation.cutoff_days_after_transaction", in: 0...31)
            (cutoffHour, cutoffMinute) = try reader.timeOfDay("cancellation.cutoff_time")
            timeZone = try reader.timeZone("cancellation.time_zone")
            timeZoneLabel = try reader.text("cancellation.time_zone_label")
            pendingMethods = try reader.list("cancellation.pending_methods")
            transactionsMenu = try reader.text("portal.transactions_menu")
            productionBaseURL = try reader.text("api.production_base_url")
            sandboxBaseURL = try reader.text("api.sandbox_base_url")
            cancelPath = try reader.text("api.cancel_path")
            threeDSecureMinutes = try reader.integer("expiry.card_3ds_minutes", in: 1...1_440)
            challengeMenu = try reader.text("fraud.challenge_menu")
        }

        /// The cut-off for a transaction made at `time`: the policy's days after its
        /// calendar day, at the policy's time, both in the policy's zone.
        public func cutoff(forTransactionAt time: Date) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let day = calendar.startOfDay(for: time)
            let later = calendar.date(byAdding: .day, value: cutoffDays, to: day) ?? day
            return calendar.date(bySettingHour: cutoffHour, minute: cutoffMinute, second: 0, of: later) ?? later
        }

        /// `D+1 16:00 WIB (UTC+7)`.
        var cutoffRule: String {
            let time = (cutoffHour < 10 ? "0" : "") + "\(cutoffHour):" + (cutoffMinute < 10 ? "0" : "") + "\(cutoffMinute)"
            return "D+\(cutoffDays) \(time) \(timeZoneLabel)"
        }

        /// `date` for people in `context`'s zone and language: with ``timeZoneLabel`` when
        /// that is the policy's zone (`16:00 WIB (UTC+7), 26 November 2026`; in Indonesian
        /// `26 November 2026 pukul 16.00 WIB (UTC+7)`), else as ``FlowContext/text(_:)``.
        public func text(_ date: Date, _ context: FlowContext) -> String {
            let label = context.timeZone.identifier == timeZone.identifier ? timeZoneLabel : nil
            return FlowTime.text(date, in: context.timeZone, zoneName: label, language: context.language)
        }
    }

    public struct Input: Sendable, Hashable {
        /// ``CancelTransactionSimulator/creditCard`` or one of the policy's pending methods.
        public var paymentType: String
        public var status: Status
        public var fraudStatus: FraudStatus
        public var transactionTime: Date

        public init(paymentType: String, status: Status, fraudStatus: FraudStatus = .accept, transactionTime: Date) {
            self.paymentType = paymentType
            self.status = status
            self.fraudStatus = fraudStatus
            self.transactionTime = transactionTime
        }
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var cancellable: Bool
        /// Why, in a sentence.
        public var reason: String
        /// The card cut-off, where it applies.
        public var deadline: Date?
        /// Seconds left before the deadline at `now` (negative once passed).
        public var secondsLeft: Int?
        /// Where to cancel, when cancellable.
        public var channels: [String]
        /// What to do instead, when not.
        public var alternative: String?
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    /// The cut-off is stated in the policy's zone, so times are read and shown there by default.
    public var defaultTimeZone: TimeZone? { policy.timeZone }
}
