public import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error into the API's JSON error answer.
///
/// ``APIError``s answer as they are; Hummingbird's own errors (no such route, a
/// body too large) keep their status in the same JSON shape; a path that exists
/// for other methods answers 405 with `Allow`; anything else is a 500 that names
/// only the request id, and is logged in full under that id. A request the HTTP/1
/// decoder could not finish reading (invalid chunked encoding) is a 400
/// `malformed-request`; a connection that failed mid-request (the client left)
/// is a 400 `incomplete-request` that nobody reads, logged at info: neither counts
/// as a server error.
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = ServerRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as any HTTPResponseError {
            return translate(error, request: request).response()
        } catch let error as HTTPParserError {
            // The decoder could not read the rest of the request (its body): the client's fault.
            return APIError.malformedRequest(error).response()
        } catch let error where Self.isConnectionFailure(error) {
            // The client went away mid-request: nothing can be answered, and it is no server error.
            context.logger.info("the connection failed while the request was read", metadata: [
                "error": .string(String(describing: error)),
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
            ])
            return APIError.incompleteRequest().response()
        } catch {
            context.logger.error("internal error", metadata: [
                "error": .string(String(reflecting: error)),
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
            ])
            return APIError.internalError(requestID: context.requestID).response()
        }
    }

    /// Whether `error` is the connection failing (reset, closed) rather than the server.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        error is IOError || error is ChannelError
    }

    /// The API error for one of Hummingbird's.
    private func translate(_ error: any HTTPResponseError, request: Request) -> APIError {
        let path = request.uri.path
        switch error.status {
        case .notFound:
            let allowed = ServerRoute.allowedMethods(forPath: path)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                return .methodNotAllowed(request.method, path: path, allowed: allowed)
            }
            return .noRoute(path)
        case .contentTooLarge:
            return APIError(.contentTooLarge, code: "body-too-large", message: "the request body is larger than the server accepts")
        default:
            let code = error.status.reasonPhrase.lowercased().split(separator: " ").joined(separator: "-")
            return APIError(error.status, code: code, message: "\(error.status.code) \(error.status.reasonPhrase)")
        }
    }
}
