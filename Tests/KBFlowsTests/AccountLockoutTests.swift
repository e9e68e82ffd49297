import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("account-lockout")
struct AccountLockoutTests {
    let simulator = try! AccountLockoutSimulator(content: Shipped.content)
    let start = Shipped.time("2026-11-25T09:00:00")

    /// `count` wrong passwords one minute apart from 09:00.
    func wrong(_ count: Int) -> [AccountLockoutSimulator.Attempt] {
        (0..<count).map { .init(time: start.addingTimeInterval(Double($0) * 60), password: .wrong) }
    }

    @Test("the 5th wrong password in a row locks; the 4th does not; the 6th is refused", arguments: [
        (4, AccountLockoutSimulator.Verdict.open, "wrong-password"), (5, .locked, "locked"), (6, .locked, "refused"),
    ])
    func wrongInARow(count: Int, verdict: AccountLockoutSimulator.Verdict, last: String) {
        let attempts = wrong(count)
        let result = simulator.run(.init(attempts: attempts), context: FlowContext(now: attempts[count - 1].time, timeZone: Shipped.jakarta))
        #expect(result.verdict == verdict)
        #expect(result.outcome.attempts.last?.result == last)
        if verdict == .locked {
            #expect(result.outcome.lockedAt == Shipped.time("2026-11-25T09:04:00"))
            #expect(result.outcome.opensAt == Shipped.time("2026-11-25T09:19:00"), "the 6th attempt does not extend the lock")
        }
    }

    @Test("after locking at 09:04, the right password at +14:59 is refused and at +15:00 signs in", arguments: [
        ("2026-11-25T09:18:00", "refused"), ("2026-11-25T09:18:59", "refused"),
        ("2026-11-25T09:19:00", "signed-in"), ("2026-11-25T09:30:00", "signed-in"),
    ])
    func unlockBoundary(at time: String, expected: String) {
        let attempt = AccountLockoutSimulator.Attempt(time: Shipped.time(time), password: .right)
        let result = simulator.run(.init(attempts: wrong(5) + [attempt]), context: Shipped.context(time))
        #expect(result.outcome.attempts.last?.result == expected)
        #expect(result.verdict == (expected == "refused" ? .locked : .open))
    }

    @Test("a right password clears the count")
    func rightResets() {
        var attempts = wrong(4)
        attempts.append(.init(time: Shipped.time("2026-11-25T09:04:00"), password: .right))
        attempts.append(.init(time: Shipped.time("2026-11-25T09:05:00"), password: .wrong))
        let result = simulator.run(.init(attempts: attempts), context: Shipped.context("2026-11-25T09:05:00"))
        #expect(result.verdict == .open)
        #expect(result.outcome.wrongInARow == 1)
    }

    @Test("the state machine, stepped event by event")
    func stateMachine() {
        var machine = AccountLockoutSimulator.StateMachine(policy: simulator.policy)
        for (index, attempt) in wrong(4).enumerated() {
            #expect(machine.attempt(.wrong, at: attempt.time) == .wrongPassword(wrongInARow: index + 1, remaining: 4 - index))
        }
        let lockedAt = Shipped.time("2026-11-25T09:04:00")
        let opensAt = Shipped.time("2026-11-25T09:19:00")
        #expect(machine.attempt(.wrong, at: lockedAt) == .lockedNow(until: opensAt))
        #expect(machine.advance(to: opensAt.addingTimeInterval(-1)) == nil)
        #expect(machine.attempt(.right, at: opensAt.addingTimeInterval(-1)) == .refused(until: opensAt))
        #expect(machine.advance(to: opensAt) == opensAt)
        #expect(machine.state == .open(wrongInARow: 0))
        #expect(machine.attempt(.right, at: opensAt) == .signedIn)
    }

    @Test("the CLI's string form is read, and bad attempts are named", arguments: [
        ("09:00 wrong, 09:0x wrong", "attempts: attempt 2 '09:0x wrong' does not start with a time"),
        ("09:00 wrong, 09:01 maybe", "attempts: attempt 2 '09:01 maybe' does not end in right or wrong"),
        ("09:05 wrong, 09:00 wrong", "attempts: attempt 2 at 09:00 WIB, 25 November 2026 is earlier than attempt 1 at 09:05 WIB, 25 November 2026"),
        ("09:00 wrong, 11:00 wrong", "attempts: attempt 2 at 11:00 WIB, 25 November 2026 is after now (10:00 WIB, 25 November 2026)"),
        ("", "attempts: a value is required"),
    ])
    func invalidAttempts(text: String, message: String) throws {
        let error = try Shipped.error("account-lockout", ["attempts": text], now: "2026-11-25T10:00:00")
        #expect(error?.description == message)
    }

    @Test("follows policies.yaml: with 3 attempts and 30 minutes the lock comes sooner and lasts longer")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["lockout.max_failed_attempts": .text("3"), "lockout.unlock_after_minutes": .text("30")])
        let changed = try AccountLockoutSimulator(content: content)
        let result = changed.run(.init(attempts: wrong(3)), context: Shipped.context("2026-11-25T09:02:00"))
        #expect(result.verdict == .locked)
        #expect(result.outcome.opensAt == Shipped.time("2026-11-25T09:32:00"))
        #expect(result.trace.contains { $0.compared.contains("lockout.max_failed_attempts 3") })

        let raw = try Shipped.rawMarkdown("unlock-account")
        #expect(raw.contains("{{policy.lockout.max_failed_attempts}}"))
        #expect(raw.contains("{{policy.lockout.unlock_after_minutes}}"))
    }

    @Test("a malformed policy value is named")
    func badPolicy() {
        let content = Shipped.content(with: ["lockout.max_failed_attempts": .text("five")])
        #expect(throws: FlowPolicyError.self) { try AccountLockoutSimulator(content: content) }
        do {
            _ = try AccountLockoutSimulator(content: content)
        } catch {
            #expect(error.description == "policies.yaml: 'lockout.max_failed_attempts' is 'five', not a whole number from 1 to 100 (read by flow account-lockout); set it to a whole number from 1 to 100 in policies.yaml")
        }
    }

    @Test("scenarios come from runs: attempts 1 to 6 and the unlock boundary")
    func scenarios() {
        let tables = simulator.scenarios(context: Shipped.context("2026-11-25T09:00:00"))
        #expect(tables[0].rows.map { $0[2] } == ["Wrong password", "Wrong password", "Wrong password", "Wrong password", "Locked until 09:19 WIB", "Refused: still locked"])
        #expect(tables[1].rows.map { $0[2] } == ["Refused: still locked", "Refused: still locked", "Signed in", "Signed in"])
        #expect(tables[1].rows[1][1] == "14 min 59 s")
    }
}
