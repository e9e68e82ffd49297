import Foundation
import Hummingbird

extension RequestContext {
    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}

extension Request {
    /// The query's parameters, form-decoded as browsers and curl encode them (`+` is a
    /// space, then percent-decoding), each checked against ``RequestLimits``: `q` at
    /// most ``RequestLimits/query`` characters, `var.NAME` ``RequestLimits/answerVariable``,
    /// any other value and every name ``RequestLimits/parameter``.
    ///
    /// - Throws: ``APIError`` `value-too-long` naming the first parameter over its limit.
    func parameters() throws(APIError) -> Parameters {
        var pairs: [Parameters.Element] = []
        for (name, value) in queryPairs() {
            let nameLength = RequestLimits.length(name)
            if nameLength > RequestLimits.parameter {
                throw .valueTooLong(parameter: name, length: nameLength, limit: RequestLimits.parameter)
            }
            let limit = Self.limit(ofParameter: name)
            let length = RequestLimits.length(value)
            if length > limit { throw .valueTooLong(parameter: name, length: length, limit: limit) }
            pairs.append((key: name[...], value: value[...]))
        }
        return Parameters(pairs)
    }

    /// The query string's `name=value` pairs, form-decoded (`+` is a space), in order;
    /// no limit applied.
    func queryPairs() -> [(name: String, value: String)] {
        guard let query = uri.query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { part in
            guard let equals = part.firstIndex(of: "=") else { return (Self.formDecoded(part), "") }
            return (Self.formDecoded(part[..<equals]), Self.formDecoded(part[part.index(after: equals)...]))
        }
    }

    /// The longest value the parameter `name` may have.
    static func limit(ofParameter name: String) -> Int {
        if name == "q" { return RequestLimits.query }
        if name.hasPrefix(AnswerRequest.variablePrefix) { return RequestLimits.answerVariable }
        return RequestLimits.parameter
    }

    /// `+` as a space, then percent-decoding (kept as sent where it is malformed): one
    /// pass over the bytes, and Foundation's `removingPercentEncoding` only for the
    /// rare text whose escapes are malformed or decode to bytes that are not UTF-8.
    static func formDecoded(_ text: Substring) -> String {
        var decoded: [UInt8] = []
        var plusOnly: [UInt8] = []
        var changed = false, valid = true
        let bytes = text.utf8
        var index = bytes.startIndex
        decoded.reserveCapacity(bytes.count)
        plusOnly.reserveCapacity(bytes.count)
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                decoded.append(0x20)
                plusOnly.append(0x20)
                changed = true
            case UInt8(ascii: "%"):
                changed = true
                plusOnly.append(byte)
                guard valid, index != bytes.endIndex, let high = hexValue(bytes[index]),
                      bytes.index(after: index) != bytes.endIndex, let low = hexValue(bytes[bytes.index(after: index)])
                else {
                    valid = false
                    continue
                }
                decoded.append(high << 4 | low)
                plusOnly.append(bytes[index])
                plusOnly.append(bytes[bytes.index(after: index)])
                index = bytes.index(index, offsetBy: 2)
            default:
                decoded.append(byte)
                plusOnly.append(byte)
            }
        }
        guard changed else { return String(text) }
        if valid, let text = String(validating: decoded, as: UTF8.self) { return text }
        let spaced = String(decoding: plusOnly, as: UTF8.self)
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// The value of a hexadecimal digit (`0`–`9`, `a`–`f`, `A`–`F`) given as an ASCII byte,
/// for percent-decoding.
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

extension Parameters {
    /// A query parameter's value, `nil` when absent; given more than once, a 400.
    func single(_ name: String) throws(APIError) -> String? {
        let values = self[values: name[...]]
        guard values.count <= 1 else { throw APIError.repeatedParameter(name, count: values.count) }
        return values.first.map(String.init)
    }
}

extension Parameters {
    /// A whole-number query parameter within `range`, `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(APIError) -> Int {
        guard let text = try single(name) else { return fallback }
        guard let value = Int(text) else {
            throw .invalidParameter(name, text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else { throw .outOfRange(name, value, range) }
        return value
    }
}

extension APIError {
    static func repeatedParameter(_ name: String, count: Int) -> APIError {
        APIError(.badRequest, code: "repeated-parameter", message: "the query parameter '\(name)' is given \(count) times; give it once")
    }
}
