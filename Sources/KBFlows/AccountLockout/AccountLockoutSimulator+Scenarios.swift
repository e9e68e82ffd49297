import Foundation

extension AccountLockoutSimulator {
    /// Wrong passwords one minute apart until one past the lock; signing in just before
    /// and exactly when the lock ends; and a right password between wrong ones.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        func at(_ now: Date) -> FlowContext { FlowContext(now: now, timeZone: context.timeZone, language: context.language) }
        let start = Date(timeIntervalSince1970: (context.now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let minute: TimeInterval = 60
        let count = policy.maxFailedAttempts + 1
        let wrongs = (0..<count).map { Attempt(time: start.addingTimeInterval(Double($0) * minute), password: .wrong) }
        let inARow = run(Input(attempts: wrongs), context: at(wrongs[count - 1].time))
        let first = FlowScenarioTable(
            title: say.inARowTitle,
            note: say.inARowNote(max: policy.maxFailedAttempts),
            columns: say.inARowColumns,
            rows: inARow.outcome.attempts.map { record in
                [String(record.number), context.text(record.time), say.attemptResult(record, context), String(record.wrongInARow),
                 record.opensAt.map(context.text) ?? "–"]
            }
        )

        let locking = Array(wrongs.prefix(policy.maxFailedAttempts))
        let lockedAt = locking[locking.count - 1].time
        let offsets: [TimeInterval] = [policy.lockDuration - minute, policy.lockDuration - 1, policy.lockDuration, policy.lockDuration + minute]
        let second = FlowScenarioTable(
            title: say.afterLockTitle,
            note: say.afterLockNote(lockedAt: context.text(lockedAt)),
            columns: say.afterLockColumns,
            rows: offsets.map { offset in
                let time = lockedAt.addingTimeInterval(offset)
                let result = run(Input(attempts: locking + [Attempt(time: time, password: .right)]), context: at(time))
                return [context.text(time), context.duration(offset), result.outcome.attempts.last.map { say.attemptResult($0, context) } ?? "–"]
            }
        )

        var mixed = Array(wrongs.prefix(policy.maxFailedAttempts - 1))
        let last = mixed.last?.time ?? start
        mixed.append(Attempt(time: last.addingTimeInterval(minute), password: .right))
        mixed.append(Attempt(time: last.addingTimeInterval(2 * minute), password: .wrong))
        let reset = run(Input(attempts: mixed), context: at(last.addingTimeInterval(2 * minute)))
        let third = FlowScenarioTable(
            title: say.clearTitle,
            note: say.clearNote(wrongBefore: policy.maxFailedAttempts - 1),
            columns: say.clearColumns,
            rows: reset.outcome.attempts.map {
                [String($0.number), say.passwordCell($0.password), say.attemptResult($0, context), String($0.wrongInARow)]
            }
        )
        return [first, second, third]
    }
}
