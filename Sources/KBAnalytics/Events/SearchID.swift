public import Foundation

/// The opaque id of a recorded search (`searchId` in a search's answer), which clicks
/// refer to: 128 bits, written as 32 lowercase hex digits.
///
/// The first 48 bits are the time in milliseconds, the other 80 come from the system's
/// generator (``RandomBytePool``). The random part makes an id unguessable; the time
/// makes ids sort in the order they were made, so the table keyed by them grows at its
/// end instead of dirtying a page at random for each row, and a period is a range of ids.
///
/// A value, not a string: a search answered from the cache makes one with no
/// allocation, writes its digits straight into the response, and the writer binds
/// them from its own buffer (a string would be allocated by the request's thread and freed
/// by the writer's, for every search).
public struct SearchID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A new id for a search made at `date`.
    public init(at date: Date = Date()) {
        let time = Self.milliseconds(of: date)
        let (random, more) = RandomBytePool.shared.next(UInt64.self, UInt16.self)
        self.init(high: time << 16 | random >> 48, low: random << 16 | UInt64(more))
    }

    /// The first 12 digits of the ids made at `date`: its milliseconds, as ids carry them.
    /// Ids made at or after `date` sort (as text) at or after it, ids made before sort
    /// before it; the report's periods and the retention go by it (``AnalyticsSchema``).
    public static func timePrefix(of date: Date) -> String {
        String(SearchID(high: milliseconds(of: date) << 16, low: 0).description.prefix(timeDigits))
    }

    /// The digits of an id that are its time.
    public static let timeDigits = 12

    /// `date` in milliseconds as an id holds it: 48 bits, from 1970.
    private static func milliseconds(of date: Date) -> UInt64 {
        UInt64(clamping: max(0, date.milliseconds)) & 0xFFFF_FFFF_FFFF
    }

    /// The id `text` writes (32 lowercase hex digits), or `nil` when it is not one.
    public init?(_ text: String) {
        var text = text
        guard let parsed = text.withUTF8(Self.parse) else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> SearchID? {
        guard bytes.count == length else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<length {
            let byte = bytes[index]
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            if index < 16 { high = high << 4 | digit } else { low = low << 4 | digit }
        }
        return SearchID(high: high, low: low)
    }

    /// The length of an id's text, in bytes.
    public static let length = 32

    /// Writes the 32 digits into `buffer` (at least ``length`` bytes).
    public func write(to buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= Self.length, "a search id needs \(Self.length) bytes")
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<16 {
            let shift = UInt64(60 - 4 * index)
            buffer[index] = digits.utf8Start[Int(high >> shift & 0xF)]
            buffer[16 + index] = digits.utf8Start[Int(low >> shift & 0xF)]
        }
    }

    /// The 32 digits.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.length) { buffer in
            write(to: UnsafeMutableRawBufferPointer(buffer))
            return Self.length
        }
    }

    public static func < (lhs: SearchID, rhs: SearchID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
