public import KBContent

/// A range of addresses in CIDR form (`203.0.113.0/24`, `2001:db8::/32`); a single
/// address is the range of its full length (`/32`, `/128`).
///
/// An IPv4-mapped IPv6 range of prefix 96 or more (`::ffff:203.0.113.0/120`) is the
/// IPv4 range it maps (`203.0.113.0/24`). IPv4 ranges hold IPv4 addresses only and
/// IPv6 ranges IPv6 addresses only, so `::/0` does not hold `203.0.113.7`.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// Why some text is not a range.
    public enum ParseError: Error, Sendable, Hashable {
        /// The part before any `/` is no address.
        case notAnAddress
        /// A `/` with no number after it.
        case missingPrefix
        /// A prefix longer than the family's width.
        case prefixTooLong(Int, IPAddress.Family)

        /// What is wrong, in words that can follow the quoted text.
        public var reason: String { reason(in: .source) }

        /// What is wrong in `language`, in words that can follow the quoted text.
        public func reason(in language: Language) -> String {
            switch (self, language) {
            case (.notAnAddress, .english): "is not an IPv4 or IPv6 address or range"
            case (.notAnAddress, .indonesian): "bukan alamat atau rentang IPv4 maupun IPv6"
            case (.missingPrefix, .english): "has no prefix length after the /"
            case (.missingPrefix, .indonesian): "tidak punya panjang prefiks setelah tanda /"
            case let (.prefixTooLong(value, family), .english):
                "has prefix /\(value); an \(family.rawValue) prefix is 0 to \(family.bitWidth)"
            case let (.prefixTooLong(value, family), .indonesian):
                "memakai prefiks /\(value), padahal prefiks \(family.rawValue) hanya 0 sampai \(family.bitWidth)"
            }
        }
    }

    /// The first address of the range (host bits cleared).
    public let address: IPAddress
    public let prefixLength: Int

    /// Parses `address` or `address/prefix`.
    ///
    /// - Throws: ``ParseError`` saying whether the address or the prefix is wrong.
    public init(_ text: String) throws(ParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let parsed = IPAddress.parse(String(parts[0])) else {
            throw .notAnAddress
        }
        var prefix = parsed.family.bitWidth
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]) else {
                throw .missingPrefix
            }
            guard value <= parsed.family.bitWidth else {
                throw .prefixTooLong(value, parsed.family)
            }
            prefix = value
        }
        var base = parsed
        if parsed.isIPv4Mapped, prefix >= 96 {
            base = parsed.unmapped
            prefix -= 96
        }
        let mask = Self.mask(prefix, family: base.family)
        address = IPAddress(family: base.family, high: base.high & mask.high, low: base.low & mask.low)
        prefixLength = prefix
    }

    /// True when `candidate` is of the same family and inside the range.
    public func contains(_ candidate: IPAddress) -> Bool {
        let candidate = candidate.unmapped
        guard candidate.family == address.family else { return false }
        let mask = Self.mask(prefixLength, family: address.family)
        return candidate.high & mask.high == address.high && candidate.low & mask.low == address.low
    }

    /// The last address of the range.
    public var lastAddress: IPAddress {
        let mask = Self.mask(prefixLength, family: address.family)
        let width = address.family == .v4 ? UInt64(0xffff_ffff) : UInt64.max
        return IPAddress(
            family: address.family, high: address.family == .v4 ? 0 : address.high | ~mask.high,
            low: address.low | (~mask.low & width)
        )
    }

    /// `address/prefix` in canonical form.
    public var description: String { "\(address)/\(prefixLength)" }

    /// The netmask of `prefix` bits, high half first.
    private static func mask(_ prefix: Int, family: IPAddress.Family) -> (high: UInt64, low: UInt64) {
        let bits = family == .v4 ? prefix + 96 : prefix
        func word(_ count: Int) -> UInt64 {
            count <= 0 ? 0 : count >= 64 ? .max : ~(UInt64.max >> UInt64(count))
        }
        return (word(bits), word(bits - 64))
    }
}
