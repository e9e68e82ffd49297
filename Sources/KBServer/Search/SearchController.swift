import Foundation
import Hummingbird
import KBAnalytics
import KBContent
import KBSearch
import KnowledgeBase

/// `GET /v1/search` and `GET /v1/suggest`: the knowledge base's search, answering
/// with the record `kb search --json` prints.
struct SearchController: Sendable {
    let store: KnowledgeBaseStore
    /// Where searches are recorded; `nil` when analytics is off.
    var recorder: AnalyticsRecorder?
    /// Search answers while they are recorded (the response cache skips them then).
    let answers = SearchAnswerCache()

    /// Hits a page may hold.
    static let limits = 1...100
    /// Hits a query may be paged through.
    static let offsets = 0...(SearchLimits.maxResultLimit - 1)

    enum Kind: String, CaseIterable {
        case article, code
    }

    /// `?q=&limit=&offset=&kind=&category=`.
    func search(_ request: Request, context: ServerRequestContext) throws -> Response {
        guard recorder != nil else { return try answer(request, context: context).response }
        let version = context.snapshot(of: store).knowledgeBase.version
        if let response = recordedAnswer(request, version: version) { return response }
        let (response, bytes, event) = try answer(request, context: context)
        guard let bytes, let event else { return response }
        let cached = SearchAnswerCache.Answer(bytes: bytes, response: response, event: event)
        answers.store(cached, version: version, key: ResponseCacheMiddleware.answerKey(request))
        return record(cached)
    }

    /// While searches are recorded: the answer ``answers`` holds for `request` under
    /// `version`, recorded with a fresh id, or `nil` when it holds none. The fast path
    /// (``CachedAnswerResponder``) answers with it before routing, the route after.
    func recordedAnswer(_ request: Request, version: String) -> Response? {
        guard recorder != nil, let hit = answers.answer(version: version, key: ResponseCacheMiddleware.answerKey(request)) else { return nil }
        return record(hit)
    }

    /// Records `cached`'s search with a fresh id and date, and answers it with that id.
    private func record(_ cached: SearchAnswerCache.Answer) -> Response {
        var event = cached.event
        event.date = Date()
        event.id = SearchID(at: event.date)
        recorder?.record(.search(event))
        // The opaque id clicks refer to, first in the object: written with the answer's
        // bytes straight into the response's buffer (one allocation, one copy). The
        // headers are taken as they are: their Content-Length is already this length.
        var buffer = ByteBuffer()
        buffer.reserveCapacity(SearchAnswerCache.Answer.recordedLength(of: cached.bytes))
        buffer.writeStaticString(SearchAnswerCache.Answer.idPrefix)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: SearchID.length) { bytes in
            event.id.write(to: bytes)
            return SearchID.length
        }
        buffer.writeStaticString(SearchAnswerCache.Answer.idSuffix)
        buffer.writeBytes(cached.bytes.dropFirst())
        assert(buffer.readableBytes == SearchAnswerCache.Answer.recordedLength(of: cached.bytes), "a search id of another length")
        return Response(status: cached.status, headers: cached.headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// The answer to a search and, for a first page, its JSON bytes and the event to record.
    private func answer(_ request: Request, context: ServerRequestContext) throws -> (response: Response, bytes: [UInt8]?, event: SearchEvent?) {
        let query = try request.parameters()
        let text = try Self.queryText(query)
        let knowledgeBase = context.snapshot(of: store).knowledgeBase.edition(for: text, requested: try request.requestedLanguage())
        var options = SearchOptions(
            limit: try query.integer("limit", in: Self.limits, default: 10),
            offset: try query.integer("offset", in: Self.offsets, default: 0)
        )
        if let kind = try query.single("kind") {
            guard Kind(rawValue: kind) != nil else { throw APIError.unknownKind(kind) }
            options.filters["kind"] = [kind]
        }
        if let category = try query.single("category") {
            guard knowledgeBase.content.category(category) != nil else {
                throw APIError.unknownCategory(category, in: knowledgeBase.content)
            }
            options.filters["category"] = [category]
        }
        let results = knowledgeBase.search(text, options: options)
        // Written by hand rather than by JSONEncoder: the same bytes, in a fraction of the time.
        let bytes = results.jsonBytes()
        let response = Response.json(bytes: bytes).language(knowledgeBase.language)
        // Later pages of a search are not searches of their own: not recorded; and with
        // analytics off nothing is, so no event is made.
        guard options.offset == 0, recorder != nil else { return (response, nil, nil) }
        let event = SearchEvent(recording: results, language: knowledgeBase.language.code, source: .api)
        return (response, bytes, event)
    }

    /// Search as you type: up to 8 titles and codes for `?q=`, the last word a prefix.
    struct Suggestions: Encodable, Sendable {
        var query: String
        var suggestions: [SearchResponse.Hit]
    }

    func suggest(_ request: Request, context: ServerRequestContext) throws -> Response {
        let text = try Self.queryText(request.parameters())
        let knowledgeBase = context.snapshot(of: store).knowledgeBase.edition(for: text, requested: try request.requestedLanguage())
        return try Response.json(Suggestions(query: text, suggestions: knowledgeBase.suggest(text, limit: 8))).language(knowledgeBase.language)
    }

    /// `q`, required and not blank.
    private static func queryText(_ query: Parameters) throws(APIError) -> String {
        guard let text = try query.single("q"), text.contains(where: { !$0.isWhitespace }) else {
            throw .missingParameter("q", "what to search for, e.g. ?q=account+locked")
        }
        return text
    }
}

extension APIError {
    static func unknownKind(_ kind: String) -> APIError {
        let kinds = SearchController.Kind.allCases.map(\.rawValue)
        return APIError(
            .badRequest, code: "unknown-kind",
            message: "unknown kind '\(kind)'; use \(kinds.joined(separator: " or "))", suggestions: kinds
        )
    }
}
