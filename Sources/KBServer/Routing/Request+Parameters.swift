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

extension APIError {
    static func repeatedParameter(_ name: String, count: Int) -> APIError {
        APIError(.badRequest, code: "repeated-parameter", message: "the query parameter '\(name)' is given \(count) times; give it once")
    }
}
