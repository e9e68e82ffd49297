import Foundation
import Hummingbird
import HummingbirdTesting
import KBAnalytics
import KBServer
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// A real SQLite analytics file in a fresh folder and a recorder writing to it, run as
/// `kb serve` runs it (a service, stopped gracefully so that its queue is written).
struct AnalyticsFixture: Sendable {
    let folder: URL
    let store: any AnalyticsStore
    let recorder: AnalyticsRecorder

    init(store makeStore: (String) throws -> any AnalyticsStore = { try SQLiteAnalyticsStore(path: $0) }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-server-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try makeStore(folder.appendingPathComponent("analytics.sqlite").path)
        recorder = AnalyticsRecorder(store: store, retryInterval: .milliseconds(20), logger: Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Runs the recorder while `body` runs, then stops it; returns the report of everything written.
    func run(_ body: @Sendable () async throws -> Void) async throws -> AnalyticsReport {
        let group = ServiceGroup(configuration: .init(services: [recorder], logger: Logger(label: "kb-test", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        return try await store.report(ReportQuery(since: Date().addingTimeInterval(-3600)))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension TestClientProtocol {
    func post(_ uri: String, contentType: String, body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = contentType
        return try await execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body)) { $0 }
    }
}

@Suite("Analytics routes")
struct AnalyticsRouteTests {
    @Test("searching xyzzy twice puts it among the zero-result queries with count 2; each search has its own searchId")
    func zeroResultQueries() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        let ids = Mutex<[String]>([])
        let report = try await fixture.run {
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                for _ in 0..<2 {
                    let response = try await client.get("/v1/search?q=xyzzy")
                    #expect(response.status == .ok)
                    let body = try response.object
                    #expect(body["total"] as? Int == 0)
                    let id = try #require(body["searchId"] as? String)
                    ids.withLock { $0.append(id) }
                }
                let found = try await client.get("/v1/search?q=account%20locked").object
                #expect(found["searchId"] is String)
            }
        }
        #expect(Set(ids.withLock { $0 }).count == 2)
        let xyzzy = try #require(report.zeroResultQueries.first { $0.query == "xyzzy" })
        #expect(xyzzy.count == 2 && xyzzy.lang == "en")
        #expect(report.totals.searches == 3 && report.totals.zeroResults == 2)
        #expect(report.topQueries.contains { $0.query == "account locked" && $0.zeroResults == 0 })
    }

    @Test("without analytics, search answers carry no searchId and the event routes are 404")
    func analyticsOff() async throws {
        try await withServer { client in
            #expect(try await client.get("/v1/search?q=xyzzy").object["searchId"] == nil)
            let response = try await client.post("/v1/feedback", contentType: "application/json", body: #"{"kind":"article","id":"unlock-account","helpful":true}"#)
            #expect(response.status == .notFound)
            #expect(try response.error.code == "analytics-off")
        }
    }

    @Test("a click on a hit is recorded with its rank; clicks past rank 3 show in the report")
    func clicks() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        let report = try await fixture.run {
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                let search = try await client.get("/v1/search?q=payment").object
                let id = try #require(search["searchId"] as? String)
                for rank in [5, 6] {
                    let click = try await client.post("/v1/events/click", contentType: "application/json", body: #"{"searchId":"\#(id)","kind":"article","id":"cancel-transaction","rank":\#(rank)}"#)
                    #expect(click.status == .accepted)
                }
                let bad = try await client.post("/v1/events/click", contentType: "application/json", body: #"{"searchId":"nope","kind":"article","id":"cancel-transaction","rank":1}"#)
                #expect(bad.status == .badRequest)
            }
        }
        #expect(report.totals.clicks == 2)
        #expect(report.pastRank3Queries.first?.query == "payment" && report.pastRank3Queries.first?.pastRank3 == 2)
    }

    @Test("feedback as JSON is 202; as a form 303 back to the page's thank-you; both in the report, masked")
    func feedback() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        let report = try await fixture.run {
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                let json = try await client.post(
                    "/v1/feedback", contentType: "application/json",
                    body: #"{"kind":"article","id":"unlock-account","lang":"en","helpful":false,"reason":"unclear","comment":"write to budi@example.com"}"#
                )
                #expect(json.status == .accepted)
                let form = try await client.post(
                    "/v1/feedback", contentType: "application/x-www-form-urlencoded",
                    body: "kind=code&id=51&lang=id&helpful=yes&reason=&comment=card+4111+1111+1111+1111"
                )
                #expect(form.status == .seeOther)
                #expect(form.headers[.location] == "/id/codes/51.html#kb_feedback-thanks")
                let reason = try await client.post("/v1/feedback", contentType: "application/json", body: #"{"kind":"article","id":"unlock-account","helpful":false,"reason":"boring"}"#)
                #expect(reason.status == .badRequest)
                #expect(try reason.error.code == "unknown-reason")
                let unknown = try await client.post("/v1/feedback", contentType: "application/json", body: #"{"kind":"article","id":"no-such-page","helpful":false}"#)
                #expect(unknown.status == .notFound)
                let big = try await client.post("/v1/feedback", contentType: "application/json", body: String(repeating: " ", count: 5000) + "{}")
                #expect(big.status == .contentTooLarge)
            }
        }
        #expect(report.totals.feedback == 2)
        let article = try #require(report.pages.first { $0.id == "unlock-account" })
        #expect(article.notHelpful == 1 && article.reasons == ["unclear": 1])
        #expect(article.comments.map(\.text) == ["write to [email]"])
        let code = try #require(report.pages.first { $0.id == "51" })
        #expect(code.helpful == 1 && code.comments.map(\.text) == ["card [number]"])
        #expect(report.pages.first?.id == "unlock-account", "the least helpful page first")
    }

    @Test("the POST routes are rate limited per client: 429 with Retry-After")
    func rateLimit() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        _ = try await fixture.run {
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder, postBurst: 3, postsPerSecond: 0.01)) { client in
                let body = #"{"kind":"code","id":"05","helpful":true}"#
                for _ in 0..<3 {
                    #expect(try await client.post("/v1/feedback", contentType: "application/json", body: body).status == .accepted)
                }
                let refused = try await client.post("/v1/feedback", contentType: "application/json", body: body)
                #expect(refused.status == .tooManyRequests)
                #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            }
        }
    }

    @Test("a form from another origin is refused when the site has a base URL")
    func originCheck() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        let report = try await fixture.run {
            try await withServer(baseURL: "https://help.example.com/", analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                let body = "kind=article&id=unlock-account&lang=en&helpful=no"
                let foreign = try await client.post("/v1/feedback", contentType: "application/x-www-form-urlencoded", body: body, headers: [.origin: "https://evil.example"])
                #expect(foreign.status == .forbidden)
                let own = try await client.post("/v1/feedback", contentType: "application/x-www-form-urlencoded", body: body, headers: [.origin: "https://help.example.com"])
                #expect(own.status == .seeOther)
                #expect(own.headers[.location] == "https://help.example.com/articles/unlock-account.html#kb_feedback-thanks")
            }
        }
        #expect(report.totals.feedback == 1)
    }

    @Test("the report: 404 without KB_ADMIN_TOKEN, 401 with WWW-Authenticate without a header, 403 with a wrong token, 200 with the right one")
    func reportAuthorization() async throws {
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        _ = try await fixture.run {
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                for path in ["/v1/report", "/admin/report"] {
                    let response = try await client.get(path, headers: [.authorization: "Bearer x"])
                    #expect(response.status == .notFound)
                }
            }
            fixture.recorder.record(.search(SearchEvent(query: "xyzzy", language: "en", hits: 0, topIDs: [], tookMicros: 1, source: .api)))
            for _ in 0..<3000 where fixture.recorder.writtenCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try await withServer(analytics: ServerAnalytics(recorder: fixture.recorder, adminToken: "s3cret-token")) { client in
                for path in ["/v1/report", "/admin/report"] {
                    let missing = try await client.get(path)
                    #expect(missing.status == .unauthorized)
                    #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(try await client.get(path, headers: [.authorization: "Bearer s3cret-tokeN"]).status == .forbidden)
                    #expect(try await client.get(path, headers: [.authorization: "Bearer s3cret"]).status == .forbidden)
                    let ok = try await client.get(path, headers: [.authorization: "Bearer s3cret-token"])
                    #expect(ok.status == .ok)
                    #expect(ok.headers[.cacheControl] == "no-store")
                }
                // A cached 200 must never answer a request without the token.
                #expect(try await client.get("/v1/report").status == .unauthorized)
                let json = try await client.get("/v1/report?since=7d&lang=en", headers: [.authorization: "Bearer s3cret-token"]).object
                let zero = try #require(json["zeroResultQueries"] as? [[String: Any]])
                #expect(zero.first?["query"] as? String == "xyzzy")
                let html = try await client.get("/admin/report", headers: [.authorization: "Bearer s3cret-token"])
                #expect(html.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.text.contains("<svg") && html.text.contains("xyzzy") && !html.text.contains("<script"))
                #expect(html.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                let badSince = try await client.get("/v1/report?since=yesterday", headers: [.authorization: "Bearer s3cret-token"])
                #expect(badSince.status == .badRequest)
            }
        }
    }

