public import KBContent

/// `change-login-email`: moving a portal login to a new address, which is done by
/// creating a new Administrator user with it, checking it works, then deleting or
/// downgrading the old user. The new user goes through the same form as
/// ``AddPortalUserSimulator``. That only the admin role can create users is an
/// assumption (the role table gives full access to that role alone, and user management
/// to no other), stated in the field's help and the trace.
public struct ChangeLoginEmailSimulator: FlowSimulator {
    public static let id = "change-login-email"
    public static let article = "change-account-email"
    public static let title = "How do I move a portal login to a new email address?"

    /// What becomes of the old login once the new one works.
    public static let deleteOldLogin = "delete"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// The user form's values (`users.*`).
        public var users: AddPortalUserSimulator.Policy
        /// `support.email`
        public var supportEmail: String
        /// `portal.name`
        public var portalName: String

        public init(users: AddPortalUserSimulator.Policy, supportEmail: String, portalName: String) {
            self.users = users
            self.supportEmail = supportEmail
            self.portalName = portalName
        }

        /// - Throws: ``FlowPolicyError`` naming a missing value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: ChangeLoginEmailSimulator.id)
            self.init(
                users: try AddPortalUserSimulator.Policy(policies, flow: ChangeLoginEmailSimulator.id),
                supportEmail: try reader.text("support.email"), portalName: try reader.text("portal.name")
            )
        }
    }

    public struct Input: Sendable, Hashable {
        public var currentEmail: String
        public var newEmail: String
        /// The name typed for the new user.
        public var name: String
        /// The role of the login that does the change.
        public var currentRole: String
        /// ``ChangeLoginEmailSimulator/deleteOldLogin``, or the role the old user keeps.
        public var keepOld: String
        /// The emails of the portal's other users.
        public var otherUsers: [String]

        public init(currentEmail: String, newEmail: String, name: String, currentRole: String, keepOld: String, otherUsers: [String] = []) {
            self.currentEmail = currentEmail
            self.newEmail = newEmail
            self.name = name
            self.currentRole = currentRole
            self.keepOld = keepOld
            self.otherUsers = otherUsers
        }
    }

    /// Whether the plan can go ahead, needs an admin, or the form refuses the new user.
    public enum Verdict: String, FlowVerdict {
        case ready
        case needsAdmin = "needs-admin"
        case rejected
    }

    public struct Outcome: Sendable, Hashable, Codable {
        /// `ready`, `needs-admin` or `rejected`: the verdict.
        public var plan: Verdict
        /// The steps, with this change's values filled in.
        public var steps: [String]
        /// What the form refuses, if anything.
        public var problems: [String]
        /// What to do with the old login.
        public var oldLogin: String
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let users = policy.users
        let admin = users.adminRole
        let oldLogin = input.keepOld == Self.deleteOldLogin
            ? "delete \(input.currentEmail) in \(users.menu)"
            : "change \(input.currentEmail)'s role to \(input.keepOld) in \(users.menu)"
        var trace = [FlowStep(
            rule: "A login's address is changed by adding a second user with the new address and full rights, then retiring the old one",
            compared: "\(input.currentEmail) → \(input.newEmail)", result: "create a new \(admin) user",
            source: section("how-it-works")
        )]

        trace.append(FlowStep(
            rule: "Only the \(admin) role has full access; assumed, as no source says: no other role can create users",
            compared: "role of \(input.currentEmail): \(input.currentRole) vs users.admin_role \(admin)",
            result: input.currentRole == admin ? "can create the new user" : "cannot create users",
            source: ArticleReference(AddPortalUserSimulator.article, "which-role-to-choose"), policies: ["users.admin_role"]
        ))
        guard input.currentRole == admin else {
            trace.append(FlowStep(
                rule: "When nobody with admin rights can sign in, support steps in",
                result: "ask an \(admin) to do the change; if none can sign in, write to \(policy.supportEmail)",
                source: section("things-to-watch"), policies: ["support.email"]
            ))
            let steps = ["Ask a user with the \(admin) role to follow these steps, or write to \(policy.supportEmail) if no \(admin) can sign in."]
            return FlowResult(
                verdict: .needsAdmin,
                headline: "\(input.currentEmail) is \(input.currentRole), not \(admin): an \(admin) has to create the new login.",
                details: [FlowDetail("Ask", "an \(admin) of the account, or \(policy.supportEmail) if none can sign in")],
                outcome: Outcome(plan: .needsAdmin, steps: steps, problems: [], oldLogin: oldLogin), trace: trace
            )
        }

        let same = input.newEmail.lowercased() == input.currentEmail.lowercased()
        trace.append(FlowStep(
            rule: "The new user has an address the current login does not use",
            compared: "\(input.newEmail) vs \(input.currentEmail)",
            result: same ? "refused: it is the same address" : "a different address",
            source: section("how-it-works")
        ))
        let checks = AddPortalUserSimulator(policy: users).formChecks(AddPortalUserSimulator.Input(
            name: input.name, email: input.newEmail, role: admin, activate: true,
            existingUsers: [input.currentEmail] + input.otherUsers
        ))
        let refused = checks.filter { $0.problem != nil }
        trace += refused.map(\.step)
        var problems = refused.compactMap(\.problem)
        if same { problems = ["the new address is the one in use now"] }
        guard problems.isEmpty else {
            return FlowResult(
                verdict: .rejected, headline: "The new user cannot be created: " + problems.joined(separator: "; ") + ".",
                details: [FlowDetail("Fix", problems.joined(separator: "; "))],
                outcome: Outcome(plan: .rejected, steps: [], problems: problems, oldLogin: oldLogin), trace: trace
            )
        }

        trace.append(FlowStep(
            rule: "Create the new user in the user menu with the new address, the activate box ticked and the \(admin) role",
            compared: "new user \(input.name) <\(input.newEmail)>, role \(admin)",
            result: "\(users.menu) → \(users.section), tick \(users.activateCheckbox), role \(admin), \(users.createButton)",
            source: section("step-by-step"),
            policies: ["users.menu", "users.section", "users.activate_checkbox", "users.admin_role", "users.create_button"]
        ))
        trace.append(FlowStep(
            rule: "Retire the old login only after the new one has signed in with full access, so an admin login always works",
            compared: "old login: \(input.keepOld == Self.deleteOldLogin ? "delete" : "keep as \(input.keepOld)")",
            result: oldLogin, source: section("step-by-step"), policies: ["users.menu"]
        ))
        let steps = [
            "Sign in to the \(policy.portalName) as \(input.currentEmail).",
            "Open \(users.menu) and go to \(users.section).",
            "Type the name '\(input.name)' and the new address \(input.newEmail); tick \(users.activateCheckbox).",
            "Choose the \(admin) role and click \(users.createButton).",
            "Open the activation email at \(input.newEmail) and follow its link (look in spam if it is missing).",
            "Log out, sign in as \(input.newEmail), and check that it has full access.",
            "Only then, back in \(users.menu): \(oldLogin).",
        ]
        return FlowResult(
            verdict: .ready,
            headline: "Create \(input.newEmail) as a new \(admin), check it works, then \(oldLogin).",
            details: [FlowDetail("Steps", steps.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")), FlowDetail("Old login", oldLogin)],
            outcome: Outcome(plan: .ready, steps: steps, problems: [], oldLogin: oldLogin), trace: trace
        )
    }
}
