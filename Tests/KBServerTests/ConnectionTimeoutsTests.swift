@testable import KBServer
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let current = Mutex(Instant(offset: .zero))
    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {}
}

/// ``ConnectionTimeouts`` stepped with a clock of the test's: which limit runs out, when.
@Suite("Connection timeouts, stepped")
struct ConnectionTimeoutsTests {
    static let limits = ConnectionLimits(headerTimeout: .seconds(10), bodyTimeout: .seconds(20), idleTimeout: .seconds(30))

    func machine() -> (ConnectionTimeouts<ManualClock>, ManualClock) {
        let clock = ManualClock()
        var timeouts = ConnectionTimeouts(limits: Self.limits, clock: clock)
        timeouts.opened()
        return (timeouts, clock)
    }

    @Test("a connection that sends nothing gets the header timeout, then is closed without a word")
    func silent() {
        let (timeouts, clock) = machine()
        #expect(timeouts.deadline == clock.now.advanced(by: .seconds(10)))
        clock.advance(by: .seconds(9))
        #expect(timeouts.expired() == nil)
        clock.advance(by: .seconds(1))
        #expect(timeouts.expired() == .silent)
    }

    @Test("half a head: the header timeout counts from its first byte, and runs out (408)")
    func halfAHead() {
        var (timeouts, clock) = machine()
        clock.advance(by: .seconds(4))
        timeouts.bytesReceived()
        clock.advance(by: .seconds(5))
        timeouts.bytesReceived()  // more of the same head: the clock does not restart
        #expect(timeouts.deadline == ManualClock.Instant(offset: .seconds(14)))
        clock.advance(by: .seconds(5))
        #expect(timeouts.expired() == .header)
    }

    @Test("a slow but steady client gets the whole header timeout for every request, and the idle timeout between them")
    func steadyClient() {
        var (timeouts, clock) = machine()
        for _ in 0..<10 {
            timeouts.bytesReceived()
            clock.advance(by: .seconds(9))
            #expect(timeouts.expired() == nil)
            timeouts.headReceived()
            timeouts.requestEnded()
            #expect(timeouts.deadline == nil, "nothing runs out while the answer is made")
            clock.advance(by: .seconds(60))
            #expect(timeouts.expired() == nil)
            timeouts.answerEnded()
            clock.advance(by: .seconds(29))
            #expect(timeouts.expired() == nil)
        }
        clock.advance(by: .seconds(1))
        #expect(timeouts.expired() == .idle)
    }

    @Test("a body must arrive within the body timeout of the head's end, however it trickles")
    func trickledBody() {
        var (timeouts, clock) = machine()
        timeouts.bytesReceived()
        timeouts.headReceived()
        for _ in 0..<19 {
            clock.advance(by: .seconds(1))
            timeouts.bytesReceived()
            #expect(timeouts.expired() == nil)
        }
        clock.advance(by: .seconds(1))
        #expect(timeouts.expired() == .body)
    }

    @Test("an answer given before the body ended (a 413) leaves the body timeout running; then idle")
    func earlyAnswer() {
        var (timeouts, clock) = machine()
        timeouts.bytesReceived()
        timeouts.headReceived()
        timeouts.answerEnded()
        #expect(timeouts.deadline == ManualClock.Instant(offset: .seconds(20)))
        clock.advance(by: .seconds(5))
        timeouts.requestEnded()
        #expect(timeouts.deadline == ManualClock.Instant(offset: .seconds(35)))
    }

    @Test("pipelined requests: nothing runs out until the last answer; bytes meanwhile start no clock")
    func pipelined() {
        var (timeouts, clock) = machine()
        timeouts.bytesReceived()
        timeouts.headReceived()
        timeouts.requestEnded()
        timeouts.headReceived()
        timeouts.requestEnded()
        clock.advance(by: .seconds(100))
        timeouts.bytesReceived()
        #expect(timeouts.deadline == nil)
        timeouts.answerEnded()
        #expect(timeouts.deadline == nil)
        timeouts.answerEnded()
        #expect(timeouts.deadline == ManualClock.Instant(offset: .seconds(130)))
    }
}
