extension AddPortalUserSimulator {
    public var fields: [FlowField] {
        [
            FlowField("name", .text, default: "", help: "The person's name, as typed in the form", example: "Siti Rahma"),
            FlowField("email", .email, default: "", help: "The email address typed in the form", example: "siti@shop.co.id"),
            FlowField("role", .choice, default: "", help: "The role picked in the form (empty when none)", allowedValues: policy.roles),
            FlowField("activate", .boolean, default: "yes", help: "Is \(policy.activateCheckbox) ticked?"),
            FlowField(
                "existing_users", .list, default: "",
                help: "The email addresses of the portal's current users. Assumed, as no source says: the form refuses an address that is already a user",
                example: "owner@shop.co.id, dev@shop.co.id"
            ),
            FlowField("link_followed", .boolean, default: "no", help: "Has the new user followed the activation link?"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let name = try reader.text("name")
        let email = try reader.text("email")
        let role = try reader.choice("role")
        let activate = try reader.boolean("activate")
        let existing = try reader.list("existing_users")
        for (index, user) in existing.enumerated() {
            if let problem = EmailAddress.problem(with: user) {
                throw FlowInputError(
                    field: "existing_users", "entry \(index + 1) '\(user)' is not an email address: \(problem)",
                    hint: "list the current users' email addresses, separated by commas"
                )
            }
        }
        return Input(
            name: name, email: email, role: role, activate: activate, existingUsers: existing,
            linkFollowed: try reader.boolean("link_followed")
        )
    }

    /// The form with each check failing in turn, then the states of an accepted user.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let role = policy.roles.first { $0 != policy.adminRole } ?? policy.adminRole
        let existing = ["owner@shop.co.id"]
        let cases: [(String, Input)] = [
            ("all filled in", Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: true, existingUsers: existing)),
            ("link followed", Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: true, existingUsers: existing, linkFollowed: true)),
            ("activate not ticked", Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: false, existingUsers: existing)),
            ("email without a domain", Input(name: "Siti Rahma", email: "siti@", role: role, activate: true, existingUsers: existing)),
            ("already a user", Input(name: "Owner", email: "Owner@shop.co.id", role: role, activate: true, existingUsers: existing)),
            ("no role", Input(name: "Siti Rahma", email: "siti@shop.co.id", role: nil, activate: true, existingUsers: existing)),
        ]
        return [FlowScenarioTable(
            title: "The \(policy.section) form",
            note: "Each row is a run; the portal already has the user \(existing[0]).",
            columns: ["Case", "Email", "Role", "Result", "Problems"],
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label, input.email, input.role ?? "–", result.verdict.rawValue,
                        result.outcome.problems.isEmpty ? "–" : result.outcome.problems.joined(separator: "; ")]
            }
        )]
    }
}
