public import KBContent

/// `card-denied`: from where a card charge stopped and the bank's response code, what the
/// decline means, whether and when to retry, what the merchant does and what to tell the
/// customer (from `response-codes.yaml`).
///
/// A charge passes several layers of security and the issuing bank's authorization is
/// the last; that is all the sources say of their order. The checks before the bank
/// (Midtrans fraud detection, and 3-D Secure where the charge asks for it) are not put in
/// an order of their own, and 3-D Secure is not assumed to run on every charge.
public struct CardDeniedSimulator: FlowSimulator {
    public static let id = "card-denied"
    public static let article = "bank-response-codes"
    public static let title = "Why was this card payment denied, and what now?"

    /// The checks a card charge can stop at; the issuing bank is the last.
    public enum Layer: String, Sendable, Hashable, Codable, CaseIterable {
        case fraudDetection = "fraud-detection"
        case threeDSecure = "3-d-secure"
        case issuingBank = "issuing-bank"

        /// For people.
        public var label: String {
            switch self {
            case .fraudDetection: return "Midtrans fraud detection"
            case .threeDSecure: return "3-D Secure"
            case .issuingBank: return "the issuing bank"
            }
        }
    }

    /// What stopped the charge: a check before the bank, or the bank's answer as the
    /// class of its response code.
    public enum Verdict: String, FlowVerdict {
        /// Midtrans fraud detection refused it.
        case fraudScreening = "fraud-screening"
        /// The customer did not complete 3-D Secure.
        case threeDSecure = "3-d-secure"
        case approved
        case softDecline = "soft-decline"
        case hardDecline = "hard-decline"
        case fraud
        case technical
        case referral

        /// The bank's answer of this class.
        public init(_ responseClass: ResponseClass) {
            switch responseClass {
            case .approved: self = .approved
            case .softDecline: self = .softDecline
            case .hardDecline: self = .hardDecline
            case .fraud: self = .fraud
            case .technical: self = .technical
            case .referral: self = .referral
            }
        }
    }

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `support.fraud_email`
        public var fraudEmail: String
        /// `expiry.card_3ds_minutes`
        public var threeDSecureMinutes: Int
        /// `portal.transactions_menu`
        public var transactionsMenu: String

        public init(fraudEmail: String, threeDSecureMinutes: Int, transactionsMenu: String) {
            self.fraudEmail = fraudEmail
            self.threeDSecureMinutes = threeDSecureMinutes
            self.transactionsMenu = transactionsMenu
        }

