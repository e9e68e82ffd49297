import Foundation

extension TransactionActionsSimulator {
    public var fields: [FlowField] {
        let cancel = CancelTransactionSimulator(policy: policy.cancellation)
        return cancel.fields.map { field in
            var field = field
            if field.name == "transaction_time" {
                field.defaultValue = "now"
                field.help = "When the transaction was made (now by default)"
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
        let card = CancelTransactionSimulator.creditCard
        let hourAgo = context.now.addingTimeInterval(-3_600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let old = calendar.date(byAdding: .month, value: -policy.retentionMonths, to: context.now)?.addingTimeInterval(-60) ?? hourAgo
        var cases: [(String, Input)] = [
            ("card, Success", Input(paymentType: card, status: .capture, fraudStatus: .accept, transactionTime: hourAgo)),
            ("card, Challenge", Input(paymentType: card, status: .capture, fraudStatus: .challenge, transactionTime: hourAgo)),
            ("card, settled", Input(paymentType: card, status: .settlement, fraudStatus: .accept, transactionTime: hourAgo)),
            ("card, denied", Input(paymentType: card, status: .deny, fraudStatus: .deny, transactionTime: hourAgo)),
        ]
        if let method = policy.cancellation.pendingMethods.first {
            cases.append(("\(method), pending", Input(paymentType: method, status: .pending, fraudStatus: .none, transactionTime: hourAgo)))
        }
        cases.append(("card, settled, \(policy.retentionMonths) months old", Input(paymentType: card, status: .settlement, transactionTime: old)))
        return [FlowScenarioTable(
            title: "Which actions are open",
            note: "Each row is a run at \(policy.cancellation.text(context.now, context)).",
            columns: ["Transaction"] + Action.allCases.map(\.rawValue),
            rows: cases.map { label, input in
                let result = run(input, context: context)
                return [label] + result.outcome.actions.map { $0.open ? "open" : "–" }
            }
        )]
    }
}