    @Test("a failing store: searches answer 200, /healthz says degraded, /metrics counts drops")
    func failingStoreDegrades() async throws {
        let failing = FaultSwitch(true)
        let fixture = try AnalyticsFixture { path in
            FlakyStore(try SQLiteAnalyticsStore(path: path), failing: failing)
        }
        defer { fixture.remove() }
        let metrics = ServerMetrics()
        let report = try await fixture.run {
            try await withServer(metrics: metrics, analytics: ServerAnalytics(recorder: fixture.recorder)) { client in
                #expect(try await client.get("/v1/search?q=refund").status == .ok)
                var degraded = false
                for _ in 0..<3000 where !degraded {
                    let health = try await client.get("/healthz").object
                    degraded = health["status"] as? String == "degraded"
                    if !degraded { try await Task.sleep(for: .milliseconds(10)) }
                }
                #expect(degraded)
                #expect(try await client.get("/v1/search?q=refund%20status").status == .ok)
                failing.isOn = false
                var healthy = false
                for _ in 0..<3000 where !healthy {
                    healthy = try await client.get("/healthz").object["status"] as? String == "ok"
                    if !healthy { try await Task.sleep(for: .milliseconds(10)) }
                }
                #expect(healthy)
                let exposition = try await client.get("/metrics").text
                #expect(exposition.contains("kb_analytics_dropped_total 0"))
            }
        }
        #expect(report.totals.searches == 2, "both searches, accepted during the fault, were written after it")
    }
}

/// A switch a test flips and a store reads.
final class FaultSwitch: Sendable {
    private let state: Mutex<Bool>

    init(_ on: Bool) {
        state = Mutex(on)
    }

    var isOn: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// A real store that fails while its switch is on (a disk full, a server gone).
final class FlakyStore: AnalyticsStore {
    let wrapped: any AnalyticsStore
    let failing: FaultSwitch

    init(_ wrapped: any AnalyticsStore, failing: FaultSwitch) {
        self.wrapped = wrapped
        self.failing = failing
    }

    var label: String { wrapped.label }

    func write(_ events: [AnalyticsEvent]) async throws {
        if failing.isOn { throw AnalyticsStoreError("database or disk is full") }
        try await wrapped.write(events)
    }

    func report(_ query: ReportQuery) async throws -> AnalyticsReport { try await wrapped.report(query) }
    func purge(before date: Date) async throws -> Int { try await wrapped.purge(before: date) }
}
