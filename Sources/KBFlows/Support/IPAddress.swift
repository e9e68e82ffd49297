import Foundation

/// An IPv4 or IPv6 address, parsed from any of its usual forms.
///
/// IPv6 may be zero-compressed (`2001:db8::1`), written in full with leading zeros
/// (`2001:0db8:0000:…:0001`) or end in a dotted IPv4 part (`64:ff9b::203.0.113.7`).
/// An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`, `::ffff:cb00:7107`) is the IPv4
/// address it maps, so it compares equal to `203.0.113.7`.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Family: String, Sendable, Hashable, Codable {
        case v4 = "IPv4"
        case v6 = "IPv6"

        /// 32 or 128.
        public var bitWidth: Int { self == .v4 ? 32 : 128 }
    }

    public let family: Family
    /// The 128 bits, high half first; an IPv4 address holds its 32 bits in the low half.
    let high: UInt64
    let low: UInt64

    init(family: Family, high: UInt64, low: UInt64) {
        self.family = family
        self.high = high
        self.low = low
    }

    /// Parses `text`; `nil` when it is no IPv4 or IPv6 address.
    public init?(_ text: String) {
        guard let parsed = Self.parse(text) else { return nil }
        self = parsed.unmapped
    }

    /// The shortest standard form: dotted IPv4; RFC 5952 IPv6 (lower case, no leading
    /// zeros, the longest run of zero groups as `::`).
    public var description: String {
        switch family {
        case .v4:
            return [24, 16, 8, 0].map { String((low >> UInt64($0)) & 0xff) }.joined(separator: ".")
        case .v6:
            let groups = (0..<8).map { index -> UInt64 in
                let word = index < 4 ? high : low
                return (word >> UInt64(48 - 16 * (index % 4))) & 0xffff
            }
            var best = (start: -1, length: 0), run = (start: -1, length: 0)
            for (index, group) in groups.enumerated() {
                if group == 0 {
                    run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                    if run.length > best.length { best = run }
                } else {
                    run = (-1, 0)
                }
            }
            let hex = groups.map { String($0, radix: 16) }
            guard best.length >= 2 else { return hex.joined(separator: ":") }
            let head = hex[..<best.start].joined(separator: ":")
            let tail = hex[(best.start + best.length)...].joined(separator: ":")
            return head + "::" + tail
        }
    }

    /// True for addresses no one outside a private network sees: private and shared
    /// IPv4 ranges, loopback, link-local, and IPv6 unique-local.
    public var isPrivate: Bool {
        let ranges = family == .v4
            ? ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10"]
            : ["::1/128", "fc00::/7", "fe80::/10"]
        return ranges.contains { (try? IPNetwork($0))?.contains(self) == true }
    }

    /// An IPv4-mapped IPv6 address as the IPv4 address; any other address as it is.
    var unmapped: IPAddress {
        guard family == .v6, high == 0, low >> 32 == 0xffff else { return self }
        return IPAddress(family: .v4, high: 0, low: low & 0xffff_ffff)
    }

    /// True for an IPv6 address in `::ffff:0:0/96`.
    var isIPv4Mapped: Bool { family == .v6 && high == 0 && low >> 32 == 0xffff }

    /// Parses without turning mapped addresses into IPv4.
    static func parse(_ text: String) -> IPAddress? {
        if text.contains(":") { return parseIPv6(text) }
        return parseIPv4(text).map { IPAddress(family: .v4, high: 0, low: UInt64($0)) }
    }

    /// Four decimal numbers 0–255 without leading zeros.
    static func parseIPv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0", let number = UInt32(part), number <= 255 else { return nil }
            value = value << 8 | number
        }
        return value
    }

    private static func parseIPv6(_ text: String) -> IPAddress? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowIPv4, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(String(piece)) else { return nil }
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xffff)]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16) else {
                        return nil
                    }
                    result.append(group)
                }
            }
            return result
        }
        var all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowIPv4: false), let tail = groups(halves[1], allowIPv4: true),
                  head.count + tail.count <= 7 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let every = groups(text, allowIPv4: true), every.count == 8 else { return nil }
            all = every
        }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return IPAddress(family: .v6, high: high, low: low)
    }
}
