import Foundation

/// A bank response code, from `Content/response-codes.yaml`.
public struct ResponseCode: Sendable, Hashable, Identifiable, Codable {
    /// The code as the bank sends it: `05`, `51`, `N7`.
    public var code: String
    public var name: String
    /// What the code means, for the merchant.
    public var meaning: String
    public var responseClass: ResponseClass
    public var retry: RetryAdvice
    /// What the merchant should do.
    public var merchantAction: String
    /// A sentence an agent can paste to the customer as it is.
    public var customerMessage: String
    /// Phrases people type for this code ("insufficient funds").
    public var aliases: [String]
    /// The language the text is written in (not encoded: the API says it beside).
    public var language: Language = .source

    public var id: String { code }

    public init(
        code: String, name: String, meaning: String, responseClass: ResponseClass, retry: RetryAdvice,
        merchantAction: String, customerMessage: String, aliases: [String]
    ) {
        self.code = code
        self.name = name
        self.meaning = meaning
        self.responseClass = responseClass
        self.retry = retry
        self.merchantAction = merchantAction
        self.customerMessage = customerMessage
        self.aliases = aliases
    }

    enum CodingKeys: String, CodingKey {
        case code, name, meaning
        case responseClass = "class"
        case retry
        case merchantAction = "merchant_action"
        case customerMessage = "customer_message"
        case aliases
    }

    /// Whether `text` is a well-formed code: two digits or capital letters.
    public static func isWellFormed(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 2 && scalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) }
    }
}

/// The kind of answer a response code is.
public enum ResponseClass: String, Sendable, Hashable, Codable, CaseIterable {
    case approved
    case softDecline = "soft-decline"
    case hardDecline = "hard-decline"
    case fraud
    case technical
    case referral

    /// A short label for people ("soft decline").
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Whether a declined charge may be tried again.
public enum RetryAdvice: String, Sendable, Hashable, Codable, CaseIterable {
    /// Right away, once the data is fixed or the customer authenticated.
    case yes
    /// After a delay, within the card schemes' limits.
    case later
    /// Never with the same card and details.
    case no
}
