public import Hummingbird
import Foundation

/// An error the API answers with: an HTTP status and the JSON body every error
/// has, `{"error": {"code": "...", "message": "..."}}`, naming what was wrong.
///
/// `code` is a stable, kebab-case identifier for programs; `message` is for people
/// and says what to do. Close matches, where there are some, are in `suggestions`.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Values close to the one that was not found.
    public var suggestions: [String]
    /// The input a simulation could not use, when that is what was wrong.
    public var field: String?
    /// Headers the response needs, such as `Allow` on a 405.
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, code: String, message: String,
        suggestions: [String] = [], field: String? = nil, headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.suggestions = suggestions
        self.field = field
        self.headers = headers
    }

    /// The JSON body.
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var suggestions: [String]?
            var field: String?
        }

        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    /// The response, with the JSON body and ``headers``.
    func response() -> Response {
        var response = (try? Response.json(body, status: status)) ?? Response(status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    private var body: Body {
        Body(error: .init(code: code, message: message, suggestions: suggestions.isEmpty ? nil : suggestions, field: field))
    }

    /// The whole HTTP/1.1 response, bytes ready for the socket, with `Connection: close`
    /// and the security headers: for the refusals a connection answers itself,
    /// before any request reaches the router.
    func rawResponse(requestID: String) -> [UInt8] {
        let json = (try? Response.jsonData(body)) ?? Data()
        var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        var fields: HTTPFields = [
            .contentType: "application/json; charset=utf-8",
            .contentLength: String(json.count),
            .connection: "close",
        ]
        fields.append(contentsOf: SecurityHeadersMiddleware<ServerRequestContext>.headers)
        fields[.xRequestID] = requestID
        fields.append(contentsOf: headers)
        for field in fields { head += "\(field.name.rawName): \(field.value)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + Array(json)
    }
}

extension APIError {
    /// No route has this path.
    static func noRoute(_ path: String) -> APIError {
        APIError(
            .notFound, code: "not-found",
            message: "nothing at '\(path)'; the API is under /v1 (GET /openapi.yaml describes it)"
        )
    }

    /// The path exists, but not for this method.
    static func methodNotAllowed(_ method: HTTPRequest.Method, path: String, allowed: [HTTPRequest.Method]) -> APIError {
        let names = allowed.map(\.rawValue)
        return APIError(
            .methodNotAllowed, code: "method-not-allowed",
            message: "\(method.rawValue) is not allowed on '\(path)'; use \(names.joined(separator: " or "))",
            headers: [.allow: names.joined(separator: ", ")]
        )
    }

    /// Something failed inside the server; says nothing about what.
    static func internalError(requestID: String) -> APIError {
        APIError(
            .internalServerError, code: "internal-error",
            message: "the server failed to answer this request; it was logged with request id \(requestID)"
        )
    }

    /// A query parameter has a value the route cannot use.
    static func invalidParameter(_ name: String, _ value: String, expected: String) -> APIError {
        APIError(.badRequest, code: "invalid-parameter", message: "'\(value)' is not a valid value for '\(name)'; expected \(expected)")
    }

    /// A numeric query parameter outside the range the route accepts.
    static func outOfRange(_ name: String, _ value: Int, _ range: ClosedRange<Int>) -> APIError {
        APIError(
            .badRequest, code: "out-of-range",
            message: "'\(name)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)"
        )
    }

    /// A required query parameter is absent or empty.
    static func missingParameter(_ name: String, _ what: String) -> APIError {
        APIError(.badRequest, code: "missing-parameter", message: "the query parameter '\(name)' is required: \(what)")
    }
}

extension APIError {
    /// A request whose body the HTTP/1 decoder could not read (invalid chunked encoding, say).
    static func malformedRequest(_ error: any Error) -> APIError {
        APIError(
            .badRequest, code: "malformed-request",
            message: "the request is not valid HTTP/1.1 (\(error)); the connection is closed"
        )
    }

    /// A request the client stopped sending (it closed or reset the connection).
    static func incompleteRequest() -> APIError {
        APIError(.badRequest, code: "incomplete-request", message: "the connection failed before the request was complete")
    }
}
