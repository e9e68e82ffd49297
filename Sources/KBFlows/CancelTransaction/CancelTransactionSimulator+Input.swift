import Foundation
public import KBContent

extension CancelTransactionSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField(
                "payment_type", .choice, default: Self.creditCard, help: say.paymentTypeHelp,
                allowedValues: [Self.creditCard] + policy.pendingMethods
            ),
            FlowField("status", .choice, help: say.statusHelp, allowedValues: Status.allCases.map(\.rawValue), example: "capture"),
            FlowField(
                "fraud_status", .choice, default: FraudStatus.accept.rawValue, help: say.fraudStatusHelp,
                allowedValues: FraudStatus.allCases.map(\.rawValue)
            ),
            FlowField("transaction_time", .dateTime, help: say.transactionTimeHelp, example: "2026-11-25T23:59:00+07:00"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        var values = values
        if let given = values["payment_type"], FieldReader.folded(given.description) == Self.cardAlias {
            values.set("payment_type", .text(Self.creditCard))
        }
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let paymentType = try reader.requiredChoice("payment_type")
        let status = Status(rawValue: try reader.requiredChoice("status")) ?? .pending
        if status == .capture || status == .authorize, paymentType != Self.creditCard {
            throw FlowInputError(
                field: "status", say.cardStatus(status, paymentType: paymentType), hint: say.cardStatusHint(paymentType: paymentType)
            )
        }
        let fraud = FraudStatus(rawValue: try reader.requiredChoice("fraud_status")) ?? .none
        if fraud == .challenge, paymentType != Self.creditCard || status != .capture {
            throw FlowInputError(field: "fraud_status", say.challengeOnlyCapture(paymentType: paymentType, status), hint: say.challengeHint)
        }
        let time = try reader.date("transaction_time")
        if time > context.now {
            throw FlowInputError(
                field: "transaction_time", say.afterNow(policy.text(time, context), now: policy.text(context.now, context)),
                hint: say.afterNowHint
            )
        }
        return Input(paymentType: paymentType, status: status, fraudStatus: fraud, transactionTime: time)
    }

    /// A card capture tried at moments around its cut-off; the cut-off of a transaction
    /// just before and just after midnight; and each kind of status.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = policy.timeZone
        let day = calendar.startOfDay(for: context.now)
        func at(_ days: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
            let date = calendar.date(byAdding: .day, value: days, to: day) ?? day
            return calendar.date(bySettingHour: hour, minute: minute, second: second, of: date) ?? date
        }
        let zone = FlowContext(now: context.now, timeZone: policy.timeZone, language: context.language)
        func text(_ date: Date) -> String { policy.text(date, zone) }

        let made = at(0, 10, 0)
        let cutoff = policy.cutoff(forTransactionAt: made)
        let moments = [made.addingTimeInterval(3_600), cutoff.addingTimeInterval(-1), cutoff, cutoff.addingTimeInterval(17 * 3_600)]
        let tries = FlowScenarioTable(
            title: say.triesTitle,
            note: say.triesNote(made: text(made)),
            columns: say.triesColumns,
            rows: moments.map { now in
                let result = run(
                    Input(paymentType: Self.creditCard, status: .capture, transactionTime: made),
                    context: FlowContext(now: now, timeZone: policy.timeZone, language: context.language)
                )
                let left = result.outcome.secondsLeft.map { $0 > 0 ? zone.duration(TimeInterval($0)) : say.noTimeLeft } ?? "–"
                return [text(now), say.verdict(result.verdict), result.outcome.deadline.map(text) ?? "–", left]
            }
        )

        let midnight = [at(0, 0, 0), at(0, 23, 59), at(1, 0, 0)]
        let days = FlowScenarioTable(
            title: say.daysTitle,
            note: say.daysNote(zone: policy.timeZoneLabel),
            columns: say.daysColumns,
            rows: midnight.map { made in
                let deadline = policy.cutoff(forTransactionAt: made)
                return [text(made), text(deadline), zone.duration(deadline.timeIntervalSince(made))]
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
            title: say.statusesTitle,
            note: say.statusesNote,
            columns: say.statusesColumns,
            rows: cases.map { type, fraud, status in
                let result = run(
                    Input(paymentType: type, status: status, fraudStatus: fraud, transactionTime: made),
                    context: FlowContext(now: later, timeZone: policy.timeZone, language: context.language)
                )
                return [type == Self.creditCard ? say.cardCell : type, status.rawValue, fraud.rawValue, say.verdict(result.verdict), result.outcome.alternative.map(say.cell) ?? "–"]
            }
        )
        return [tries, days, statuses]
    }
}
