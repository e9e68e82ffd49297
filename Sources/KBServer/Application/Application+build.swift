public import Hummingbird
public import Logging
import HummingbirdCore
import KBContent

/// Builds the kb HTTP application: the JSON API (articles, codes, answers, search,
/// flow simulations), health, metrics, the OpenAPI document and, at `/` and every
/// other path, the static help site, served from `store`. The server and the tests both call this.
///
/// - Parameters:
///   - configuration: where to listen, and the base URL for links.
///   - store: the knowledge base to serve; reloading it is the caller's business
///     (``ContentReloadService`` in `kb serve`).
///   - metrics: where request and content metrics go; `/metrics` prints them.
///   - logger: the server's logger; one line per request at info.
///   - onListening: called with the server's URL once it accepts connections.
public func buildApplication(
    _ configuration: ServerConfiguration,
    store: KnowledgeBaseStore,
    metrics: ServerMetrics = ServerMetrics(),
    analytics: ServerAnalytics = .off,
    logger: Logger,
    onListening: @escaping @Sendable (String) -> Void = { _ in }
) -> some ApplicationProtocol {
    metrics.observe(store.knowledgeBase)
    metrics.observeAnalytics(analytics.recorder)
    store.onReload { result, snapshot in metrics.observe(result, serving: snapshot.knowledgeBase) }
    let url = "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(configuration.port)"
    let limits = configuration.connections
    let cache = ResponseCache(budget: configuration.cacheBytes, metrics: metrics)
    let uncached = uncachedPaths(analytics)
    let log = RequestLogMiddleware(metrics: metrics)
    let search = SearchController(store: store, recorder: analytics.recorder)
    let router = buildRouter(configuration, store: store, cache: cache, log: log, uncachedPaths: uncached, search: search, analytics: analytics)
    let fast = configuration.answersBeforeRouting
    return Application(
        router: FastPathRouter(
            router: router, cache: fast ? cache : nil, store: store, uncachedPaths: uncached, log: log,
            recordedSearch: fast && analytics.recorder != nil ? search : nil
        ),
        server: .guardedHTTP1(limits: limits, metrics: metrics),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: nil,
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)
        ),
        onServerRunning: { _ in onListening(url) },
        logger: logger
    )
}

/// The paths whose answers are never cached. Each search is recorded and gets its own
/// searchId, so searches are not cached while recording. The report is never cached:
/// it changes with every event, and needs its token each time.
func uncachedPaths(_ analytics: ServerAnalytics) -> Set<String> {
    analytics.recorder == nil ? [ServerRoute.report.path] : [ServerRoute.report.path, ServerRoute.search.path]
}

/// The router: middleware first (outermost first; ``SiteMiddleware`` answers the site
/// paths), then one endpoint per ``ServerRoute``.
func buildRouter(
    _ configuration: ServerConfiguration, store: KnowledgeBaseStore, cache: ResponseCache, log: RequestLogMiddleware,
    uncachedPaths uncached: Set<String>, search: SearchController, analytics: ServerAnalytics
) -> Router<ServerRequestContext> {
    let metrics = log.metrics
    let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: log)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: APICORSMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: UnreadBodyMiddleware(maxBodySize: configuration.maxBodySize))
    store.onReload { _, _ in cache.removeAll() }
    router.add(middleware: ResponseCacheMiddleware(cache: cache, store: store, uncachedPaths: uncached))
    router.add(middleware: SiteMiddleware(store: store))

    let links = SiteLinks(baseURL: configuration.baseURL)
    let articles = ArticlesController(store: store, links: links)
    let codes = CodesController(store: store, links: links)
    let answers = AnswersController(store: store, renderer: AnswerTextRenderer(baseURL: configuration.baseURL))
    let events = EventsController(store: store, analytics: analytics, baseURL: configuration.baseURL)
    let reports = ReportController(store: store, analytics: analytics)
    let flows = FlowsController(store: store, maxBodySize: configuration.maxBodySize)
    let explain = ExplainController(store: store, maxBodySize: configuration.maxBodySize)
    for route in ServerRoute.allCases {
        let path = RouterPath(stringLiteral: route.path)
        switch route {
        case .articles: router.on(path, method: route.method, use: articles.list)
        case .article: router.on(path, method: route.method, use: articles.article)
        case .articleAnswer: router.on(path, method: route.method, use: answers.article)
        case .categories: router.on(path, method: route.method, use: articles.categories)
        case .codes: router.on(path, method: route.method, use: codes.list)
        case .code: router.on(path, method: route.method, use: codes.code)
        case .codeAnswer: router.on(path, method: route.method, use: answers.code)
        case .search: router.on(path, method: route.method, use: search.search)
        case .suggest: router.on(path, method: route.method, use: search.suggest)
        case .flows: router.on(path, method: route.method, use: flows.list)
        case .simulate: router.on(path, method: route.method, use: flows.simulate)
        case .explain: router.on(path, method: route.method, use: explain.explain)
        case .suggestAnswer: router.on(path, method: route.method, use: answers.suggest)
        case .health:
            router.on(path, method: route.method) { _, context in
                try Response.json(HealthReport(context.snapshot(of: store), watching: configuration.watch, analytics: analytics.recorder))
            }
        case .metrics:
            router.on(path, method: route.method) { _, _ in
                Response.text(metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
        case .feedback: router.on(path, method: route.method, use: events.feedback)
        case .click: router.on(path, method: route.method, use: events.click)
        case .report: router.on(path, method: route.method, use: reports.json)
        case .adminReport: router.on(path, method: route.method, use: reports.html)
        case .openAPI:
            router.on(path, method: route.method) { _, _ in
                Response.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
            }
        }
    }
    return router
}
