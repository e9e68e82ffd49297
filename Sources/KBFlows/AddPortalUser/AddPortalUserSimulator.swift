public import KBContent

/// `add-portal-user`: the portal's Create New User form: the steps, the checks it makes
/// (email syntax, a user who already exists, a missing role), and the new user's state
/// until the activation link is followed. The refusal of an address that is already a
/// user is an assumption (no source says), stated in the field's help and the trace.
public struct AddPortalUserSimulator: FlowSimulator {
    public static let id = "add-portal-user"
    public static let article = "add-portal-users"
    public static let title = "What happens when I add this portal user?"

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
        var trace = [FlowStep(
            rule: "Users are created in the user-management menu, in its new-user section",
            result: "open \(policy.menu) → \(policy.section)", source: section("create-the-user"),
            policies: ["users.menu", "users.section"]
        )]
        let checks = formChecks(input)
        trace += checks.map(\.step)
        let problems = checks.compactMap(\.problem)
        let steps = [
            "Open \(policy.menu) and go to \(policy.section).",
            "Enter the name '\(input.name)' and the email \(input.email).",
            "Tick \(policy.activateCheckbox).",
            "Pick the role \(input.role ?? "(none picked)").",
            "Click \(policy.createButton).",
            "\(input.email) receives an activation email and follows its link; then the user can sign in.",
        ]
        guard problems.isEmpty, let role = input.role else {
            return FlowResult(
                verdict: .rejected,
                headline: "The form refuses it: " + problems.joined(separator: "; ") + ".",
                details: [FlowDetail("Fix", problems.joined(separator: "; "))],
                outcome: Outcome(created: false, problems: problems, userState: .notCreated, steps: steps), trace: trace
            )
        }
        trace.append(FlowStep(
            rule: "Tick the activate box before creating, so the user gets an activation email",
            compared: "\(policy.activateCheckbox) ticked: \(input.activate ? "yes" : "no")",
            result: input.activate ? "the user will be sent an activation link" : "the user is not activated and cannot sign in",
            source: section("create-the-user"), policies: ["users.activate_checkbox"]
        ))
        trace.append(FlowStep(
            rule: "The create button adds the user with the role picked",
            compared: "role \(role)", result: "user \(input.email) created",
            source: section("create-the-user"), policies: ["users.create_button"]
        ))
        let state: UserState
        let verdict: Verdict
        let headline: String
        if !input.activate {
            state = .notActivated
            verdict = .notActivated
            headline = "Created but not activated: \(input.email) cannot sign in until \(policy.activateCheckbox) is ticked for the user in \(policy.menu)."
        } else {
            state = input.linkFollowed ? .active : .waitingForActivation
            verdict = input.linkFollowed ? .active : .waitingForActivation
            trace.append(FlowStep(
                rule: "The new user activates the login by following the link in the activation email, then signs in",
                compared: "activation link followed: \(input.linkFollowed ? "yes" : "no")",
                result: input.linkFollowed ? "active: can sign in as \(role)" : "waiting: cannot sign in until the link is followed",
                source: section("create-the-user")
            ))
            headline = input.linkFollowed
                ? "Active: \(input.email) can sign in with the \(role) role."
                : "Created as \(role); waiting for \(input.email) to follow the activation link (check spam if it does not arrive)."
        }
        return FlowResult(
            verdict: verdict, headline: headline,
            details: [FlowDetail("User", "\(input.name) <\(input.email)>"), FlowDetail("Role", role), FlowDetail("State", state.rawValue)],
            outcome: Outcome(created: true, problems: [], userState: state, steps: steps), trace: trace
        )
    }

    /// One check the form makes: the trace step, and what it refuses, if anything.
    struct FormCheck {
        var step: FlowStep
        var problem: String?
    }

    /// The form's checks, in the order it makes them.
    func formChecks(_ input: Input) -> [FormCheck] {
        let name = input.name.trimmingSpaces()
        let emailProblem = input.email.isEmpty ? "no email address was entered" : EmailAddress.problem(with: input.email)
        let duplicate = input.existingUsers.contains { $0.lowercased() == input.email.lowercased() }
        let count = input.existingUsers.count
        return [
            FormCheck(
                step: FlowStep(
                    rule: "The form takes the person's name and email address",
                    compared: "name '\(name)'", result: name.isEmpty ? "refused: the name is empty" : "accepted",
                    source: section("create-the-user")
                ),
                problem: name.isEmpty ? "the name is empty" : nil
            ),
            FormCheck(
                step: FlowStep(
                    rule: "The form takes the person's name and email address",
                    compared: "email '\(input.email)'", result: emailProblem.map { "refused: \($0)" } ?? "accepted",
                    source: section("create-the-user")
                ),
                problem: emailProblem.map { "email '\(input.email)': \($0)" }
            ),
            FormCheck(
                step: FlowStep(
                    rule: "Each person has a login of their own, and existing users are listed in the user-management menu; assumed, as no source says: the form refuses an address that is already a user",
                    compared: "\(input.email) vs \(count) existing user\(count == 1 ? "" : "s")",
                    result: duplicate ? "refused: \(input.email) is already a user; edit that user in \(policy.menu) instead" : "accepted",
                    source: section("which-role-to-choose"), policies: ["users.menu"]
                ),
                problem: duplicate ? "\(input.email) is already a user" : nil
            ),
            FormCheck(
                step: FlowStep(
                    rule: "Every user needs one of the portal's roles",
                    compared: "role \(input.role ?? "(none)") vs \(policy.roles.joined(separator: ", "))",
                    result: input.role == nil ? "refused: no role picked" : "accepted",
                    source: section("which-role-to-choose"), policies: ["users.roles"]
                ),
                problem: input.role == nil ? "no role picked; choose one of \(policy.roles.joined(separator: ", "))" : nil
            ),
        ]
    }
}
