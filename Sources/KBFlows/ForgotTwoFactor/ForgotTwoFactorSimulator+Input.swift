extension ForgotTwoFactorSimulator {
    public var fields: [FlowField] {
        [
            FlowField("email", .email, help: "The email address the portal user signs in with", example: "finance@shop.co.id"),
            FlowField(
                "has_authenticator", .boolean, default: "no",
                help: "Can the user still open the \(policy.authenticatorApp) entry for the portal?"
            ),
            FlowField("knows_password", .boolean, default: "yes", help: "Does the user still know the portal password?"),
            FlowField("name", .text, default: "", help: "Who signs the message to support (optional)", example: "Siti Rahma"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        return Input(
            email: try reader.email("email"),
            hasAuthenticator: try reader.boolean("has_authenticator"),
            knowsPassword: try reader.boolean("knows_password"),
            name: try reader.text("name")
        )
    }

    /// Every combination of what the user still has, for one example address.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let email = "finance@shop.co.id"
        var rows: [[String]] = []
        for hasAuthenticator in [true, false] {
            for knowsPassword in [true, false] {
                let result = run(Input(email: email, hasAuthenticator: hasAuthenticator, knowsPassword: knowsPassword), context: context)
                rows.append([
                    hasAuthenticator ? "yes" : "no", knowsPassword ? "yes" : "no", result.verdict.rawValue,
                    result.outcome.message?.to ?? "–", result.outcome.steps.first ?? "–",
                ])
            }
        }
        return [FlowScenarioTable(
            title: "What the user still has",
            note: "Each row is a run for the portal user \(email).",
            columns: ["Authenticator", "Password", "Path", "Write to", "First step"],
            rows: rows
        )]
    }
}
