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

    /// The checks a card charge can stop at; the issuing bank is the last.
    public enum Layer: String, Sendable, Hashable, Codable, CaseIterable {
        case fraudDetection = "fraud-detection"
        case threeDSecure = "3-d-secure"
        case issuingBank = "issuing-bank"

        /// For people, in the source language (``label(in:)`` for others).
        public var label: String { label(in: .source) }

        /// For people, in `language`.
        public func label(in language: Language) -> String { Phrases(language: language).layer(self) }
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
    /// The table in each other language, for what a code means and what to do.
    let translatedCodes: [Language: Content]

    /// - Parameter translations: each other language's codes (the same codes, their texts
    ///   translated); a code missing from one is shown as in `codes`.
    public init(policy: Policy, codes: [ResponseCode], translations: [Language: [ResponseCode]] = [:]) {
        self.policy = policy
        func table(_ codes: [ResponseCode]) -> Content {
            Content(articles: [], categories: [], responseCodes: codes, policies: Policies(), synonyms: [])
        }
        codeTable = table(codes)
        translatedCodes = translations.mapValues(table)
    }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies), codes: content.responseCodes)
    }

    public init(content: Content, translations: [Language: Content]) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies), codes: content.responseCodes, translations: translations.mapValues(\.responseCodes))
    }

    /// Every code of the table, in file order.
    public var codes: [ResponseCode] { codeTable.responseCodes }

    /// `code` with its name, meaning, action and message in `language`.
    func code(_ code: ResponseCode, in language: Language) -> ResponseCode {
        translatedCodes[language]?.responseCode(code.code) ?? code
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
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
            rule: say.layersRule,
            compared: say.stoppedAt(input.stoppedAt),
            result: input.stoppedAt == .issuingBank
                ? (approvedByBank ? say.reachedBankApproved : say.reachedBankRefused)
                : say.stoppedBeforeBank,
            source: section("how-a-card-charge-is-approved")
        ))

        switch input.stoppedAt {
        case .fraudDetection:
            trace.append(FlowStep(
                rule: say.fraudTeamRule,
                compared: say.refusedByFraudDetection,
                result: say.emailFraudTeam(policy.fraudEmail),
                source: section("good-to-know"), policies: ["support.fraud_email"]
            ))
            return result(
                input, layers: layers, decline: .fraudScreening, retry: "no",
                retryAdvice: say.fraudRetry,
                action: say.fraudAction(policy.fraudEmail),
                customer: say.fraudCustomer,
                headline: say.fraudHeadline(policy.fraudEmail),
                trace: trace, say
            )
        case .threeDSecure:
            trace.append(FlowStep(
                rule: say.threeDSecureRule,
                compared: say.threeDSecureCompared(minutes: policy.threeDSecureMinutes),
                result: say.expires(minutes: policy.threeDSecureMinutes),
                source: ArticleReference("payment-expiry", "default-time-limits"), policies: ["expiry.card_3ds_minutes"]
            ))
            return result(
                input, layers: layers, decline: .threeDSecure, retry: "yes",
                retryAdvice: say.threeDSecureRetry,
                action: say.threeDSecureAction(minutes: policy.threeDSecureMinutes),
                customer: say.threeDSecureCustomer,
                headline: say.threeDSecureHeadline,
                trace: trace, say
            )
        case .issuingBank:
            guard let given = input.code else { preconditionFailure("input validation requires a code at the issuing bank") }
            let code = self.code(given, in: context.language)
            trace.append(FlowStep(
                rule: say.whereCodeRule,
                compared: say.code(code.code),
                result: say.openTransaction(menu: policy.transactionsMenu),
                source: section("where-to-see-the-code"), policies: ["portal.transactions_menu"]
            ))
            trace.append(FlowStep(
                rule: say.tableRule,
                compared: say.codeIs(code),
                result: say.classAndRetry(code),
                source: section("the-most-common-codes")
            ))
            if code.responseClass != .approved {
                trace.append(FlowStep(
                    rule: say.repeatRule,
                    compared: say.retryAdviceFor(code), result: say.retryAdvice(code.retry),
                    source: section("good-to-know")
                ))
            }
            if code.responseClass == .fraud {
                trace.append(FlowStep(
                    rule: say.neverTellRule,
                    compared: say.classOf(code),
                    result: say.sayOnlyDeclined, source: section("good-to-know")
                ))
            }
            return result(
                input, layers: layers, decline: Verdict(code.responseClass), retry: code.retry.rawValue,
                retryAdvice: code.responseClass == .approved ? say.approvedRetry : say.retryAdvice(code.retry),
                action: code.merchantAction, customer: code.customerMessage,
                headline: say.bankHeadline(code), trace: trace, say
            )
        }
    }

    private func result(
        _ input: Input, layers: [String: String], decline: Verdict, retry: String, retryAdvice: String,
        action: String, customer: String, headline: String, trace: [FlowStep], _ say: Phrases
    ) -> FlowResult<Verdict, Outcome> {
        let code = input.code.map { self.code($0, in: say.language) }
        var details = [FlowDetail(say.stoppedAtLabel, say.layer(input.stoppedAt))]
        if let code {
            details.append(FlowDetail(say.codeLabel, "\(code.code) — \(code.name): \(code.meaning)"))
        }
        details += [
            FlowDetail(say.retryLabel, retryAdvice),
            FlowDetail(say.merchantLabel, action),
            FlowDetail(say.customerLabel, customer),
        ]
        let outcome = Outcome(
            stoppedAt: input.stoppedAt, layers: layers, code: code?.code, codeName: code?.name,
            decline: decline, retry: retry, retryAdvice: retryAdvice, merchantAction: action, customerMessage: customer
        )
        return FlowResult(verdict: decline, headline: headline, details: details, outcome: outcome, trace: trace)
    }
}
