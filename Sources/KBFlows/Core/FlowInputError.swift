/// An input value a simulator cannot run on, naming the field and saying how to fix it.
///
/// ``description`` reads `ip: '300.1.1.1' is not an IPv4 or IPv6 address`; ``hint``
/// says what would be accepted. Over HTTP this is a 400 with the field named.
public struct FlowInputError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input's name (`ip`), or `input` when the whole input is malformed.
    public var field: String
    /// What is wrong, quoting the value.
    public var message: String
    /// What to enter instead.
    public var hint: String?

    public init(field: String, _ message: String, hint: String? = nil) {
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
