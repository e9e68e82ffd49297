/// A simulator's conclusion, typed: one case per way the flow can end, spelled in JSON
/// and on the terminal as its raw value (`locked`, `refund-instead`).
///
/// Each simulator declares its own (``FlowSimulator/Verdict``); ``FlowReport/verdict``
/// carries the raw value, so the JSON a front end sees is a plain string.
public protocol FlowVerdict: RawRepresentable, Sendable, Hashable, Codable where RawValue == String {}
