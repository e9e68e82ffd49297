import Foundation

extension AccountLockoutSimulator {
    /// Wrong passwords one minute apart until one past the lock; signing in just before
    /// and exactly when the lock ends; and a right password between wrong ones.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let start = Date(timeIntervalSince1970: (context.now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let minute: TimeInterval = 60
        let count = policy.maxFailedAttempts + 1
        let wrongs = (0..<count).map { Attempt(time: start.addingTimeInterval(Double($0) * minute), password: .wrong) }
        let inARow = run(Input(attempts: wrongs), context: FlowContext(now: wrongs[count - 1].time, timeZone: context.timeZone))
        let first = FlowScenarioTable(
            title: "Wrong passwords one minute apart",
            note: "Each row is one attempt of a single run; the lock comes at lockout.max_failed_attempts = \(policy.maxFailedAttempts).",
            columns: ["Attempt", "At", "Result", "Wrong in a row", "Opens at"],
            rows: inARow.outcome.attempts.map { record in
                [String(record.number), context.text(record.time), record.result, String(record.wrongInARow),
                 record.opensAt.map(context.text) ?? "–"]
            }
        )

        let locking = Array(wrongs.prefix(policy.maxFailedAttempts))
        let lockedAt = locking[locking.count - 1].time
        let offsets: [TimeInterval] = [policy.lockDuration - minute, policy.lockDuration - 1, policy.lockDuration, policy.lockDuration + minute]
        let second = FlowScenarioTable(
            title: "The right password after the lock",
            note: "The login locked at \(context.text(lockedAt)); each row is a run with one right password after that.",
            columns: ["Right password at", "After locking", "Result"],
            rows: offsets.map { offset in
                let time = lockedAt.addingTimeInterval(offset)
                let result = run(
                    Input(attempts: locking + [Attempt(time: time, password: .right)]),
                    context: FlowContext(now: time, timeZone: context.timeZone)
                )
                return [context.text(time), FlowTime.duration(offset), result.outcome.attempts.last?.result ?? "–"]
            }
        )

        var mixed = Array(wrongs.prefix(policy.maxFailedAttempts - 1))
        let last = mixed.last?.time ?? start
        mixed.append(Attempt(time: last.addingTimeInterval(minute), password: .right))
        mixed.append(Attempt(time: last.addingTimeInterval(2 * minute), password: .wrong))
        let reset = run(Input(attempts: mixed), context: FlowContext(now: last.addingTimeInterval(2 * minute), timeZone: context.timeZone))
        let third = FlowScenarioTable(
            title: "A right password clears the count",
            note: "One run: \(policy.maxFailedAttempts - 1) wrong, one right, one wrong.",
            columns: ["Attempt", "Password", "Result", "Wrong in a row"],
            rows: reset.outcome.attempts.map { [String($0.number), $0.password.rawValue, $0.result, String($0.wrongInARow)] }
        )
        return [first, second, third]
    }
}
