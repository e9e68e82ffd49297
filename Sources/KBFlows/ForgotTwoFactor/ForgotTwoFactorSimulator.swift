public import KBContent

/// `forgot-2fa`: what a user who cannot produce a 2FA code does, from what they still
/// have, ending in a ready request to support with the user's email filled in.
public struct ForgotTwoFactorSimulator: FlowSimulator {
    public static let id = "forgot-2fa"
    public static let article = "forgot-2fa-code"
    public static let title = "How does a user without their 2FA code get back in?"

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
        var trace: [FlowStep] = []
        var steps: [String] = []
        trace.append(FlowStep(
            rule: "With 2FA on, the portal asks for a one-time code from the authenticator app after the password",
            compared: "can open \(policy.authenticatorApp) with the portal entry: \(input.hasAuthenticator ? "yes" : "no")",
            result: input.hasAuthenticator ? "the user can still produce the code" : "no code can be produced; the password alone is not enough",
            source: section("whats-happening"), policies: ["two_factor.app"]
        ))
        if !input.knowsPassword {
            trace.append(FlowStep(
                rule: "A forgotten password is reset from the login page's reset link",
                compared: "knows the password: no", result: "use \(policy.resetLinkLabel) on the login page first",
                source: section("how-to-get-back-in"), policies: ["password.reset_link_label"]
            ))
            steps.append("Reset the password with the \(policy.resetLinkLabel) link on the login page.")
        }

        if input.hasAuthenticator {
            steps.append("Sign in with the password, then type the current code shown in \(policy.authenticatorApp).")
            let outcome = Outcome(path: .useAuthenticator, steps: steps, message: nil)
            return FlowResult(
                verdict: .useAuthenticator,
                headline: "No need for support: sign in with the code from \(policy.authenticatorApp).",
                details: [FlowDetail("Do", steps.joined(separator: " "))], outcome: outcome, trace: trace
            )
        }

        let message = supportMessage(input)
        trace.append(FlowStep(
            rule: "Support turns 2FA off for the user once asked by email with the user's address",
            compared: "portal user: \(input.email)", result: "send the request to \(policy.supportEmail)",
            source: section("how-to-get-back-in"), policies: ["support.email"]
        ))
        trace.append(FlowStep(
            rule: "After signing in without 2FA, set it up again on the user's current phone",
            result: "open \(policy.twoFactorMenu), enable 2FA and scan the QR code with \(policy.authenticatorApp)",
            source: section("turn-2fa-back-on"), policies: ["two_factor.menu", "two_factor.app"]
        ))
        steps += [
            "Email \(policy.supportEmail) the message below, from an address the team can reply to.",
            "Wait for support's reply that 2FA is off for \(input.email).",
            "Sign in with the email and password; no code is asked.",
            "Open \(policy.twoFactorMenu), enable 2FA again and scan the QR code with \(policy.authenticatorApp).",
        ]
        let outcome = Outcome(path: .askSupport, steps: steps, message: message)
        return FlowResult(
            verdict: .askSupport,
            headline: "Ask \(policy.supportEmail) to turn 2FA off for \(input.email); the message below is ready to send.",
            details: [
                FlowDetail("To", message.to),
                FlowDetail("Subject", message.subject),
                FlowDetail("Message", message.body),
                FlowDetail("Afterwards", "turn 2FA back on in \(policy.twoFactorMenu)"),
            ],
            outcome: outcome, trace: trace
        )
    }

    private func supportMessage(_ input: Input) -> Message {
        var body = """
        Hello Midtrans support,

        I can no longer get two-factor codes for my \(policy.portalName) login: the \(policy.authenticatorApp) \
        entry is gone. Please switch 2FA off for the portal user \(input.email) so I can sign in with the password \
        and set up 2FA again on my current phone.
        """
        if !input.knowsPassword {
            body += "\n\nI will reset the password with the \(policy.resetLinkLabel) link myself."
        }
        body += "\n\nThank you" + (input.name.isEmpty ? "." : ",\n\(input.name)")
        return Message(to: policy.supportEmail, subject: "Please disable 2FA for portal user \(input.email)", body: body)
    }
}
