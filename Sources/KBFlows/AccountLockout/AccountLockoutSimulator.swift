public import Foundation
public import KBContent

/// `account-lockout`: replays a user's sign-in attempts against the portal's lockout
/// policy and says whether the login is locked at `now`, and until when.
///
/// Wrong passwords in a row are counted; a right one clears the count. At the policy's
/// number the login locks, and it opens by itself the policy's minutes after locking.
/// Attempts while locked are refused and change nothing; that they do not extend the
/// lock is an assumption (no source says either way), stated in the field's help.
public struct AccountLockoutSimulator: FlowSimulator {
    public static let id = "account-lockout"
    public static let article = "unlock-account"
    public static let title = "When does a locked portal login open again?"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `lockout.max_failed_attempts`
        public var maxFailedAttempts: Int
        /// `lockout.unlock_after_minutes`
        public var unlockAfterMinutes: Int
        /// `support.email`
        public var supportEmail: String

        public init(maxFailedAttempts: Int, unlockAfterMinutes: Int, supportEmail: String) {
            self.maxFailedAttempts = maxFailedAttempts
            self.unlockAfterMinutes = unlockAfterMinutes
            self.supportEmail = supportEmail
        }

        /// - Throws: ``FlowPolicyError`` naming a missing or malformed value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: AccountLockoutSimulator.id)
            self.init(
                maxFailedAttempts: try reader.integer("lockout.max_failed_attempts", in: 1...100),
                unlockAfterMinutes: try reader.integer("lockout.unlock_after_minutes", in: 1...10_080),
                supportEmail: try reader.text("support.email")
            )
        }

        /// How long a lock lasts.
        public var lockDuration: TimeInterval { TimeInterval(unlockAfterMinutes * 60) }
    }

    /// Whether the login is locked at `now`.
    public enum Verdict: String, FlowVerdict {
        case locked, open
    }

    /// Whether the password typed was the right one.
    public enum Password: String, Sendable, Hashable, Codable {
        case right, wrong
    }

    /// One sign-in attempt.
    public struct Attempt: Sendable, Hashable, Codable {
        public var time: Date
        public var password: Password

        public init(time: Date, password: Password) {
            self.time = time
            self.password = password
        }
    }

    /// The attempts, oldest first, none after `now`.
    public struct Input: Sendable, Hashable {
        public var attempts: [Attempt]

        public init(attempts: [Attempt]) { self.attempts = attempts }
    }

    /// What each attempt did, and the state at `now`.
    public struct Outcome: Sendable, Hashable, Codable {
        public var attempts: [AttemptRecord]
        public var locked: Bool
        /// Wrong passwords in a row at `now` (0 while locked).
        public var wrongInARow: Int
        /// When the current lock started, if locked.
        public var lockedAt: Date?
        /// When the current lock ends, if locked.
        public var opensAt: Date?
    }

    /// One attempt and what the portal did with it.
    public struct AttemptRecord: Sendable, Hashable, Codable {
        public var number: Int
        public var time: Date
        public var password: Password
        /// `signed-in`, `wrong-password`, `locked` or `refused`.
        public var result: String
        /// Wrong passwords in a row after the attempt.
        public var wrongInARow: Int
        /// When the lock in force after the attempt ends, if there is one.
        public var opensAt: Date?
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        var machine = StateMachine(policy: policy)
        var trace: [FlowStep] = []
        var records: [AttemptRecord] = []
        for (index, attempt) in input.attempts.enumerated() {
            if let ended = machine.advance(to: attempt.time) {
                trace.append(unlockStep(ended, seenAt: attempt.time, context))
            }
            let wrongBefore = machine.wrongInARow
            let result = machine.attempt(attempt.password, at: attempt.time)
            trace += steps(for: result, attempt: attempt, wrongBefore: wrongBefore, context)
            records.append(AttemptRecord(
                number: index + 1, time: attempt.time, password: attempt.password, result: result.name,
                wrongInARow: machine.wrongInARow, opensAt: machine.opensAt
            ))
        }
        if let ended = machine.advance(to: context.now) {
            trace.append(unlockStep(ended, seenAt: context.now, context))
        }

        var details: [FlowDetail] = []
        let headline: String
        if case let .locked(since, until) = machine.state {
            let wait = FlowTime.duration(until.timeIntervalSince(context.now))
            headline = "Locked: the login opens by itself at \(context.text(until)), in \(wait)."
            trace.append(FlowStep(
                rule: "A lock lasts the policy's minutes from the moment it starts, then opens by itself",
                compared: "now \(context.text(context.now)) < opens at \(context.text(until))",
                result: "still locked; \(wait) to wait", source: section("what-to-do"), policies: ["lockout.unlock_after_minutes"]
            ))
            trace.append(FlowStep(
                rule: "If the login is still locked once the wait is over, support can help",
                result: "after \(context.text(until)), email \(policy.supportEmail) with the locked user's email address",
                source: section("still-locked-after-the-wait"),
                policies: ["lockout.unlock_after_minutes", "support.email"]
            ))
            details = [
                FlowDetail("Locked at", context.text(since)),
                FlowDetail("Opens at", context.text(until)),
                FlowDetail("Wait", wait),
                FlowDetail("Then", "sign in again with the right password; still locked? email \(policy.supportEmail)"),
            ]
        } else {
            let wrong = machine.wrongInARow
            let left = policy.maxFailedAttempts - wrong
            headline = wrong == 0
                ? "Not locked: the login accepts the right password now."
                : "Not locked: \(wrong) wrong password\(wrong == 1 ? "" : "s") in a row; \(left) more would lock it for \(policy.unlockAfterMinutes) minutes."
            trace.append(FlowStep(
                rule: "Wrong passwords in a row lock the login at the policy's number",
                compared: "wrong in a row \(wrong) < lockout.max_failed_attempts \(policy.maxFailedAttempts)",
                result: "open at \(context.text(context.now))", source: section("why-your-account-is-locked"),
                policies: ["lockout.max_failed_attempts"]
            ))
            details = [
                FlowDetail("Wrong in a row", "\(wrong) of \(policy.maxFailedAttempts)"),
                FlowDetail("Advice", "type the password carefully; if unsure, reset it rather than guess"),
            ]
        }
        let outcome = Outcome(
            attempts: records, locked: machine.isLocked, wrongInARow: machine.wrongInARow,
            lockedAt: machine.lockedAt, opensAt: machine.opensAt
        )
        return FlowResult(
            verdict: machine.isLocked ? .locked : .open, headline: headline, details: details, outcome: outcome, trace: trace
        )
    }

    private func steps(for result: StateMachine.AttemptResult, attempt: Attempt, wrongBefore: Int, _ context: FlowContext) -> [FlowStep] {
        let at = context.text(attempt.time)
        switch result {
        case .signedIn:
            return [FlowStep(
                rule: "Only wrong passwords entered one after another count; a right one signs in and clears the count",
                compared: "right password at \(at); wrong in a row before it: \(wrongBefore)",
                result: "signed in; wrong in a row: 0", source: section("why-your-account-is-locked")
            )]
        case let .wrongPassword(wrong, remaining):
            return [FlowStep(
                rule: "Wrong passwords in a row lock the login at the policy's number",
                compared: "wrong password at \(at): wrong in a row \(wrong) < lockout.max_failed_attempts \(policy.maxFailedAttempts)",
                result: "still open; \(remaining) more wrong password\(remaining == 1 ? "" : "s") lock\(remaining == 1 ? "s" : "") it",
                source: section("why-your-account-is-locked"), policies: ["lockout.max_failed_attempts"]
            )]
        case let .lockedNow(until):
            return [
                FlowStep(
                    rule: "Wrong passwords in a row lock the login at the policy's number",
                    compared: "wrong password at \(at): wrong in a row \(wrongBefore + 1) = lockout.max_failed_attempts \(policy.maxFailedAttempts)",
                    result: "locked at \(at)", source: section("why-your-account-is-locked"),
                    policies: ["lockout.max_failed_attempts"]
                ),
                FlowStep(
                    rule: "A lock lasts the policy's minutes from the moment it starts, then opens by itself",
                    compared: "\(at) + lockout.unlock_after_minutes \(policy.unlockAfterMinutes) min",
                    result: "opens at \(context.text(until))", source: section("what-to-do"),
                    policies: ["lockout.unlock_after_minutes"]
                ),
            ]
        case let .refused(until):
            return [FlowStep(
                rule: "While the login is locked every sign-in is refused, even with the right password; assumed, as no source says: the attempt does not extend the lock",
                compared: "\(attempt.password) password at \(at) < opens at \(context.text(until))",
                result: "refused; \(FlowTime.duration(until.timeIntervalSince(attempt.time))) still to wait",
                source: section("why-your-account-is-locked")
            )]
        }
    }

    private func unlockStep(_ ended: Date, seenAt time: Date, _ context: FlowContext) -> FlowStep {
        FlowStep(
            rule: "A lock lasts the policy's minutes from the moment it starts, then opens by itself",
            compared: "\(context.text(time)) ≥ opens at \(context.text(ended)) (lockout.unlock_after_minutes \(policy.unlockAfterMinutes))",
            result: "open again since \(context.text(ended)); wrong in a row: 0", source: section("what-to-do"),
            policies: ["lockout.unlock_after_minutes"]
        )
    }
}
