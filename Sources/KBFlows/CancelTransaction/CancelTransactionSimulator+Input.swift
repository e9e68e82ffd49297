import Foundation

extension CancelTransactionSimulator {
    public var fields: [FlowField] {
        [
            FlowField(
                "payment_type", .choice, default: Self.creditCard,
                help: "How the customer paid: credit_card (a card payment; card is read the same), or a pending-payment method",
                allowedValues: [Self.creditCard] + policy.pendingMethods
            ),
            FlowField(
                "status", .choice,
                help: "The transaction_status now (a paid card payment is capture; authorize is a card pre-authorization)",
                allowedValues: Status.allCases.map(\.rawValue), example: "capture"
            ),
            FlowField(
                "fraud_status", .choice, default: FraudStatus.accept.rawValue,
                help: "The fraud_status (none where the method has none)", allowedValues: FraudStatus.allCases.map(\.rawValue)
            ),
            FlowField(
                "transaction_time", .dateTime, help: "When the transaction was made",
                example: "2026-11-25T23:59:00+07:00"
            ),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        var values = values
        if let given = values["payment_type"], FieldReader.folded(given.description) == Self.cardAlias {
            values.set("payment_type", .text(Self.creditCard))
        }
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let paymentType = try reader.requiredChoice("payment_type")
        let status = Status(rawValue: try reader.requiredChoice("status")) ?? .pending
        if status == .capture || status == .authorize, paymentType != Self.creditCard {
            throw FlowInputError(
                field: "status", "\(status.rawValue) is a card status, not one of \(paymentType)",
                hint: "use payment_type \(Self.creditCard), or the status of a \(paymentType) payment such as pending or settlement"
            )
        }
        let fraud = FraudStatus(rawValue: try reader.requiredChoice("fraud_status")) ?? .none
        if fraud == .challenge, paymentType != Self.creditCard || status != .capture {
            throw FlowInputError(
                field: "fraud_status", "challenge comes only with card payments in status capture, not \(paymentType) in \(status.rawValue)",
                hint: "use accept, deny or none"
            )
        }
        let time = try reader.date("transaction_time")
        if time > context.now {
            throw FlowInputError(
                field: "transaction_time", "\(policy.text(time, context)) is after now (\(policy.text(context.now, context)))",
                hint: "give the time the transaction was made, or a later --now"
            )
        }
        return Input(paymentType: paymentType, status: status, fraudStatus: fraud, transactionTime: time)
    }

    /// A card capture tried at moments around its cut-off; the cut-off of a transaction
    /// just before and just after midnight; and each kind of status.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = policy.timeZone
        let day = calendar.startOfDay(for: context.now)
        func at(_ days: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
            let date = calendar.date(byAdding: .day, value: days, to: day) ?? day
            return calendar.date(bySettingHour: hour, minute: minute, second: second, of: date) ?? date
        }
        let zone = FlowContext(now: context.now, timeZone: policy.timeZone)
        func text(_ date: Date) -> String { policy.text(date, zone) }

        let made = at(0, 10, 0)
        let cutoff = policy.cutoff(forTransactionAt: made)
        let moments = [made.addingTimeInterval(3_600), cutoff.addingTimeInterval(-1), cutoff, cutoff.addingTimeInterval(17 * 3_600)]
        let tries = FlowScenarioTable(
            title: "A card payment against its cut-off",
            note: "Each row is a run for a card payment in status capture made at \(text(made)).",
            columns: ["Now", "Result", "Cut-off", "Time left"],
            rows: moments.map { now in
                let result = run(
                    Input(paymentType: Self.creditCard, status: .capture, transactionTime: made), context: FlowContext(now: now, timeZone: policy.timeZone)
                )
                let left = result.outcome.secondsLeft.map { $0 > 0 ? FlowTime.duration(TimeInterval($0)) : "none" } ?? "–"
                return [text(now), result.verdict.rawValue, result.outcome.deadline.map(text) ?? "–", left]
            }
        )

        let midnight = [at(0, 0, 0), at(0, 23, 59), at(1, 0, 0)]
        let days = FlowScenarioTable(
            title: "Which day counts as D",
            note: "The cut-off of card captures made at these times, in \(policy.timeZoneLabel).",
            columns: ["Transaction at", "Cut-off", "Time to cancel"],
            rows: midnight.map { made in
                let deadline = policy.cutoff(forTransactionAt: made)
                return [text(made), text(deadline), FlowTime.duration(deadline.timeIntervalSince(made))]
            }
        )

        let later = made.addingTimeInterval(3_600)
        var cases: [(String, FraudStatus, Status)] = [
            (Self.creditCard, .accept, .capture), (Self.creditCard, .challenge, .capture), (Self.creditCard, .accept, .authorize),
            (Self.creditCard, .accept, .pending), (Self.creditCard, .accept, .settlement), (Self.creditCard, .deny, .deny),
        ]
        if let method = policy.pendingMethods.first {
            cases += [(method, .none, .pending), (method, .none, .settlement), (method, .none, .expire)]
        }
        let statuses = FlowScenarioTable(
            title: "Each kind of status",
            note: "Each row is a run one hour after the transaction.",
            columns: ["Payment type", "Status", "Fraud status", "Result", "Instead"],
            rows: cases.map { type, fraud, status in
                let result = run(
                    Input(paymentType: type, status: status, fraudStatus: fraud, transactionTime: made),
                    context: FlowContext(now: later, timeZone: policy.timeZone)
                )
                return [type, status.rawValue, fraud.rawValue, result.verdict.rawValue, result.outcome.alternative ?? "–"]
            }
        )
        return [tries, days, statuses]
    }
}
