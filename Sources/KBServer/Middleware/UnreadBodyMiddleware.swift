import Hummingbird

/// Reads the body of a request to a route that takes none (every method but POST)
/// before the route answers, so that a body that cannot be read (invalid chunked
/// encoding, a client gone mid-body) or is too large is answered as what it is
/// (400, 413) rather than after a 200 the connection could not honour. Requests
/// without a body, nearly all of them, pass straight through.
struct UnreadBodyMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    /// The largest body read; more is a 413.
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .post, Self.hasBody(request.headers) else { return try await next(request, context) }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maxBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(maxBodySize)
        }
        return try await next(request, context)
    }

    /// Whether the head announces a body: chunked, or a length other than 0.
    static func hasBody(_ headers: HTTPFields) -> Bool {
        if headers[.transferEncoding] != nil { return true }
        guard let length = headers[.contentLength] else { return false }
        return length != "0"
    }
}
