public import KBContent

extension ChangeLoginEmailSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        let users = policy.users
        return [
            FlowField("current_email", .email, help: say.currentEmailHelp, example: "owner@shop.co.id"),
            FlowField("new_email", .email, help: say.newEmailHelp, example: "director@shop.co.id"),
            FlowField("name", .text, help: say.nameHelp, example: "Budi Santoso"),
            FlowField(
                "current_role", .choice, default: users.adminRole, help: say.roleHelp(admin: users.adminRole), allowedValues: users.roles
            ),
            FlowField(
                "keep_old", .choice, default: Self.deleteOldLogin, help: say.keepOldHelp,
                allowedValues: [Self.deleteOldLogin] + users.roles.filter { $0 != users.adminRole }
            ),
            FlowField("other_users", .list, default: "", help: say.otherUsersHelp, example: "finance@shop.co.id"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let current = try reader.email("current_email")
        let new = try reader.email("new_email")
        let name = try reader.nonEmptyText("name")
        let role = try reader.requiredChoice("current_role")
        let keepOld = try reader.requiredChoice("keep_old")
        let others = try reader.list("other_users")
        for (index, user) in others.enumerated() {
            if let problem = EmailAddress.problem(with: user, language: context.language) {
                throw FlowInputError(field: "other_users", say.notAnEmail(entry: index + 1, user, problem), hint: say.otherUsersHint)
            }
        }
        return Input(currentEmail: current, newEmail: new, name: name, currentRole: role, keepOld: keepOld, otherUsers: others)
    }

    /// The change made by an Administrator and by another role, to a new and to a
    /// taken address, with the old login deleted or kept.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        let users = policy.users
        let smaller = users.roles.first { $0 != users.adminRole } ?? users.adminRole
        let cases: [(String, Input)] = [
            (say.adminOldDeleted, Input(currentEmail: "owner@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin)),
            (say.adminOldKept, Input(currentEmail: "owner@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: smaller)),
            (say.notAnAdmin, Input(currentEmail: "staff@shop.co.id", newEmail: "director@shop.co.id", name: "Budi", currentRole: smaller, keepOld: Self.deleteOldLogin)),
            (say.sameAddress, Input(currentEmail: "owner@shop.co.id", newEmail: "Owner@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin)),
            (say.addressAlreadyAUser, Input(currentEmail: "owner@shop.co.id", newEmail: "finance@shop.co.id", name: "Budi", currentRole: users.adminRole, keepOld: Self.deleteOldLogin, otherUsers: ["finance@shop.co.id"])),
        ]
        return [FlowScenarioTable(
            title: say.tableTitle,
            note: say.tableNote,
            columns: say.tableColumns,
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label, input.currentRole, input.newEmail, say.verdict(result.verdict),
                        result.verdict == .ready ? say.cell(result.outcome.oldLogin) : "–"]
            }
        )]
    }
}
