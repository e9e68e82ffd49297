extension ChangeLoginEmailSimulator {
    public var fields: [FlowField] {
        let users = policy.users
        return [
            FlowField("current_email", .email, help: "The address the login uses now", example: "owner@shop.co.id"),
            FlowField("new_email", .email, help: "The address to move the login to", example: "director@shop.co.id"),
            FlowField("name", .text, help: "The name to type for the new user", example: "Budi Santoso"),
            FlowField(
                "current_role", .choice, default: users.adminRole,
                help: "The role of the login that makes the change. Assumed, as no source says: only \(users.adminRole) can create users, "
                    + "the one role with full access",
                allowedValues: users.roles
            ),
            FlowField(
                "keep_old", .choice, default: Self.deleteOldLogin,
                help: "What becomes of the old login: delete it, or keep it with a smaller role",
                allowedValues: [Self.deleteOldLogin] + users.roles.filter { $0 != users.adminRole }
            ),
            FlowField(
                "other_users", .list, default: "",
                help: "The addresses of the portal's other users, if any. Assumed, as no source says: the new address may not be one of them",
                example: "finance@shop.co.id"
            ),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let current = try reader.email("current_email")
        let new = try reader.email("new_email")
        let name = try reader.nonEmptyText("name")
        let role = try reader.requiredChoice("current_role")
        let keepOld = try reader.requiredChoice("keep_old")
        let others = try reader.list("other_users")
        for (index, user) in others.enumerated() {
            if let problem = EmailAddress.problem(with: user) {
                throw FlowInputError(
                    field: "other_users", "entry \(index + 1) '\(user)' is not an email address: \(problem)",
                    hint: "list the other users' email addresses, separated by commas"
                )
            }
        }
        return Input(currentEmail: current, newEmail: new, name: name, currentRole: role, keepOld: keepOld, otherUsers: others)
    }

    /// The change made by an Administrator and by another role, to a new and to a
    /// taken address, with the old login deleted or kept.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let users = policy.users
        let smaller = users.roles.first { $0 != users.adminRole } ?? users.adminRole
        let cases: [(String, Input)] = [
            ("admin, old deleted", Input(currentEmail: "owner@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin)),
            ("admin, old kept", Input(currentEmail: "owner@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: smaller)),
            ("not an admin", Input(currentEmail: "staff@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: smaller, keepOld: Self.deleteOldLogin)),
            ("same address", Input(currentEmail: "owner@shop.co.id", newEmail: "Owner@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin)),
            ("address already a user", Input(currentEmail: "owner@shop.co.id", newEmail: "finance@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin, otherUsers: ["finance@shop.co.id"])),
        ]
        return [FlowScenarioTable(
            title: "Moving a login",
            note: "Each row is a run.",
            columns: ["Case", "Current role", "New address", "Plan", "Old login"],
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label, input.currentRole, input.newEmail, result.verdict.rawValue,
                        result.verdict == .ready ? result.outcome.oldLogin : "–"]
            }
        )]
    }
}
