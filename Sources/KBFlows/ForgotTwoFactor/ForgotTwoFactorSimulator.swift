public import KBContent

/// `forgot-2fa`: what a user who cannot produce a 2FA code does, from what they still
/// have, ending in a ready request to support with the user's email filled in.
public struct ForgotTwoFactorSimulator: FlowSimulator {
    public static let id = "forgot-2fa"
    public static let article = "forgot-2fa-code"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `support.email`
        public var supportEmail: String
        /// `two_factor.app`
        public var authenticatorApp: String
        /// `two_factor.menu`
        public var twoFactorMenu: String
        /// `password.reset_link_label`
        public var resetLinkLabel: String
        /// `portal.name`
        public var portalName: String

        public init(supportEmail: String, authenticatorApp: String, twoFactorMenu: String, resetLinkLabel: String, portalName: String) {
            self.supportEmail = supportEmail
            self.authenticatorApp = authenticatorApp
            self.twoFactorMenu = twoFactorMenu
            self.resetLinkLabel = resetLinkLabel
            self.portalName = portalName
        }

        /// - Throws: ``FlowPolicyError`` naming a missing value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: ForgotTwoFactorSimulator.id)
            self.init(
                supportEmail: try reader.text("support.email"),
                authenticatorApp: try reader.text("two_factor.app"),
                twoFactorMenu: try reader.text("two_factor.menu"),
                resetLinkLabel: try reader.text("password.reset_link_label"),
                portalName: try reader.text("portal.name")
            )
        }
    }

    public struct Input: Sendable, Hashable {
        /// The portal user's login email.
        public var email: String
        /// Whether the user can still open the authenticator entry for the portal.
        public var hasAuthenticator: Bool
        /// Whether the user still knows the password.
        public var knowsPassword: Bool
        /// Who signs the message; may be empty.
        public var name: String

        public init(email: String, hasAuthenticator: Bool, knowsPassword: Bool, name: String = "") {
            self.email = email
            self.hasAuthenticator = hasAuthenticator
            self.knowsPassword = knowsPassword
            self.name = name
        }
    }

    /// An email ready to send.
    public struct Message: Sendable, Hashable, Codable {
        public var to: String
        public var subject: String
        public var body: String
    }

    /// Whether the user can sign in with the code, or needs support to turn 2FA off.
    public enum Verdict: String, FlowVerdict {
        case useAuthenticator = "use-authenticator"
        case askSupport = "ask-support"
    }

    public struct Outcome: Sendable, Hashable, Codable {
        /// `use-authenticator` or `ask-support`: the verdict.
        public var path: Verdict
        /// What to do, in order.
        public var steps: [String]
        /// The request to support, when one is needed.
        public var message: Message?
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        var trace: [FlowStep] = []
        var steps: [String] = []
        trace.append(FlowStep(
            rule: say.codeRule,
            compared: say.canOpen(app: policy.authenticatorApp, input.hasAuthenticator),
            result: say.codeResult(input.hasAuthenticator),
            source: section("whats-happening"), policies: ["two_factor.app"]
        ))
        if !input.knowsPassword {
            trace.append(FlowStep(
                rule: say.resetRule,
                compared: say.knowsPasswordNo, result: say.resetFirst(label: policy.resetLinkLabel),
                source: section("how-to-get-back-in"), policies: ["password.reset_link_label"]
            ))
            steps.append(say.resetStep(label: policy.resetLinkLabel))
        }

        if input.hasAuthenticator {
            steps.append(say.codeStep(app: policy.authenticatorApp))
            let outcome = Outcome(path: .useAuthenticator, steps: steps, message: nil)
            return FlowResult(
                verdict: .useAuthenticator,
                headline: say.authenticatorHeadline(app: policy.authenticatorApp),
                details: [FlowDetail(say.doLabel, steps.joined(separator: " "))], outcome: outcome, trace: trace
            )
        }

        let message = supportMessage(input, say)
        trace.append(FlowStep(
            rule: say.supportRule,
            compared: say.portalUser(input.email), result: say.sendRequest(to: policy.supportEmail),
            source: section("how-to-get-back-in"), policies: ["support.email"]
        ))
        trace.append(FlowStep(
            rule: say.againRule,
            result: say.setUpAgain(menu: policy.twoFactorMenu, app: policy.authenticatorApp),
            source: section("turn-2fa-back-on"), policies: ["two_factor.menu", "two_factor.app"]
        ))
        steps += say.supportSteps(support: policy.supportEmail, email: input.email, menu: policy.twoFactorMenu, app: policy.authenticatorApp)
        let outcome = Outcome(path: .askSupport, steps: steps, message: message)
        return FlowResult(
            verdict: .askSupport,
            headline: say.supportHeadline(support: policy.supportEmail, email: input.email),
            details: [
                FlowDetail(say.toLabel, message.to),
                FlowDetail(say.subjectLabel, message.subject),
                FlowDetail(say.messageLabel, message.body),
                FlowDetail(say.afterwardsLabel, say.afterwards(menu: policy.twoFactorMenu)),
            ],
            outcome: outcome, trace: trace
        )
    }

    private func supportMessage(_ input: Input, _ say: Phrases) -> Message {
        var body = say.body(portal: policy.portalName, app: policy.authenticatorApp, email: input.email)
        if !input.knowsPassword {
            body += "\n\n" + say.willReset(label: policy.resetLinkLabel)
        }
        body += "\n\n" + say.thanks + (input.name.isEmpty ? "." : ",\n\(input.name)")
        return Message(to: policy.supportEmail, subject: say.subject(input.email), body: body)
    }
}
