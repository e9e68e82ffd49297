import Hummingbird
import KnowledgeBase

/// Answers requests the ``ResponseCache`` already holds before routing: no route
/// lookup, no middleware chain, no snapshot in the context. Everything the chain
/// would add to a cached answer is added here by the same functions, in the same
/// order (CORS, the security headers, then metrics, `X-Request-ID` and the log line),
/// so the bytes are those of the routed answer; anything else goes to `next`.
///
/// While searches are recorded, the response cache holds none (each answer carries its
/// own `searchId`); a search ``SearchController`` has answered before is then recorded
/// and answered here, with a fresh id, by the controller's own function.
///
/// A request with a body is left to the router, which reads (or refuses) it first.
struct CachedAnswerResponder<Next: HTTPResponder>: HTTPResponder where Next.Context == ServerRequestContext {
    let next: Next
    /// `nil` turns the fast path off: every request is routed.
    let cache: ResponseCache?
    let store: KnowledgeBaseStore
    /// Paths the cache never holds (as ``ResponseCacheMiddleware/uncachedPaths``).
    let uncachedPaths: Set<String>
    let log: RequestLogMiddleware
    /// The search controller while it records searches and the fast path is on.
    let recordedSearch: SearchController?

    func respond(to request: Request, context: ServerRequestContext) async throws -> Response {
        let start = ContinuousClock.now
        guard !UnreadBodyMiddleware.hasBody(request.headers) else { return try await next.respond(to: request, context: context) }
        let version = store.snapshot.knowledgeBase.version
        if let recordedSearch, request.method == .get, request.uri.path == ServerRoute.search.path,
           var response = recordedSearch.recordedAnswer(request, version: version) {
            finish(&response, request: request, context: context, route: ServerRoute.search.path, since: start)
            return response
        }
        guard let cache, let uri = ResponseCacheMiddleware.key(request, uncachedPaths: uncachedPaths),
              let (cached, route) = cache.answer(version: version, uri: uri)
        else {
            return try await next.respond(to: request, context: context)
        }
        var response = cached
        finish(&response, request: request, context: context, route: route, since: start)
        return response
    }

    /// What the middleware adds to an answer, in its order: CORS, the security headers,
    /// then metrics, `X-Request-ID` and the log line.
    private func finish(_ response: inout Response, request: Request, context: ServerRequestContext, route: String, since start: ContinuousClock.Instant) {
        APICORSMiddleware<ServerRequestContext>.allowOrigin(request, &response)
        SecurityHeadersMiddleware<ServerRequestContext>.apply(to: &response)
        log.finish(&response, request: request, context: context, route: route, since: start)
    }
}

/// The router, with ``CachedAnswerResponder`` in front.
struct FastPathRouter: HTTPResponderBuilder {
    let router: Router<ServerRequestContext>
    let cache: ResponseCache?
    let store: KnowledgeBaseStore
    let uncachedPaths: Set<String>
    let log: RequestLogMiddleware
    let recordedSearch: SearchController?

    func buildResponder() -> CachedAnswerResponder<RouterResponder<ServerRequestContext>> {
        CachedAnswerResponder(next: router.buildResponder(), cache: cache, store: store, uncachedPaths: uncachedPaths, log: log, recordedSearch: recordedSearch)
    }
}
