import Foundation
public import KBContent

/// What `kb explain` says about a pasted Midtrans response, notification or redirect
/// URL: the payment's state in words, why, what to do next, what to read, and the
/// simulator run that answers the next question. What `--json` and `POST /v1/explain` give.
public struct Explanation: Sendable, Hashable, Codable {
    /// The payment's state, by the "paid" rule: settlement, or capture for cards, with
    /// `fraud_status` accept (or none).
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case paid
        case pending
        /// Captured, but fraud detection asks for a review (`fraud_status` challenge).
        case onHold = "on-hold"
        case authorized
        case denied
        case cancelled
        case expired
        case failed
        case refunded
        case chargedBack = "charged-back"
        /// The API refused the request itself (`status_code` 4xx/5xx, no transaction status).
        case requestFailed = "request-failed"
        case unknown
    }

    /// A bank response code the message carries (`channel_response_code`), from the table.
    public struct BankCode: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var responseClass: ResponseClass
        public var retry: RetryAdvice
        public var meaning: String
        public var merchantAction: String
        public var customerMessage: String

        enum CodingKeys: String, CodingKey {
            case code, name, retry, meaning
            case responseClass = "class"
            case merchantAction = "merchant_action"
            case customerMessage = "customer_message"
        }
    }

    /// Whether `signature_key` was checked, and what came of it.
    public struct Signature: Sendable, Hashable, Codable {
        /// `true` or `false` when checked; `nil` when it could not be.
        public var matches: Bool?
        public var text: String
    }

    /// An article or a code to read, with the command that shows it.
    public struct Reading: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable { case article, code }
        public var kind: Kind
        /// The article's slug or the code.
        public var id: String
        public var title: String
        /// `kb show <slug>` or `kb code <code>` (with `--lang` when not English).
        public var command: String
    }

    public var message: MidtransMessage
    public var state: State
    /// True only when the payment can be treated as paid.
    public var paid: Bool
    /// What happened, in one sentence.
    public var headline: String
    /// Why: what each field says.
    public var why: [String]
    /// What the merchant should do next, in order.
    public var next: [String]
    public var bankCode: BankCode?
    public var signature: Signature?
    public var read: [Reading]
    /// The `kb simulate` command that answers the next question, inputs filled in.
    public var simulate: String?
    /// Fields missing or not read, said plainly.
    public var notes: [String]
    /// The language of the texts (`en`, `id`).
    public var language: String

    enum CodingKeys: String, CodingKey {
        case message, state, paid, headline, why, next, signature, read, simulate, notes, language
        case bankCode = "bank_code"
    }
}
