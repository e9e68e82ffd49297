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
        let say = Phrases(language: context.language)
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
            let wait = context.duration(until.timeIntervalSince(context.now))
            headline = say.lockedHeadline(opensAt: context.text(until), wait: wait)
            trace.append(FlowStep(
                rule: say.durationRule,
                compared: say.stillLockedCompared(now: context.text(context.now), opensAt: context.text(until)),
                result: say.stillLocked(wait: wait), source: section("what-to-do"), policies: ["lockout.unlock_after_minutes"]
            ))
            trace.append(FlowStep(
                rule: say.supportRule,
                result: say.writeToSupport(after: context.text(until), email: policy.supportEmail),
                source: section("still-locked-after-the-wait"),
                policies: ["lockout.unlock_after_minutes", "support.email"]
            ))
            details = [
                FlowDetail(say.lockedAtLabel, context.text(since)),
                FlowDetail(say.opensAtLabel, context.text(until)),
                FlowDetail(say.waitLabel, wait),
                FlowDetail(say.thenLabel, say.then(email: policy.supportEmail)),
            ]
        } else {
            let wrong = machine.wrongInARow
            let left = policy.maxFailedAttempts - wrong
            headline = say.openHeadline(wrong: wrong, left: left, minutes: policy.unlockAfterMinutes)
            trace.append(FlowStep(
                rule: say.lockRule,
                compared: say.openCompared(wrong: wrong, max: policy.maxFailedAttempts),
                result: say.open(at: context.text(context.now)), source: section("why-your-account-is-locked"),
                policies: ["lockout.max_failed_attempts"]
            ))
            details = [
                FlowDetail(say.wrongInARowLabel, say.wrongOf(wrong, policy.maxFailedAttempts)),
                FlowDetail(say.adviceLabel, say.advice),
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
        let say = Phrases(language: context.language)
        let at = context.text(attempt.time)
        switch result {
        case .signedIn:
            return [FlowStep(
                rule: say.clearRule,
                compared: say.signedInCompared(at: at, wrongBefore: wrongBefore),
                result: say.signedIn, source: section("why-your-account-is-locked")
            )]
        case let .wrongPassword(wrong, remaining):
            return [FlowStep(
                rule: say.lockRule,
                compared: say.wrongCompared(at: at, wrong: wrong, max: policy.maxFailedAttempts, locks: false),
                result: say.stillOpen(remaining: remaining),
                source: section("why-your-account-is-locked"), policies: ["lockout.max_failed_attempts"]
            )]
        case let .lockedNow(until):
            return [
                FlowStep(
                    rule: say.lockRule,
                    compared: say.wrongCompared(at: at, wrong: wrongBefore + 1, max: policy.maxFailedAttempts, locks: true),
                    result: say.locked(at: at), source: section("why-your-account-is-locked"),
                    policies: ["lockout.max_failed_attempts"]
                ),
                FlowStep(
                    rule: say.durationRule,
                    compared: say.lockEndsCompared(at: at, minutes: policy.unlockAfterMinutes),
                    result: say.opens(at: context.text(until)), source: section("what-to-do"),
                    policies: ["lockout.unlock_after_minutes"]
                ),
            ]
        case let .refused(until):
            return [FlowStep(
                rule: say.refusedRule,
                compared: say.refusedCompared(attempt.password, at: at, opensAt: context.text(until)),
                result: say.refused(wait: context.duration(until.timeIntervalSince(attempt.time))),
                source: section("why-your-account-is-locked")
            )]
        }
    }

    private func unlockStep(_ ended: Date, seenAt time: Date, _ context: FlowContext) -> FlowStep {
        let say = Phrases(language: context.language)
        return FlowStep(
            rule: say.durationRule,
            compared: say.unlockedCompared(at: context.text(time), ended: context.text(ended), minutes: policy.unlockAfterMinutes),
            result: say.openAgain(since: context.text(ended)), source: section("what-to-do"),
            policies: ["lockout.unlock_after_minutes"]
        )
    }
}
