import Foundation
public import KBContent

extension TransactionActionsSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let cancel = CancelTransactionSimulator(policy: policy.cancellation)
        return cancel.fields(in: language).map { field in
            var field = field
            if field.name == "transaction_time" {
                field.defaultValue = "now"
                field.help = Phrases(language: language).transactionTimeHelp
            }
            return field
        }
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        var values = values
        if values["transaction_time"] == nil { values.set("transaction_time", .text("now")) }
        return try CancelTransactionSimulator(policy: policy.cancellation).input(from: values, context: context)
    }

    /// Transactions in each kind of state, one hour old; and one just past the retention.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        let card = CancelTransactionSimulator.creditCard
        let hourAgo = context.now.addingTimeInterval(-3_600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let old = calendar.date(byAdding: .month, value: -policy.retentionMonths, to: context.now)?.addingTimeInterval(-60) ?? hourAgo
        var cases: [(String, Input)] = [
            (say.cardSuccess, Input(paymentType: card, status: .capture, fraudStatus: .accept, transactionTime: hourAgo)),
            (say.cardChallenge, Input(paymentType: card, status: .capture, fraudStatus: .challenge, transactionTime: hourAgo)),
            (say.cardSettled, Input(paymentType: card, status: .settlement, fraudStatus: .accept, transactionTime: hourAgo)),
            (say.cardDenied, Input(paymentType: card, status: .deny, fraudStatus: .deny, transactionTime: hourAgo)),
        ]
        if let method = policy.cancellation.pendingMethods.first {
            cases.append((say.pending(method), Input(paymentType: method, status: .pending, fraudStatus: .none, transactionTime: hourAgo)))
        }
        cases.append((say.cardSettledOld(months: policy.retentionMonths), Input(paymentType: card, status: .settlement, transactionTime: old)))
        return [FlowScenarioTable(
            title: say.tableTitle,
            note: say.tableNote(at: policy.cancellation.text(context.now, context)),
            columns: say.tableColumns,
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label] + result.outcome.actions.map { say.stateCell($0.open) }
            }
        )]
    }
}
