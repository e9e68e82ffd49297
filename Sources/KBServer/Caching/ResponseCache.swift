import Hummingbird
import KBContent
import KnowledgeBase
import Synchronization

/// Finished 200 answers of the read-only JSON routes, by content version and
/// request URI (path and query, as sent).
///
/// The knowledge base is an immutable value, so an answer computed for one
/// version is the answer for that version for as long as it is served: a cached
/// response is exact, never stale. Entries of older versions are dropped on
/// reload; when the cache is full it is emptied and fills again from the traffic.
final class ResponseCache: Sendable {
    private struct Key: Hashable {
        var version: String
        var uri: String
    }

    private let entries = Mutex<[Key: Response]>([:])
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The cached response for this request under `version`, if any.
    func response(version: String, uri: String) -> Response? {
        entries.withLock { $0[Key(version: version, uri: uri)] }
    }

    /// Keeps `response` for later requests of `uri` under `version`.
    func store(_ response: Response, version: String, uri: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(version: version, uri: uri)] = response
        }
    }

    /// Drops every entry (the content changed).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }

    var count: Int { entries.withLock { $0.count } }
}

/// Takes the request's snapshot of the store; answers GET requests under `/v1/`
/// from a ``ResponseCache`` keyed by that snapshot's version, and fills it.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let cache: ResponseCache
    let store: KnowledgeBaseStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let snapshot = store.snapshot
        context.snapshot = snapshot
        guard request.method == .get, request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let version = snapshot.knowledgeBase.version
        // The same address answers in another language when Accept-Language differs.
        let uri = request.uri.description + (request.acceptedLanguage.map { "\u{0}" + $0.code } ?? "")
        if let cached = cache.response(version: version, uri: uri) { return cached }
        let response = try await next(request, context)
        if response.status == .ok { cache.store(response, version: version, uri: uri) }
        return response
    }
}
