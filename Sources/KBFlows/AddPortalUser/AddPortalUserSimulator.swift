public import KBContent

/// `add-portal-user`: the portal's Create New User form: the steps, the checks it makes
/// (email syntax, a user who already exists, a missing role), and the new user's state
/// until the activation link is followed. The refusal of an address that is already a
/// user is an assumption (no source says), stated in the field's help and the trace.
public struct AddPortalUserSimulator: FlowSimulator {
    public static let id = "add-portal-user"
    public static let article = "add-portal-users"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `users.menu`
        public var menu: String
        /// `users.section`
        public var section: String
        /// `users.activate_checkbox`
        public var activateCheckbox: String
        /// `users.create_button`
        public var createButton: String
        /// `users.roles`
        public var roles: [String]
        /// `users.admin_role`
        public var adminRole: String

        public init(menu: String, section: String, activateCheckbox: String, createButton: String, roles: [String], adminRole: String) {
            self.menu = menu
            self.section = section
            self.activateCheckbox = activateCheckbox
            self.createButton = createButton
            self.roles = roles
            self.adminRole = adminRole
        }

        /// - Throws: ``FlowPolicyError`` naming a missing value, or an admin role that is not a role.
        public init(_ policies: Policies, flow: String = AddPortalUserSimulator.id) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: flow)
            self.init(
                menu: try reader.text("users.menu"), section: try reader.text("users.section"),
                activateCheckbox: try reader.text("users.activate_checkbox"),
                createButton: try reader.text("users.create_button"), roles: try reader.list("users.roles"),
                adminRole: try reader.text("users.admin_role")
            )
            guard roles.contains(adminRole) else {
                throw FlowPolicyError(
                    flow: flow, path: "users.admin_role", "is '\(adminRole)', which is not in users.roles",
                    hint: "name one of: " + roles.joined(separator: ", ")
                )
            }
        }
    }

    public struct Input: Sendable, Hashable {
        public var name: String
        /// As typed; the form checks it.
        public var email: String
        /// `nil` when no role was picked.
        public var role: String?
        public var activate: Bool
        /// The emails of the users the portal already has.
        public var existingUsers: [String]
        /// Whether the new user has followed the activation link.
        public var linkFollowed: Bool

        public init(name: String, email: String, role: String?, activate: Bool, existingUsers: [String] = [], linkFollowed: Bool = false) {
            self.name = name
            self.email = email
            self.role = role
            self.activate = activate
            self.existingUsers = existingUsers
            self.linkFollowed = linkFollowed
        }
    }

    /// Whether the form refuses the user, or the state the new user is in.
    public enum Verdict: String, FlowVerdict {
        case rejected
        case notActivated = "not-activated"
        case waitingForActivation = "waiting-for-activation"
        case active
    }

    /// Where the user stands after the form.
    public enum UserState: String, Sendable, Hashable, Codable {
        case notCreated = "not-created"
        case notActivated = "not-activated"
        case waitingForActivation = "waiting-for-activation"
        case active
    }

    public struct Outcome: Sendable, Hashable, Codable {
        /// Whether the form accepts the user.
        public var created: Bool
        /// What the form refuses, in the order it checks.
        public var problems: [String]
        /// `not-created`, `not-activated`, `waiting-for-activation` or `active`.
        public var userState: UserState
        /// The steps with this user's values filled in.
        public var steps: [String]
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        var trace = [FlowStep(
            rule: say.menuRule, result: say.open(policy.menu, policy.section), source: section("create-the-user"),
            policies: ["users.menu", "users.section"]
        )]
        let checks = formChecks(input, language: context.language)
        trace += checks.map(\.step)
        let problems = checks.compactMap(\.problem)
        let steps = say.steps(policy, name: input.name, email: input.email, role: input.role)
        guard problems.isEmpty, let role = input.role else {
            return FlowResult(
                verdict: .rejected,
                headline: say.refusedHeadline(problems),
                details: [FlowDetail(say.fixLabel, problems.joined(separator: "; "))],
                outcome: Outcome(created: false, problems: problems, userState: .notCreated, steps: steps), trace: trace
            )
        }
        trace.append(FlowStep(
            rule: say.activateRule,
            compared: say.ticked(policy.activateCheckbox, input.activate),
            result: say.activateResult(input.activate),
            source: section("create-the-user"), policies: ["users.activate_checkbox"]
        ))
        trace.append(FlowStep(
            rule: say.createRule,
            compared: say.role(role), result: say.created(input.email),
            source: section("create-the-user"), policies: ["users.create_button"]
        ))
        let state: UserState
        let verdict: Verdict
        let headline: String
        if !input.activate {
            state = .notActivated
            verdict = .notActivated
            headline = say.notActivatedHeadline(input.email, policy.activateCheckbox, policy.menu)
        } else {
            state = input.linkFollowed ? .active : .waitingForActivation
            verdict = input.linkFollowed ? .active : .waitingForActivation
            trace.append(FlowStep(
                rule: say.linkRule,
                compared: say.linkFollowed(input.linkFollowed),
                result: say.linkResult(input.linkFollowed, role: role),
                source: section("create-the-user")
            ))
            headline = say.linkHeadline(input.linkFollowed, email: input.email, role: role)
        }
        return FlowResult(
            verdict: verdict, headline: headline,
            details: [
                FlowDetail(say.userLabel, "\(input.name) <\(input.email)>"), FlowDetail(say.roleLabel, role),
                FlowDetail(say.stateLabel, say.state(state)),
            ],
            outcome: Outcome(created: true, problems: [], userState: state, steps: steps), trace: trace
        )
    }

    /// One check the form makes: the trace step, and what it refuses, if anything.
    struct FormCheck {
        var step: FlowStep
        var problem: String?
    }

    /// The form's checks, in the order it makes them, explained in `language`.
    func formChecks(_ input: Input, language: Language) -> [FormCheck] {
        let say = Phrases(language: language)
        let name = input.name.trimmingSpaces()
        let emailProblem = input.email.isEmpty ? say.noEmail : EmailAddress.problem(with: input.email, language: language)
        let duplicate = input.existingUsers.contains { $0.lowercased() == input.email.lowercased() }
        let count = input.existingUsers.count
        return [
            FormCheck(
                step: FlowStep(
                    rule: say.formRule,
                    compared: say.name(name), result: name.isEmpty ? say.refused(say.emptyName) : say.accepted,
                    source: section("create-the-user")
                ),
                problem: name.isEmpty ? say.emptyName : nil
            ),
            FormCheck(
                step: FlowStep(
                    rule: say.formRule,
                    compared: "email '\(input.email)'", result: emailProblem.map(say.refused) ?? say.accepted,
                    source: section("create-the-user")
                ),
                problem: emailProblem.map { "email '\(input.email)': \($0)" }
            ),
            FormCheck(
                step: FlowStep(
                    rule: say.duplicateRule,
                    compared: say.againstExisting(input.email, count: count),
                    result: duplicate ? say.editInstead(input.email, menu: policy.menu) : say.accepted,
                    source: section("which-role-to-choose"), policies: ["users.menu"]
                ),
                problem: duplicate ? say.alreadyAUser(input.email) : nil
            ),
            FormCheck(
                step: FlowStep(
                    rule: say.roleRule,
                    compared: say.roleAgainst(input.role, policy.roles),
                    result: input.role == nil ? say.refused(say.noRole) : say.accepted,
                    source: section("which-role-to-choose"), policies: ["users.roles"]
                ),
                problem: input.role == nil ? say.chooseRole(policy.roles) : nil
            ),
        ]
    }
}
