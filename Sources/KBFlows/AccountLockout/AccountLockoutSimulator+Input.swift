import Foundation
public import KBContent

extension AccountLockoutSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField("attempts", .list, help: say.attemptsHelp, example: say.attemptsExample),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let items = try reader.list("attempts")
        guard !items.isEmpty else { throw reader.missing("attempts") }
        let format = say.attemptFormat
        var attempts: [Attempt] = []
        for (index, item) in items.enumerated() {
            let number = index + 1
            let words = item.split(separator: " ")
            guard words.count >= 2, let last = words.last else {
                throw FlowInputError(field: "attempts", say.needsTimeAndPassword(number, item), hint: format)
            }
            let password: Password
            switch last.lowercased() {
            case "right", "correct", "ok", "benar": password = .right
            case "wrong", "incorrect", "bad", "salah": password = .wrong
            default:
                throw FlowInputError(field: "attempts", say.noRightOrWrong(number, item), hint: format)
            }
            let timeText = words.dropLast().joined(separator: " ")
            guard let time = FieldReader.date(timeText, context: context) else {
                throw FlowInputError(field: "attempts", say.noTime(number, item), hint: format)
            }
            if let previous = attempts.last, time < previous.time {
                throw FlowInputError(
                    field: "attempts", say.earlier(number, at: context.text(time), previous: context.text(previous.time)), hint: say.inOrder
                )
            }
            if time > context.now {
                throw FlowInputError(
                    field: "attempts", say.afterNow(number, at: context.text(time), now: context.text(context.now)), hint: say.laterNow
                )
            }
            attempts.append(Attempt(time: time, password: password))
        }
        return Input(attempts: attempts)
    }
}
