public import KBContent

extension AddPortalUserSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField("name", .text, default: "", help: say.nameHelp, example: "Siti Rahma"),
            FlowField("email", .email, default: "", help: say.emailHelp, example: "siti@shop.co.id"),
            FlowField("role", .choice, default: "", help: say.roleHelp, allowedValues: policy.roles),
            FlowField("activate", .boolean, default: "yes", help: say.activateHelp(policy.activateCheckbox)),
            FlowField("existing_users", .list, default: "", help: say.existingHelp, example: "owner@shop.co.id, dev@shop.co.id"),
            FlowField("link_followed", .boolean, default: "no", help: say.linkHelp),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let name = try reader.text("name")
        let email = try reader.text("email")
        let role = try reader.choice("role")
        let activate = try reader.boolean("activate")
        let existing = try reader.list("existing_users")
        for (index, user) in existing.enumerated() {
            if let problem = EmailAddress.problem(with: user, language: context.language) {
                throw FlowInputError(field: "existing_users", say.notAnEmail(entry: index + 1, user, problem), hint: say.existingHint)
            }
        }
        return Input(
            name: name, email: email, role: role, activate: activate, existingUsers: existing,
            linkFollowed: try reader.boolean("link_followed")
        )
    }

    /// The form with each check failing in turn, then the states of an accepted user.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        let role = policy.roles.first { $0 != policy.adminRole } ?? policy.adminRole
        let existing = ["owner@shop.co.id"]
        let cases: [(String, Input)] = [
            (say.allFilledIn, Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: true, existingUsers: existing)),
            (say.linkFollowedCase, Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: true, existingUsers: existing, linkFollowed: true)),
            (say.activateNotTicked, Input(name: "Siti Rahma", email: "siti@shop.co.id", role: role, activate: false, existingUsers: existing)),
            (say.emailWithoutDomain, Input(name: "Siti Rahma", email: "siti@", role: role, activate: true, existingUsers: existing)),
            (say.alreadyAUserCase, Input(name: "Owner", email: "Owner@shop.co.id", role: role, activate: true, existingUsers: existing)),
            (say.noRoleCase, Input(name: "Siti Rahma", email: "siti@shop.co.id", role: nil, activate: true, existingUsers: existing)),
        ]
        return [FlowScenarioTable(
            title: say.tableTitle(policy.section),
            note: say.tableNote(existing[0]),
            columns: say.tableColumns,
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label, input.email, input.role ?? "–", say.verdict(result.verdict),
                        result.outcome.problems.isEmpty ? "–" : say.cell(result.outcome.problems.joined(separator: "; "))]
            }
        )]
    }
}
