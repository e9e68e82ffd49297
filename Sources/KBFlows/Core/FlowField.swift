/// One input of a flow: what front ends show when they ask for it or document it.
public struct FlowField: Sendable, Hashable, Codable {
    /// The kind of value a field takes, which decides how it is read and validated.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case text
        case email
        /// `yes` or `no` (also `true`/`false`, `y`/`n`, `1`/`0`).
        case boolean
        case integer
        /// One of ``FlowField/allowedValues``.
        case choice
        /// ISO 8601 (`2026-11-25T09:30:00+07:00`); without an offset, in the run's time zone.
        case dateTime = "date-time"
        /// Several values: a JSON array, or one string separated by commas.
        case list
        /// A web site's host name or address (`shop.example.co.id`, `https://example.com/shop`).
        case host
        case url
        /// An IPv4 or IPv6 address.
        case ipAddress = "ip-address"
    }

    /// The key in `--set name=value` and in JSON input.
    public var name: String
    public var kind: Kind
    /// The value used when none is given; `nil` when the field is required.
    public var defaultValue: String?
    /// One sentence on what to enter.
    public var help: String
    /// The values a ``Kind/choice`` field accepts (matched without regard to case,
    /// spaces or hyphens); empty for other kinds.
    public var allowedValues: [String]
    /// A value that would be accepted, for prompts and documentation.
    public var example: String?

    public init(
        _ name: String, _ kind: Kind, default defaultValue: String? = nil, help: String,
        allowedValues: [String] = [], example: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
        self.allowedValues = allowedValues
        self.example = example
    }

    /// True when the field has no default and must be given.
    public var isRequired: Bool { defaultValue == nil }

    enum CodingKeys: String, CodingKey {
        case name
        case kind = "type"
        case defaultValue = "default"
        case help
        case allowedValues = "allowed"
        case example
    }
}
