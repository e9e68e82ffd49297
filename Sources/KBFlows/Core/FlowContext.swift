public import Foundation
public import KBContent

/// The moment a simulation runs at, the time zone its times are read and shown in, and
/// the language it explains itself in.
///
/// Simulators never read a clock: the caller says what "now" is.
public struct FlowContext: Sendable, Hashable {
    public var now: Date
    /// Times given without an offset are read in this zone, and outcomes are shown in it.
    public var timeZone: TimeZone
    /// The language of every text for people: headline, details, trace, tables, field help
    /// and input errors. Ids (verdicts, field names, JSON keys, allowed values) do not change.
    public var language: Language

    public init(now: Date, timeZone: TimeZone, language: Language = .source) {
        self.now = now
        self.timeZone = timeZone
        self.language = language
    }

    /// `date` as ISO 8601 with this context's offset: `2026-11-25T09:19:00+07:00`.
    public func iso(_ date: Date) -> String { FlowTime.iso(date, in: timeZone) }

    /// `date` for people: `09:19 WIB, 25 November 2026`; in Indonesian
    /// `25 November 2026 pukul 09.19 WIB`.
    public func text(_ date: Date) -> String { FlowTime.text(date, in: timeZone, language: language) }

    /// The time of day of `date` alone: `09:19 WIB`; in Indonesian `pukul 09.19 WIB`.
    public func timeOfDay(_ date: Date) -> String { FlowTime.timeOfDay(date, in: timeZone, language: language) }

    /// A span for people: `14 min 59 s`; in Indonesian `14 menit 59 detik`.
    public func duration(_ interval: TimeInterval) -> String { FlowTime.duration(interval, language: language) }
}
