public import Foundation

extension AccountLockoutSimulator {
    /// One user's login lock, stepped one event at a time: attempts, and time passing.
    ///
    /// A pure value, in the manner of Hummingbird's connection state machines: each
    /// event returns what happened, time comes with the event, and tests step it.
    public struct StateMachine: Sendable, Hashable {
        public enum State: Sendable, Hashable {
            /// Open, with this many wrong passwords in a row so far.
            case open(wrongInARow: Int)
            /// Locked from `since` until `until` (exclusive).
            case locked(since: Date, until: Date)
        }

        /// What an attempt did.
        public enum AttemptResult: Sendable, Hashable {
            case signedIn
            /// A wrong password that did not lock: the count now, and how many more lock.
            case wrongPassword(wrongInARow: Int, remaining: Int)
            /// The wrong password that locked the login, open again at `until`.
            case lockedNow(until: Date)
            /// Refused because the login is locked until `until`.
            case refused(until: Date)

            /// `signed-in`, `wrong-password`, `locked` or `refused`.
            public var name: String {
                switch self {
                case .signedIn: return "signed-in"
                case .wrongPassword: return "wrong-password"
                case .lockedNow: return "locked"
                case .refused: return "refused"
                }
            }
        }

        public let policy: Policy
        public private(set) var state: State = .open(wrongInARow: 0)

        public init(policy: Policy) { self.policy = policy }

        /// Lets time pass: a lock whose time is up ends. Returns when it ended, if it did.
        public mutating func advance(to time: Date) -> Date? {
            guard case let .locked(_, until) = state, time >= until else { return nil }
            state = .open(wrongInARow: 0)
            return until
        }

        /// A sign-in attempt at `time` (not earlier than the previous event).
        public mutating func attempt(_ password: Password, at time: Date) -> AttemptResult {
            _ = advance(to: time)
            switch state {
            case let .locked(_, until):
                return .refused(until: until)
            case let .open(wrongInARow):
                guard password == .wrong else {
                    state = .open(wrongInARow: 0)
                    return .signedIn
                }
                let wrong = wrongInARow + 1
                guard wrong >= policy.maxFailedAttempts else {
                    state = .open(wrongInARow: wrong)
                    return .wrongPassword(wrongInARow: wrong, remaining: policy.maxFailedAttempts - wrong)
                }
                let until = time.addingTimeInterval(policy.lockDuration)
                state = .locked(since: time, until: until)
                return .lockedNow(until: until)
            }
        }

        public var isLocked: Bool {
            if case .locked = state { return true }
            return false
        }

        /// Wrong passwords in a row; 0 while locked.
        public var wrongInARow: Int {
            if case let .open(wrong) = state { return wrong }
            return 0
        }

        public var lockedAt: Date? {
            if case let .locked(since, _) = state { return since }
            return nil
        }

        public var opensAt: Date? {
            if case let .locked(_, until) = state { return until }
            return nil
        }
    }
}
