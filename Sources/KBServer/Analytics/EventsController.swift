import Foundation
import Hummingbird
import KBAnalytics
import KBContent
import KBSite
import KnowledgeBase

/// `POST /v1/feedback` ("Was this helpful?") and `POST /v1/events/click` (a search hit
/// opened): checked, masked and queued for the analytics store, never stored with
/// anything about who sent them.
///
/// Feedback comes as JSON (the site's script, any client; answered 202) or as the
/// site's form without JavaScript (`application/x-www-form-urlencoded`; answered 303
/// back to the page's thank-you). Bodies over ``ServerAnalytics/maxBodyBytes`` are a
/// 413; each client address has a token bucket (429 with `Retry-After`); a form's
/// `Origin` must be the site's when a base URL is configured.
struct EventsController: Sendable {
    let store: KnowledgeBaseStore
    let analytics: ServerAnalytics
    let limiter: ClientRateLimiter
    /// The site's base URL, ending in `/`, when configured: where a form is sent back to, and the origin it must come from.
    let baseURL: String?

    init(store: KnowledgeBaseStore, analytics: ServerAnalytics, baseURL: String?) {
        self.store = store
        self.analytics = analytics
        limiter = ClientRateLimiter(burst: analytics.postBurst, rate: analytics.postsPerSecond)
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The fields of a feedback, from JSON or from the form.
    struct FeedbackBody: Decodable {
        var kind: String
        var id: String
        var lang: String?
        var helpful: Bool
        var reason: String?
        var comment: String?
    }

    struct ClickBody: Decodable {
        var searchId: String
        var kind: String
        var id: String
        var rank: Int
    }

    /// What a recorded event is answered with.
    struct Accepted: Encodable {
        var recorded: Bool
    }

    func feedback(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let recorder = try admit(request, context: context)
        let (body, isForm) = try await readBody(request)
        let fields: FeedbackBody
        if isForm {
            try checkOrigin(request)
            fields = try Self.formFeedback(body)
        } else {
            fields = try decode(FeedbackBody.self, from: body)
        }
        let knowledgeBase = context.snapshot(of: store).knowledgeBase
        let (subject, language) = try subject(kind: fields.kind, id: fields.id, lang: fields.lang, in: knowledgeBase)
        var reason: FeedbackReason?
        // The form's "Choose a reason" is an empty value; in JSON, leave `reason` out instead.
        if let text = fields.reason, !(isForm && text.isEmpty) {
            guard let known = FeedbackReason(rawValue: text) else { throw APIError.unknownReason(text) }
            reason = known
        }
        if let comment = fields.comment, comment.count > FeedbackEvent.maxCommentCharacters {
            throw APIError.commentTooLong(comment.count)
        }
        recorder.record(.feedback(FeedbackEvent(
            subject: subject, id: fields.id, language: language.code,
            helpful: fields.helpful, reason: reason, comment: fields.comment
        )))
        let wantsJSON = request.headers[.accept]?.contains("application/json") ?? false
        if !isForm || wantsJSON {
            // feedback.js sends the form asking for JSON; from another origin (a static site
            // with --feedback-url) it may read the answer once the origin has passed the check.
            var response = try Response.json(Accepted(recorded: true), status: .accepted)
            if isForm, let origin = request.headers[.origin] { response.headers[.accessControlAllowOrigin] = origin }
            return response
        }
        let route: SiteRoute = subject == .article ? .article(fields.id) : .code(fields.id)
        let location = (baseURL ?? "/") + route.path(in: language) + "#" + Self.thanksAnchor
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The anchor of the thank-you the form's answer leads back to (shown by CSS `:target`).
    static let thanksAnchor = "kb_feedback-thanks"

    func click(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let recorder = try admit(request, context: context)
        let (body, isForm) = try await readBody(request)
        guard !isForm else { throw APIError.unsupportedMediaType(request.headers[.contentType]) }
        let click = try decode(ClickBody.self, from: body)
        guard let searchID = SearchID(click.searchId) else {
            throw APIError.invalidParameter("searchId", click.searchId, expected: "the searchId of a search response")
        }
        guard (1...SearchLimitsForClicks.maxRank).contains(click.rank) else {
            throw APIError.outOfRange("rank", click.rank, 1...SearchLimitsForClicks.maxRank)
        }
        let knowledgeBase = context.snapshot(of: store).knowledgeBase
        _ = try subject(kind: click.kind, id: click.id, lang: nil, in: knowledgeBase)
        recorder.record(.click(ClickEvent(searchID: searchID, target: click.kind + ":" + click.id, rank: click.rank)))
        return try Response.json(Accepted(recorded: true), status: .accepted)
    }

    enum SearchLimitsForClicks {
        static let maxRank = 1000
    }

    /// The recorder, after the rate limit; 404 when analytics is off.
    private func admit(_ request: Request, context: ServerRequestContext) throws -> AnalyticsRecorder {
        guard let recorder = analytics.recorder else { throw APIError.analyticsOff }
        if let wait = limiter.acquire(context.clientAddress ?? "unknown") { throw APIError.tooManyRequests(retryAfter: wait) }
        return recorder
    }

    /// The body, at most ``ServerAnalytics/maxBodyBytes``, and whether it is a form.
    private func readBody(_ request: Request) async throws -> (Data, isForm: Bool) {
        let limit = analytics.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limit)
        }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        switch type {
        case "application/json": return (Data(buffer.readableBytesView), false)
        case "application/x-www-form-urlencoded": return (Data(buffer.readableBytesView), true)
        default: throw APIError.unsupportedMediaType(request.headers[.contentType])
        }
    }

