import Foundation
import Hummingbird
import Logging
public import KBAnalytics
import KBContent
import KBSite
public import KnowledgeBase

/// `GET /v1/report` (JSON) and `GET /admin/report` (HTML): the analytics report, only
/// with `Authorization: Bearer` and the token of `KB_ADMIN_TOKEN`, compared in
/// constant time. Without a token configured both are 404; without the header, 401
/// with `WWW-Authenticate`; with a wrong token, 403.
struct ReportController: Sendable {
    let store: KnowledgeBaseStore
    let analytics: ServerAnalytics

    func json(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let report = try await makeReport(request, context: context)
        return try Response.json(report).noStore()
    }

    func html(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let report = try await makeReport(request, context: context)
        let page: Data
        do {
            page = try AnalyticsReportPage.render(report)
        } catch {
            throw APIError.internalError(requestID: context.requestID)
        }
        var response = Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: page)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func makeReport(_ request: Request, context: ServerRequestContext) async throws -> AnalyticsReport {
        try authorize(request)
        guard let recorder = analytics.recorder else { throw APIError.analyticsOff }
        let parameters = try request.parameters()
        var since = Date().addingTimeInterval(-30 * 86_400)
        if let text = try parameters.single("since") {
            guard let date = ReportQuery.since(text) else {
                throw APIError.invalidParameter("since", text, expected: "a span such as 30d, 12h or 2w, or a date such as 2026-11-01")
            }
            since = date
        }
        let knowledgeBase = context.snapshot(of: store).knowledgeBase
        var language: String?
        if let lang = try parameters.single("lang") {
            guard let known = Language(tag: lang), knowledgeBase.languages.contains(known) else {
                throw APIError.invalidParameter("lang", lang, expected: knowledgeBase.languages.map(\.code).joined(separator: " or "))
            }
            language = known.code
        }
        let report: AnalyticsReport
        do {
            report = try await recorder.store.report(ReportQuery(since: since, language: language))
        } catch {
            context.logger.error("analytics: the report failed: \(error)")
            throw APIError(.serviceUnavailable, code: "analytics-unavailable", message: "the analytics store cannot be read now; try again later")
        }
        return report.withSuggestions(from: knowledgeBase)
    }

    /// Throws the 404, 401 or 403 the request earns; returns when its token is right.
    private func authorize(_ request: Request) throws {
        guard let token = analytics.adminToken else {
            throw APIError.noRoute(request.uri.path)
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(
                .unauthorized, code: "unauthorized", message: "the report needs 'Authorization: Bearer <KB_ADMIN_TOKEN>'",
                headers: [.wwwAuthenticate: "Bearer realm=\"kb report\""]
            )
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              Self.constantTimeEqual(Array(parts[1].utf8), Array(token.utf8)) else {
            throw APIError(.forbidden, code: "forbidden", message: "the bearer token is not the server's KB_ADMIN_TOKEN")
        }
    }

    /// Whether the two are equal, in time that depends on their lengths only.
    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in 0..<expected.count {
            difference |= (index < given.count ? given[index] : 0) ^ expected[index]
        }
        return difference == 0
    }
}

extension Response {
    /// The same response, marked not to be kept by any cache.
    func noStore() -> Response {
        var response = self
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

extension AnalyticsReport {
    /// The report with a suggestion for each query that found nothing: the search's
    /// "did you mean", else the title of the page kb would name for it.
    public func withSuggestions(from knowledgeBase: KnowledgeBase) -> AnalyticsReport {
        var report = self
        for index in report.zeroResultQueries.indices {
            let query = report.zeroResultQueries[index]
            let edition = Language(tag: query.lang).map { knowledgeBase.edition($0) } ?? knowledgeBase
            if let suggestion = edition.search(query.query).suggestion {
                report.zeroResultQueries[index].suggestion = suggestion
            } else if let (subject, _) = edition.bestSubject(for: query.query) {
                switch subject {
                case let .article(article): report.zeroResultQueries[index].suggestion = article.title
                case let .code(code): report.zeroResultQueries[index].suggestion = "\(code.code) \(code.name)"
                }
            }
        }
        return report
    }
}
