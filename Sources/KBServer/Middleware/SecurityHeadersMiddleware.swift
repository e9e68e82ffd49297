public import Hummingbird

/// Adds the security headers to every response: a Content-Security-Policy for a
/// static site that loads only its own CSS, scripts and images and may not be
/// framed, no MIME sniffing, and a referrer policy that keeps paths private.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy: everything from this origin only, no plugins, no framing.
    public static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    }

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response)
        return response
    }

    /// Sets ``headers`` on `response` (the cached fast path calls this too).
    static func apply(to response: inout Response) {
        for field in headers { response.headers[field.name] = field.value }
    }

    /// The headers every response carries, those the connection writes itself included.
    static var headers: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "strict-origin-when-cross-origin",
            .xFrameOptions: "DENY",
        ]
    }
}

/// Header names HTTPTypes does not define (`HTTPFields.Element` is `HTTPField`).
extension HTTPFields.Element.Name {
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    static var xRequestID: Self { Self("X-Request-ID")! }
}
