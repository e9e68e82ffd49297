import KBContent

extension CardDeniedSimulator {
    public var fields: [FlowField] {
        [
            FlowField(
                "stopped_at", .choice, default: Layer.issuingBank.rawValue,
                help: "Where the charge stopped: Midtrans fraud detection, 3-D Secure, or the issuing bank",
                allowedValues: Layer.allCases.map(\.rawValue)
            ),
            FlowField(
                "code", .text, default: "",
                help: "The bank's response code (channel_response_code), or its name; needed when stopped_at is issuing-bank",
                example: "51"
            ),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let layer = Layer(rawValue: try reader.requiredChoice("stopped_at")) ?? .issuingBank
        let text = try reader.text("code")
        guard layer == .issuingBank else {
            guard text.isEmpty else {
                throw FlowInputError(
                    field: "code", "'\(text)' is a bank's answer, but the charge stopped at \(layer.rawValue), before the bank",
                    hint: "leave code empty, or set stopped_at=issuing-bank"
                )
            }
            return Input(stoppedAt: layer, code: nil)
        }
        guard !text.isEmpty else {
            throw FlowInputError(
                field: "code", "a response code is required when the issuing bank refused",
                hint: "give the two-character code the bank sent, e.g. 51 or N7"
            )
        }
        if let code = codeTable.responseCode(text) ?? codeTable.responseCode(named: text) {
            return Input(stoppedAt: layer, code: code)
        }
        let close = codeTable.responseCodes(closeTo: text)
        throw FlowInputError(
            field: "code", "'\(text)' is not a bank response code",
            hint: close.isEmpty
                ? "`kb list codes` shows every code"
                : "close codes: " + close.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
        )
    }

    /// Every layer the charge can stop at, and one row per response class at the bank.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        var rows: [[String]] = []
        for layer in [Layer.fraudDetection, .threeDSecure] {
            let result = run(Input(stoppedAt: layer, code: nil), context: context)
            rows.append([layer.label, "–", result.verdict.rawValue, result.outcome.retry, result.outcome.merchantAction])
        }
        for responseClass in ResponseClass.allCases {
            guard let code = codes.first(where: { $0.responseClass == responseClass }) else { continue }
            let result = run(Input(stoppedAt: .issuingBank, code: code), context: context)
            rows.append([Layer.issuingBank.label, "\(code.code) \(code.name)", result.verdict.rawValue, result.outcome.retry, result.outcome.merchantAction])
        }
        return [FlowScenarioTable(
            title: "Where the charge stopped",
            note: "Each row is a run; the bank rows take the first code of each class in response-codes.yaml.",
            columns: ["Stopped at", "Code", "Decline", "Retry", "Merchant"],
            rows: rows
        )]
    }
}
