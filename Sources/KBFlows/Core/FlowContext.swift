public import Foundation

/// The moment a simulation runs at, and the time zone its times are read and shown in.
///
/// Simulators never read a clock: the caller says what "now" is.
public struct FlowContext: Sendable, Hashable {
    public var now: Date
    /// Times given without an offset are read in this zone, and outcomes are shown in it.
    public var timeZone: TimeZone

    public init(now: Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    /// `date` as ISO 8601 with this context's offset: `2026-11-25T09:19:00+07:00`.
    public func iso(_ date: Date) -> String { FlowTime.iso(date, in: timeZone) }

    /// `date` for people: `2026-11-25 09:19:00 Asia/Jakarta`.
    public func text(_ date: Date) -> String { FlowTime.text(date, in: timeZone) }
}
