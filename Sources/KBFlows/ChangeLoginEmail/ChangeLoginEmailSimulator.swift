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
        let say = Phrases(language: context.language)
        let users = policy.users
        let admin = users.adminRole
        let keep = input.keepOld == Self.deleteOldLogin ? nil : input.keepOld
        let oldLogin = say.oldLogin(input.currentEmail, keep: keep, menu: users.menu)
        var trace = [FlowStep(
            rule: say.howRule,
            compared: "\(input.currentEmail) → \(input.newEmail)", result: say.createNew(admin),
            source: section("how-it-works")
        )]

        trace.append(FlowStep(
            rule: say.adminRule(admin),
            compared: say.roleOf(input.currentEmail, input.currentRole, admin: admin),
            result: say.canCreate(input.currentRole == admin),
            source: ArticleReference(AddPortalUserSimulator.article, "which-role-to-choose"), policies: ["users.admin_role"]
        ))
        guard input.currentRole == admin else {
            trace.append(FlowStep(
                rule: say.supportRule,
                result: say.askAdmin(admin, support: policy.supportEmail),
                source: section("things-to-watch"), policies: ["support.email"]
            ))
            let steps = [say.askAdminStep(admin, support: policy.supportEmail)]
            return FlowResult(
                verdict: .needsAdmin,
                headline: say.needsAdminHeadline(input.currentEmail, role: input.currentRole, admin: admin),
                details: [FlowDetail(say.askLabel, say.ask(admin, support: policy.supportEmail))],
                outcome: Outcome(plan: .needsAdmin, steps: steps, problems: [], oldLogin: oldLogin), trace: trace
            )
        }

        let same = input.newEmail.lowercased() == input.currentEmail.lowercased()
        trace.append(FlowStep(
            rule: say.differentRule,
            compared: "\(input.newEmail) vs \(input.currentEmail)",
            result: say.sameResult(same),
            source: section("how-it-works")
        ))
        let checks = AddPortalUserSimulator(policy: users).formChecks(
            AddPortalUserSimulator.Input(
                name: input.name, email: input.newEmail, role: admin, activate: true,
                existingUsers: [input.currentEmail] + input.otherUsers
            ),
            language: context.language
        )
        let refused = checks.filter { $0.problem != nil }
        trace += refused.map(\.step)
        var problems = refused.compactMap(\.problem)
        if same { problems = [say.sameProblem] }
        guard problems.isEmpty else {
            return FlowResult(
                verdict: .rejected, headline: say.rejectedHeadline(problems),
                details: [FlowDetail(say.fixLabel, problems.joined(separator: "; "))],
                outcome: Outcome(plan: .rejected, steps: [], problems: problems, oldLogin: oldLogin), trace: trace
            )
        }

        trace.append(FlowStep(
            rule: say.createRule(admin),
            compared: say.newUser(input.name, input.newEmail, admin: admin),
            result: say.form(users),
            source: section("step-by-step"),
            policies: ["users.menu", "users.section", "users.activate_checkbox", "users.admin_role", "users.create_button"]
        ))
        trace.append(FlowStep(
            rule: say.retireRule,
            compared: say.oldLoginChoice(keep: keep),
            result: oldLogin, source: section("step-by-step"), policies: ["users.menu"]
        ))
        let steps = say.steps(portal: policy.portalName, input, users, oldLogin: oldLogin)
        return FlowResult(
            verdict: .ready,
            headline: say.readyHeadline(input.newEmail, admin: admin, oldLogin: oldLogin),
            details: [
                FlowDetail(say.stepsLabel, steps.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")),
                FlowDetail(say.oldLoginLabel, oldLogin),
            ],
            outcome: Outcome(plan: .ready, steps: steps, problems: [], oldLogin: oldLogin), trace: trace
        )
    }
}
