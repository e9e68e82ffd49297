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

    /// `+` as a space, then percent-decoding (kept as sent where it is malformed).
    static func formDecoded(_ text: Substring) -> String {
        let spaced = text.contains("+") ? text.replacingOccurrences(of: "+", with: " ") : String(text)
        return spaced.removingPercentEncoding ?? spaced
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
