import Foundation
import Hummingbird

extension RequestContext {
    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
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
