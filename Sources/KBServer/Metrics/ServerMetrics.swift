import Hummingbird
import KBAnalytics
import KBContent
import KnowledgeBase
import Metrics
public import class Prometheus.PrometheusCollectorRegistry
public import struct Prometheus.PrometheusMetricsFactory
import Synchronization

/// The server's metrics, made through swift-metrics and kept in a Prometheus
/// registry of their own (so that tests and servers in one process do not mix):
/// requests and their latency by route, method and status; the size of the
/// content being served; and reloads by result.
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` prints.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    private struct RequestKey: Hashable {
        var route: String
        var method: HTTPRequest.Method
        var status: Int
    }

    private struct RequestSeries: Sendable {
        var count: Counter
        var duration: Metrics.Timer
    }

    private let requestSeries = Mutex<[RequestKey: RequestSeries]>([:])
    private let articles: Gauge
    private let codes: Gauge
    private let categories: Gauge
    private let markdownBytes: Gauge
    private let reloadsSucceeded: Counter
    private let reloadsFailed: Counter
    private let lastReloadFailed: Gauge
    private let openConnections: Gauge
    private let openConnectionCount = Mutex(0)
    private let refusals = Mutex<[String: Counter]>([:])
    private let cacheBytes: Gauge
    private let cacheEntries: Gauge
    private let cacheBudget: Gauge
    private let cacheEvictions: Counter
    private let analytics = Mutex<(recorder: AnalyticsRecorder?, dropped: Int, written: Int)>((nil, 0, 0))
    private let analyticsDropped: Counter
    private let analyticsWritten: Counter
    private let analyticsQueued: Gauge

    /// Request latency buckets: from a tenth of a millisecond to a second.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1),
    ]

    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["kb_http_request_duration_seconds"] = Self.latencyBuckets
        self.registry = registry
        self.factory = factory
        articles = Gauge(label: "kb_content_items", dimensions: [("kind", "article")], factory: factory)
        codes = Gauge(label: "kb_content_items", dimensions: [("kind", "code")], factory: factory)
        categories = Gauge(label: "kb_content_items", dimensions: [("kind", "category")], factory: factory)
        markdownBytes = Gauge(label: "kb_content_markdown_bytes", factory: factory)
        reloadsSucceeded = Counter(label: "kb_content_reloads_total", dimensions: [("result", "ok")], factory: factory)
        reloadsFailed = Counter(label: "kb_content_reloads_total", dimensions: [("result", "failed")], factory: factory)
        lastReloadFailed = Gauge(label: "kb_content_last_reload_failed", factory: factory)
        openConnections = Gauge(label: "kb_http_open_connections", factory: factory)
        cacheBytes = Gauge(label: "kb_response_cache_bytes", factory: factory)
        cacheEntries = Gauge(label: "kb_response_cache_entries", factory: factory)
        cacheBudget = Gauge(label: "kb_response_cache_budget_bytes", factory: factory)
        cacheEvictions = Counter(label: "kb_response_cache_evictions_total", factory: factory)
        analyticsDropped = Counter(label: "kb_analytics_dropped_total", factory: factory)
        analyticsWritten = Counter(label: "kb_analytics_written_total", factory: factory)
        analyticsQueued = Gauge(label: "kb_analytics_queued_events", factory: factory)
        analyticsDropped.increment(by: 0)
        openConnections.record(0)
        cacheBytes.record(0)
        cacheEntries.record(0)
        cacheEvictions.increment(by: 0)
    }

    /// Counts a request and its duration.
    func recordRequest(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status.code)
        let series = requestSeries.withLock { series in
            if let existing = series[key] { return existing }
            let dimensions = [("route", route), ("method", method.rawValue), ("status", String(status.code))]
            let made = RequestSeries(
                count: Counter(label: "kb_http_requests_total", dimensions: dimensions, factory: factory),
                duration: Metrics.Timer(label: "kb_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            )
            series[key] = made
            return made
        }
        series.count.increment()
        series.duration.record(duration: duration)
    }

    /// A connection was accepted.
    func connectionOpened() {
        openConnections.record(openConnectionCount.withLock { count in
            count += 1
            return count
        })
    }

    /// A connection was closed.
    func connectionClosed() {
        openConnections.record(openConnectionCount.withLock { count in
            count = max(0, count - 1)
            return count
        })
    }

    /// A request the connection refused before the router saw it (`missing-host`,
    /// `uri-too-long`, `header-timeout`, `malformed-request`, …), or a body that timed out.
    func recordRefusal(_ code: String) {
        let counter = refusals.withLock { counters in
            if let existing = counters[code] { return existing }
            let made = Counter(label: "kb_http_refused_total", dimensions: [("error", code)], factory: factory)
            counters[code] = made
            return made
        }
        counter.increment()
    }

    /// The response cache's size after a change, and the entries it evicted for it.
    func observeCache(bytes: Int, entries: Int, budget: Int, evicted: Int) {
        cacheBytes.record(bytes)
        cacheEntries.record(entries)
        cacheBudget.record(budget)
        if evicted > 0 { cacheEvictions.increment(by: evicted) }
    }

    /// Sets the content gauges from the knowledge base being served.
    func observe(_ knowledgeBase: KnowledgeBase) {
        let content = knowledgeBase.content
        articles.record(content.articles.count)
        codes.record(content.responseCodes.count)
        categories.record(content.categories.count)
        markdownBytes.record(content.articles.reduce(0) { $0 + $1.body.utf8.count })
    }

    /// Counts a reload and, when it worked, the new content's size.
    func observe(_ result: ReloadStatus.Result, serving knowledgeBase: KnowledgeBase) {
        switch result {
        case .succeeded:
            reloadsSucceeded.increment()
            lastReloadFailed.record(0)
        case .failed:
            reloadsFailed.increment()
            lastReloadFailed.record(1)
        }
        observe(knowledgeBase)
    }

    /// Reports `recorder`'s events (dropped, written, queued) in ``exposition()``.
    func observeAnalytics(_ recorder: AnalyticsRecorder?) {
        analytics.withLock { $0.recorder = recorder }
    }

    /// Brings the analytics counters up to the recorder's counts.
    private func updateAnalytics() {
        let (queued, droppedDelta, writtenDelta) = analytics.withLock { state -> (Int, Int, Int) in
            guard let recorder = state.recorder else { return (0, 0, 0) }
            let dropped = recorder.droppedCount, written = recorder.writtenCount
            defer { state.dropped = dropped; state.written = written }
            return (recorder.pendingCount, dropped - state.dropped, written - state.written)
        }
        analyticsQueued.record(queued)
        if droppedDelta > 0 { analyticsDropped.increment(by: droppedDelta) }
        if writtenDelta > 0 { analyticsWritten.increment(by: writtenDelta) }
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        updateAnalytics()
        return registry.emitToString()
    }
}
