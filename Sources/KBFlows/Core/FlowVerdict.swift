public import KBContent

/// A simulator's conclusion, typed: one case per way the flow can end, spelled in JSON
/// as its raw value (`locked`, `refund-instead`), and for people as ``label(in:)``
/// ("Locked", "Refund instead").
///
/// Each simulator declares its own (``FlowSimulator/Verdict``); ``FlowReport/verdict``
/// carries the raw value, so the JSON a front end sees is a plain string, and
/// ``AnyFlow/verdictLabel(_:in:)`` gives its words.
public protocol FlowVerdict: RawRepresentable, Sendable, Hashable, Codable where RawValue == String {
    /// The verdict in words for people in `language`, in sentence case: "Wrong password",
    /// "Refund instead"; "Refund sebagai gantinya". Written in the simulator's phrasebook.
    func label(in language: Language) -> String
}
