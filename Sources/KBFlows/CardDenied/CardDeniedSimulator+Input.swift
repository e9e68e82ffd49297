public import KBContent

extension CardDeniedSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField(
                "stopped_at", .choice, default: Layer.issuingBank.rawValue, help: say.stoppedAtHelp,
                allowedValues: Layer.allCases.map(\.rawValue)
            ),
            FlowField("code", .text, default: "", help: say.codeHelp, example: "51"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let layer = Layer(rawValue: try reader.requiredChoice("stopped_at")) ?? .issuingBank
        let text = try reader.text("code")
        guard layer == .issuingBank else {
            guard text.isEmpty else {
                throw FlowInputError(field: "code", say.codeBeforeBank(text, layer: layer), hint: say.codeBeforeBankHint)
            }
            return Input(stoppedAt: layer, code: nil)
        }
        guard !text.isEmpty else {
            throw FlowInputError(field: "code", say.codeRequired, hint: say.codeRequiredHint)
        }
        if let code = codeTable.responseCode(text) ?? codeTable.responseCode(named: text) {
            return Input(stoppedAt: layer, code: code)
        }
        let table = translatedCodes[context.language]
        if let named = table?.responseCode(named: text), let code = codeTable.responseCode(named.code) {
            return Input(stoppedAt: layer, code: code)
        }
        let close = (table ?? codeTable).responseCodes(closeTo: text)
        throw FlowInputError(
            field: "code", say.unknownCode(text),
            hint: close.isEmpty ? say.everyCode : say.closeCodes(close)
        )
    }

    /// Every layer the charge can stop at, and one row per response class at the bank.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        var rows: [[String]] = []
        for layer in [Layer.fraudDetection, .threeDSecure] {
            let result = run(Input(stoppedAt: layer, code: nil), context: context)
            rows.append([say.cell(say.layer(layer)), "–", say.verdict(result.verdict), say.retryCell(result.outcome.retry), result.outcome.merchantAction])
        }
        for responseClass in ResponseClass.allCases {
            guard let source = codes.first(where: { $0.responseClass == responseClass }) else { continue }
            let result = run(Input(stoppedAt: .issuingBank, code: source), context: context)
            let code = self.code(source, in: context.language)
            rows.append([
                say.cell(say.layer(.issuingBank)), "\(code.code) \(code.name)", say.verdict(result.verdict), say.retryCell(result.outcome.retry),
                result.outcome.merchantAction,
            ])
        }
        return [FlowScenarioTable(title: say.tableTitle, note: say.tableNote, columns: say.tableColumns, rows: rows)]
    }
}
