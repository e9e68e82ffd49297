/// When a connection must be closed, as a pure state machine: events in (bytes
/// arrived, a request's head and end decoded, a response finished), the next
/// deadline out, and on a deadline which limit ran out. Time comes from `C`, so
/// the tests step it with a clock of their own (``ConnectionGuard`` runs it on the
/// channel's event loop with `ContinuousClock`).
///
/// - A new connection has ``ConnectionLimits/headerTimeout`` to send its first head.
/// - Once a request's first byte arrives, its head must be complete within the header timeout.
/// - From the end of the head, the body must be complete within ``ConnectionLimits/bodyTimeout``.
/// - While a request is answered, nothing runs out (the answer's work is bounded elsewhere).
/// - After the last answer, the connection may wait ``ConnectionLimits/idleTimeout`` for the next request.
struct ConnectionTimeouts<C: Clock> where C.Duration == Duration {
    /// Which limit ran out.
    enum Expiry: Equatable {
        /// A head was started and not finished in time: answer 408.
        case header
        /// A new connection sent nothing at all in the header timeout.
        case silent
        /// A body was not finished in time.
        case body
        /// A kept-alive connection stayed idle.
        case idle
    }

    let headerTimeout: Duration
    let bodyTimeout: Duration
    let idleTimeout: Duration
    let clock: C

    /// When the connection last had nothing in progress, and had not been sent a byte since.
    private(set) var idleSince: C.Instant
    /// The first byte of a request whose head has not been decoded yet.
    private(set) var headStartedAt: C.Instant?
    /// The end of a head whose body is still being read.
    private(set) var bodyStartedAt: C.Instant?
    /// Requests whose head arrived and whose answer has not been written to the end.
    private(set) var answersOwed = 0
    /// Whether any answer was written (the first request gets the header timeout to start).
    private(set) var answeredAny = false

    init(limits: ConnectionLimits, clock: C) {
        headerTimeout = limits.headerTimeout
        bodyTimeout = limits.bodyTimeout
        idleTimeout = limits.idleTimeout
        self.clock = clock
        idleSince = clock.now
    }

    /// The connection was opened (or is just being watched): the first request's clock starts.
    mutating func opened() {
        idleSince = clock.now
        headStartedAt = nil
    }

    /// Bytes arrived. Only the first byte of a new request starts a clock; body bytes
    /// and bytes of pipelined requests change nothing.
    mutating func bytesReceived() {
        guard headStartedAt == nil, bodyStartedAt == nil, answersOwed == 0 else { return }
        headStartedAt = clock.now
    }

    /// A request's head was decoded.
    mutating func headReceived() {
        headStartedAt = nil
        bodyStartedAt = clock.now
        answersOwed += 1
    }

    /// A request's end was decoded: its body is complete.
    mutating func requestEnded() {
        bodyStartedAt = nil
        if answersOwed == 0 { idleSince = clock.now }
    }

    /// An answer was written to its end.
    mutating func answerEnded() {
        answersOwed = max(0, answersOwed - 1)
        answeredAny = true
        if answersOwed == 0, bodyStartedAt == nil {
            idleSince = clock.now
            headStartedAt = nil
        }
    }

    /// When the connection is next to be looked at; `nil` while a request is answered.
    var deadline: C.Instant? {
        rule.map { $0.since.advanced(by: $0.limit) }
    }

    /// The limit that runs out first as things stand, and when it started counting.
    private var rule: (expiry: Expiry, since: C.Instant, limit: Duration)? {
        if let bodyStartedAt { return (.body, bodyStartedAt, bodyTimeout) }
        if answersOwed > 0 { return nil }
        if let headStartedAt { return (.header, headStartedAt, headerTimeout) }
        return answeredAny ? (.idle, idleSince, idleTimeout) : (.silent, idleSince, headerTimeout)
    }

    /// Which limit has run out by now, if any; `nil` means look again at ``deadline``.
    func expired() -> Expiry? {
        guard let rule, clock.now >= rule.since.advanced(by: rule.limit) else { return nil }
        return rule.expiry
    }
}
