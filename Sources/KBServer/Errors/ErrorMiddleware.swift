public import Hummingbird
import Logging

/// Turns every error into the API's JSON error answer.
///
/// ``APIError``s answer as they are; Hummingbird's own errors (no such route, a
/// body too large) keep their status in the same JSON shape; a path that exists
/// for other methods answers 405 with `Allow`; anything else is a 500 that names
/// only the request id, and is logged in full under that id.
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
        } catch {
            context.logger.error("internal error", metadata: [
                "error": .string(String(reflecting: error)),
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
            ])
            return APIError.internalError(requestID: context.requestID).response()
        }
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
