import Hummingbird
import KBContent
import KnowledgeBase
import Synchronization

/// Finished 200 answers of the read-only JSON routes, by content version and
/// request URI (path and query, as sent), within a budget of bytes.
///
/// The knowledge base is an immutable value, so an answer computed for one
/// version is the answer for that version for as long as it is served: a cached
/// response is exact, never stale. Entries of older versions are dropped on
/// reload. Each entry costs its body, its URI, its headers and a fixed overhead
/// (``entryOverhead``); when a new entry would pass the budget, the oldest entries
/// are evicted first, and an entry larger than an eighth of the budget is not kept.
final class ResponseCache: Sendable {
    private struct Key: Hashable {
        var version: String
        var uri: String
    }

    private struct Entry {
        var response: Response
        /// The route that answered, for the metrics of answers served before routing.
        var route: String
        var cost: Int
        var serial: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Keys in the order they were stored, oldest from `head`; a key whose entry was
        /// replaced or dropped since is skipped (its serial no longer matches).
        var order: [(key: Key, serial: Int)] = []
        var head = 0
        var nextSerial = 0
        var bytes = 0
        var evictions = 0
    }

    private let state = Mutex(State())
    /// The most the entries may cost together, in bytes.
    let budget: Int
    private let metrics: ServerMetrics?

    /// What an entry costs beyond its body, URI and headers: the dictionary slot, the
    /// response value and the bookkeeping, rounded up.
    static let entryOverhead = 256

    /// - Parameters:
    ///   - budget: the most all entries may cost, in bytes.
    ///   - metrics: where the cache reports its size and evictions (`/metrics`).
    init(budget: Int = ServerConfiguration.defaultCacheBytes, metrics: ServerMetrics? = nil) {
        self.budget = max(0, budget)
        self.metrics = metrics
        metrics?.observeCache(bytes: 0, entries: 0, budget: self.budget, evicted: 0)
    }

    /// An entry larger than this is not kept: it would push out too many others.
    var largestEntry: Int { budget / 8 }

    /// The cached response for this request under `version`, if any.
    func response(version: String, uri: String) -> Response? {
        answer(version: version, uri: uri)?.response
    }

    /// The cached response for this request under `version` and the route that answered it, if any.
    func answer(version: String, uri: String) -> (response: Response, route: String)? {
        state.withLock { state in
            state.entries[Key(version: version, uri: uri)].map { ($0.response, $0.route) }
        }
    }

    /// What keeping `response` for `uri` under `version` costs, in bytes.
    static func cost(of response: Response, version: String, uri: String) -> Int {
        var headerBytes = 0
        for field in response.headers { headerBytes += field.name.rawName.utf8.count + field.value.utf8.count + 4 }
        return (response.body.contentLength ?? 0) + uri.utf8.count + version.utf8.count + headerBytes + entryOverhead
    }

    /// Keeps `response` for later requests of `uri` under `version`, evicting the
    /// oldest entries as needed to stay within the budget.
    ///
    /// - Complexity: amortized O(1) per entry stored or evicted.
    func store(_ response: Response, version: String, uri: String, route: String = "unmatched") {
        let cost = Self.cost(of: response, version: version, uri: uri)
        guard cost <= largestEntry else { return }
        let key = Key(version: version, uri: uri)
        let (bytes, count, evicted) = state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.cost }
            var evicted = 0
            while state.bytes + cost > budget, state.head < state.order.count {
                let (oldest, serial) = state.order[state.head]
                state.head += 1
                if let entry = state.entries[oldest], entry.serial == serial {
                    state.entries[oldest] = nil
                    state.bytes -= entry.cost
                    evicted += 1
                }
            }
            if state.head > 1024, state.head * 2 > state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
            state.nextSerial += 1
            state.entries[key] = Entry(response: response, route: route, cost: cost, serial: state.nextSerial)
            state.order.append((key, state.nextSerial))
            state.bytes += cost
            state.evictions += evicted
            return (state.bytes, state.entries.count, evicted)
        }
        metrics?.observeCache(bytes: bytes, entries: count, budget: budget, evicted: evicted)
    }

    /// Drops every entry (the content changed).
    func removeAll() {
        state.withLock { $0 = State(evictions: $0.evictions) }
        metrics?.observeCache(bytes: 0, entries: 0, budget: budget, evicted: 0)
    }

    var count: Int { state.withLock { $0.entries.count } }

    /// What the entries cost together, in bytes; never more than ``budget``.
    var bytes: Int { state.withLock { $0.bytes } }

    /// Entries evicted to stay within the budget, since the cache was made.
    var evictions: Int { state.withLock { $0.evictions } }

    #if DEBUG
    /// Checks that the byte count is the sum of the entries' costs and within the budget.
    func _checkInvariants() {
        state.withLock { state in
            let sum = state.entries.values.reduce(0) { $0 + $1.cost }
            precondition(sum == state.bytes, "the cache's byte count \(state.bytes) is not the sum of its entries, \(sum)")
            precondition(state.bytes <= budget, "the cache holds \(state.bytes) bytes, over its budget of \(budget)")
        }
    }
    #endif
}

/// Takes the request's snapshot of the store; answers GET requests under `/v1/`
/// from a ``ResponseCache`` keyed by that snapshot's version, and fills it.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let cache: ResponseCache
    let store: KnowledgeBaseStore
    /// Paths answered afresh each time (the search, while searches are recorded).
    var uncachedPaths: Set<String> = []

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let snapshot = store.snapshot
        context.snapshot = snapshot
        guard let uri = Self.key(request, uncachedPaths: uncachedPaths) else {
            return try await next(request, context)
        }
        let version = snapshot.knowledgeBase.version
        if let cached = cache.response(version: version, uri: uri) { return cached }
        let response = try await next(request, context)
        if response.status == .ok {
            cache.store(response, version: version, uri: uri, route: context.endpointPath ?? "unmatched")
        }
        return response
    }

    /// The cache key of `request` (its URI as sent, and the language it asks for), or
    /// `nil` when its answer is not cached: not a GET under `/v1/`, or one of `uncachedPaths`.
    static func key(_ request: Request, uncachedPaths: Set<String>) -> String? {
        let path = request.uri.path
        guard request.method == .get, path.hasPrefix("/v1/"), !uncachedPaths.contains(path) else { return nil }
        return answerKey(request)
    }

    /// What tells one answer from another: the URI as sent and, as the same address
    /// answers in another language when Accept-Language differs, the language asked for.
    static func answerKey(_ request: Request) -> String {
        request.uri.description + (request.acceptedLanguage.map { "\u{0}" + $0.code } ?? "")
    }
}
