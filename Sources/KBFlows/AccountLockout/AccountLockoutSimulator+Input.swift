import Foundation

extension AccountLockoutSimulator {
    public var fields: [FlowField] {
        [
            FlowField(
                "attempts", .list,
                help: "The sign-in attempts, oldest first: each a time (HH:MM today, or ISO 8601) and right or wrong. "
                    + "Assumed, as no source says: attempts while locked are refused and do not extend the lock",
                example: "09:00 wrong, 09:01 wrong, 09:02 right"
            ),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let items = try reader.list("attempts")
        guard !items.isEmpty else { throw reader.missing("attempts") }
        let format = "write each attempt as a time and right or wrong, e.g. 09:00 wrong or 2026-11-25T09:00:00+07:00 right"
        var attempts: [Attempt] = []
        for (index, item) in items.enumerated() {
            let number = index + 1
            let words = item.split(separator: " ")
            guard words.count >= 2, let last = words.last else {
                throw FlowInputError(field: "attempts", "attempt \(number) '\(item)' needs a time and right or wrong", hint: format)
            }
            let password: Password
            switch last.lowercased() {
            case "right", "correct", "ok": password = .right
            case "wrong", "incorrect", "bad": password = .wrong
            default:
                throw FlowInputError(field: "attempts", "attempt \(number) '\(item)' does not end in right or wrong", hint: format)
            }
            let timeText = words.dropLast().joined(separator: " ")
            guard let time = FieldReader.date(timeText, context: context) else {
                throw FlowInputError(field: "attempts", "attempt \(number) '\(item)' does not start with a time", hint: format)
            }
            if let previous = attempts.last, time < previous.time {
                throw FlowInputError(
                    field: "attempts",
                    "attempt \(number) at \(context.text(time)) is earlier than attempt \(number - 1) at \(context.text(previous.time))",
                    hint: "list the attempts in the order they happened"
                )
            }
            if time > context.now {
                throw FlowInputError(
                    field: "attempts", "attempt \(number) at \(context.text(time)) is after now (\(context.text(context.now)))",
                    hint: "give a later now (--now), or correct the time"
                )
            }
            attempts.append(Attempt(time: time, password: password))
        }
        return Input(attempts: attempts)
    }
}