        /// - Throws: ``FlowPolicyError`` naming a missing or malformed value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: CardDeniedSimulator.id)
            self.init(
                fraudEmail: try reader.text("support.fraud_email"),
                threeDSecureMinutes: try reader.integer("expiry.card_3ds_minutes", in: 1...1_440),
                transactionsMenu: try reader.text("portal.transactions_menu")
            )
        }
    }

    public struct Input: Sendable, Hashable {
        public var stoppedAt: Layer
        /// The bank's response code, when the issuing bank answered.
        public var code: ResponseCode?

        public init(stoppedAt: Layer, code: ResponseCode?) {
            self.stoppedAt = stoppedAt
            self.code = code
        }
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var stoppedAt: Layer
        /// Each layer and what became of the charge there: `passed`, `stopped`, `not reached`
        /// (the bank, when a check before it stopped the charge), `not known` (another check
        /// before the bank: their order is not documented) or `passed or not used` (3-D
        /// Secure, when the charge reached the bank).
        public var layers: [String: String]
        public var code: String?
        public var codeName: String?
        /// The response class, or the layer that refused: the verdict.
        public var decline: Verdict
        /// `yes`, `later` or `no`.
        public var retry: String
        public var retryAdvice: String
        public var merchantAction: String
        public var customerMessage: String
    }

    public var policy: Policy
    /// The response-code table, with its lookups.
    let codeTable: Content

    public init(policy: Policy, codes: [ResponseCode]) {
        self.policy = policy
        codeTable = Content(articles: [], categories: [], responseCodes: codes, policies: Policies(), synonyms: [])
    }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies), codes: content.responseCodes)
    }

    /// Every code of the table, in file order.
    public var codes: [ResponseCode] { codeTable.responseCodes }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        var trace: [FlowStep] = []
        let approvedByBank = input.stoppedAt == .issuingBank && input.code?.responseClass == .approved
        var layers: [String: String] = [:]
        switch input.stoppedAt {
        case .issuingBank:
            layers[Layer.fraudDetection.rawValue] = "passed"
            layers[Layer.threeDSecure.rawValue] = "passed or not used"
            layers[Layer.issuingBank.rawValue] = approvedByBank ? "passed" : "stopped"
        case .fraudDetection, .threeDSecure:
            for layer in [Layer.fraudDetection, .threeDSecure] {
                layers[layer.rawValue] = layer == input.stoppedAt ? "stopped" : "not known"
            }
            layers[Layer.issuingBank.rawValue] = "not reached"
        }
        trace.append(FlowStep(
            rule: "A card charge passes several layers of security, such as Midtrans fraud detection and, where the charge asks for it, 3-D Secure; "
                + "the last is always the issuing bank's authorization, whose refusal carries a two-character response code",
            compared: "stopped at: \(input.stoppedAt.label)",
            result: input.stoppedAt == .issuingBank
                ? (approvedByBank ? "reached the bank, which approved it" : "reached the bank, which refused it")
                : "stopped before the bank, which never saw the charge",
            source: section("how-a-card-charge-is-approved")
        ))

        switch input.stoppedAt {
        case .fraudDetection:
            let action = "Not a bank decision. Review it as described for challenged transactions; for a customer you trust, email \(policy.fraudEmail) with the customer's email to ask for a whitelist."
            trace.append(FlowStep(
                rule: "When Midtrans's own screening blocked a customer you trust, ask the fraud team to whitelist them",
                compared: "refused by fraud detection, before the bank saw it",
                result: "email \(policy.fraudEmail) with the customer's email address",
                source: section("good-to-know"), policies: ["support.fraud_email"]
            ))
            return result(
                input, layers: layers, decline: .fraudScreening, retry: "no",
                retryAdvice: "not with the same details until the fraud team has answered",
                action: action,
                customer: "Your payment could not be completed. Please try another payment method or contact us.",
                headline: "Stopped by Midtrans fraud detection, not by the bank: ask \(policy.fraudEmail) to whitelist a customer you trust.",
                trace: trace
            )
        case .threeDSecure:
            trace.append(FlowStep(
                rule: "A card charge waiting for 3-D Secure expires when the customer does not finish in time",
                compared: "3-D Secure not completed; limit expiry.card_3ds_minutes \(policy.threeDSecureMinutes) min",
                result: "the transaction expires \(policy.threeDSecureMinutes) minutes after it started; no money was taken",
                source: ArticleReference("payment-expiry", "default-time-limits"), policies: ["expiry.card_3ds_minutes"]
            ))
            return result(
                input, layers: layers, decline: .threeDSecure, retry: "yes",
                retryAdvice: "yes, as a new payment the customer completes with their bank's OTP",
                action: "Ask the customer to pay again and finish the bank's verification step within \(policy.threeDSecureMinutes) minutes.",
                customer: "The payment needs a confirmation from your bank, usually a one-time code. Please try again and complete that step.",
                headline: "Stopped at 3-D Secure: the customer did not confirm with their bank; they can pay again and finish the OTP step.",
                trace: trace
            )
        case .issuingBank:
            guard let code = input.code else { preconditionFailure("input validation requires a code at the issuing bank") }
            trace.append(FlowStep(
                rule: "The bank's response code is shown on the transaction page and in the API's channel_response_code",
                compared: "code \(code.code)",
                result: "open the transaction from \(policy.transactionsMenu) and select ⓘ to see it",
                source: section("where-to-see-the-code"), policies: ["portal.transactions_menu"]
            ))
            trace.append(FlowStep(
                rule: "Each response code has a meaning, a class and retry advice in the code table",
                compared: "code \(code.code) = \(code.name)",
                result: "class \(code.responseClass.label), retry \(code.retry.rawValue)",
                source: section("the-most-common-codes")
            ))
            if code.responseClass != .approved {
                trace.append(FlowStep(
                    rule: "Do not keep retrying the same card: card networks limit repeated attempts and may charge fees",
                    compared: "retry advice for \(code.code): \(code.retry.rawValue)", result: retryAdvice(code.retry),
                    source: section("good-to-know")
                ))
            }
            if code.responseClass == .fraud {
                trace.append(FlowStep(
                    rule: "Never tell a customer their card was flagged as lost, stolen or fraudulent",
                    compared: "class of \(code.code): \(code.responseClass.label)",
                    result: "say only that the bank declined it", source: section("good-to-know")
                ))
            }
            let headline = code.responseClass == .approved
                ? "The bank approved it (code \(code.code), \(code.name)): the charge did not stop at the bank."
                : "Declined by the issuing bank with code \(code.code) (\(code.name)): \(code.responseClass.label), retry \(code.retry.rawValue)."
            return result(
                input, layers: layers, decline: Verdict(code.responseClass), retry: code.retry.rawValue,
                retryAdvice: code.responseClass == .approved ? "not needed: the bank approved" : retryAdvice(code.retry),
                action: code.merchantAction, customer: code.customerMessage,
                headline: headline, trace: trace
            )
        }
    }

    private func result(
        _ input: Input, layers: [String: String], decline: Verdict, retry: String, retryAdvice: String,
        action: String, customer: String, headline: String, trace: [FlowStep]
    ) -> FlowResult<Verdict, Outcome> {
        var details = [FlowDetail("Stopped at", input.stoppedAt.label)]
        if let code = input.code {
            details.append(FlowDetail("Code", "\(code.code) — \(code.name): \(code.meaning)"))
        }
        details += [
            FlowDetail("Retry", retryAdvice),
            FlowDetail("Merchant", action),
            FlowDetail("Customer", customer),
        ]
        let outcome = Outcome(
            stoppedAt: input.stoppedAt, layers: layers, code: input.code?.code, codeName: input.code?.name,
            decline: decline, retry: retry, retryAdvice: retryAdvice, merchantAction: action, customerMessage: customer
        )
        return FlowResult(verdict: decline, headline: headline, details: details, outcome: outcome, trace: trace)
    }

    private func retryAdvice(_ retry: RetryAdvice) -> String {
        switch retry {
        case .yes: return "yes, once the details are fixed or the customer has authenticated"
        case .later: return "later, after a pause, and not over and over"
        case .no: return "no, never with the same card"
        }
    }
}
