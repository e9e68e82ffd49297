public import Hummingbird

/// CORS for the read-only JSON API: any origin may GET (and HEAD) under `/v1`,
/// and a preflight there is answered; nothing else gets CORS headers, so the
/// site, metrics and health pages stay same-origin.
public struct APICORSMiddleware<Context: RequestContext>: RouterMiddleware {
    static var allowedMethods: [HTTPRequest.Method] { [.get, .head] }

    public init() {}

    /// Lets any origin read the answer to a cross-origin GET or HEAD under `/v1`
    /// (the cached fast path calls this too).
    static func allowOrigin(_ request: Request, _ response: inout Response) {
        let path = request.uri.path
        guard path == "/v1" || path.hasPrefix("/v1/"), request.headers[.origin] != nil,
              allowedMethods.contains(request.method)
        else { return }
        response.headers[.accessControlAllowOrigin] = "*"
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == "/v1" || path.hasPrefix("/v1/"), request.headers[.origin] != nil else {
            return try await next(request, context)
        }
        if request.method == .options, let wanted = request.headers[.accessControlRequestMethod] {
            guard Self.allowedMethods.map(\.rawValue).contains(wanted) else {
                throw APIError(
                    .forbidden, code: "cors-method-not-allowed",
                    message: "cross-origin \(wanted) is not allowed on '\(path)'; only GET and HEAD are"
                )
            }
            return Response(status: .noContent, headers: [
                .accessControlAllowOrigin: "*",
                .accessControlAllowMethods: Self.allowedMethods.map(\.rawValue).joined(separator: ", "),
                .accessControlAllowHeaders: "Accept, Content-Type",
                .accessControlMaxAge: "600",
            ])
        }
        var response = try await next(request, context)
        Self.allowOrigin(request, &response)
        return response
    }
}
