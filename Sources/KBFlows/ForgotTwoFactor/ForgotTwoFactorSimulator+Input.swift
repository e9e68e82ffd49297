public import KBContent

extension ForgotTwoFactorSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField("email", .email, help: say.emailHelp, example: "finance@shop.co.id"),
            FlowField("has_authenticator", .boolean, default: "no", help: say.authenticatorHelp(app: policy.authenticatorApp)),
            FlowField("knows_password", .boolean, default: "yes", help: say.passwordHelp),
            FlowField("name", .text, default: "", help: say.nameHelp, example: "Siti Rahma"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        return Input(
            email: try reader.email("email"),
            hasAuthenticator: try reader.boolean("has_authenticator"),
            knowsPassword: try reader.boolean("knows_password"),
            name: try reader.text("name")
        )
    }

    /// Every combination of what the user still has, for one example address.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        let email = "finance@shop.co.id"
        var rows: [[String]] = []
        for hasAuthenticator in [true, false] {
            for knowsPassword in [true, false] {
                let result = run(Input(email: email, hasAuthenticator: hasAuthenticator, knowsPassword: knowsPassword), context: context)
                rows.append([
                    say.yesNoCell(hasAuthenticator), say.yesNoCell(knowsPassword), say.verdict(result.verdict),
                    result.outcome.message?.to ?? "–", result.outcome.steps.first ?? "–",
                ])
            }
        }
        return [FlowScenarioTable(title: say.tableTitle, note: say.tableNote(email), columns: say.tableColumns, rows: rows)]
    }
}