    private func decode<Body: Decodable>(_ type: Body.Type, from data: Data) throws -> Body {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw APIError(.badRequest, code: "bad-json", message: "the body is not the JSON object this route takes: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, _): "'\(key.stringValue)' is missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "it does not parse"
        }
    }

    /// A form's fields: `kind`, `id`, `lang`, `helpful` (`yes` or `no`), `reason`, `comment`.
    private static func formFeedback(_ data: Data) throws -> FeedbackBody {
        var fields: [String: String] = [:]
        for part in String(decoding: data, as: UTF8.self).split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Request.formDecoded(pair[0])
            fields[name] = pair.count > 1 ? Request.formDecoded(pair[1]) : ""
        }
        guard let kind = fields["kind"], let id = fields["id"] else {
            throw APIError.missingParameter("kind", "the form's kind and id (article or code)")
        }
        let helpful: Bool
        switch fields["helpful"] {
        case "yes": helpful = true
        case "no": helpful = false
        default: throw APIError.invalidParameter("helpful", fields["helpful"] ?? "", expected: "yes or no")
        }
        return FeedbackBody(kind: kind, id: id, lang: fields["lang"], helpful: helpful, reason: fields["reason"], comment: fields["comment"])
    }

    /// A form from a browser must come from the site's own origin, when the site has a base URL.
    private func checkOrigin(_ request: Request) throws {
        guard let baseURL, let origin = request.headers[.origin] else { return }
        guard let expected = URLComponents(string: baseURL), let scheme = expected.scheme, let host = expected.host else { return }
        let port = expected.port.map { ":\($0)" } ?? ""
        guard origin.lowercased() == "\(scheme)://\(host)\(port)".lowercased() else {
            throw APIError(.forbidden, code: "wrong-origin", message: "feedback forms are taken from \(scheme)://\(host)\(port) only, not from '\(origin)'")
        }
    }

    /// The article or code, and the language of the page, checked against the content.
    private func subject(kind: String, id: String, lang: String?, in knowledgeBase: KnowledgeBase) throws -> (FeedbackSubject, Language) {
        var language = Language.source
        if let lang, !lang.isEmpty {
            guard let known = Language(tag: lang), knowledgeBase.languages.contains(known) else {
                throw APIError.invalidParameter("lang", lang, expected: knowledgeBase.languages.map(\.code).joined(separator: " or "))
            }
            language = known
        }
        switch FeedbackSubject(rawValue: kind) {
        case .article:
            guard knowledgeBase.content.article(id) != nil else {
                throw APIError(.notFound, code: "unknown-article", message: "no article '\(id)'")
            }
            return (.article, language)
        case .code:
            guard knowledgeBase.content.responseCode(id) != nil else {
                throw APIError(.notFound, code: "unknown-code", message: "no response code '\(id)'")
            }
            return (.code, language)
        case nil:
            throw APIError.invalidParameter("kind", kind, expected: "article or code")
        }
    }
}

extension APIError {
    static var analyticsOff: APIError {
        APIError(.notFound, code: "analytics-off", message: "this server records no analytics (kb serve --analytics off)")
    }

    static func tooManyRequests(retryAfter seconds: Int) -> APIError {
        APIError(
            .tooManyRequests, code: "too-many-requests",
            message: "too many requests from this client; try again in \(seconds) s",
            headers: [.retryAfter: String(seconds)]
        )
    }

    static func unknownReason(_ reason: String) -> APIError {
        let reasons = FeedbackReason.allCases.map(\.rawValue)
        return APIError(.badRequest, code: "unknown-reason", message: "unknown reason '\(reason)'; use one of \(reasons.joined(separator: ", "))", suggestions: reasons)
    }

    static func commentTooLong(_ length: Int) -> APIError {
        APIError(.badRequest, code: "comment-too-long", message: "the comment has \(length) characters; at most \(FeedbackEvent.maxCommentCharacters) are kept")
    }
}
