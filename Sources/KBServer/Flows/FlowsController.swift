import Foundation
import Hummingbird
import KBContent
import KBFlows

/// `GET /v1/flows` and `POST /v1/flows/{id}/simulate`: the troubleshooting
/// simulators, as `kb simulate --list --json` and `kb simulate ID --json` give them, in
/// the language of `?lang=` or `Accept-Language` (texts only: ids and JSON keys stay).
struct FlowsController: Sendable {
    let store: KnowledgeBaseStore
    /// The largest body accepted.
    let maxBodySize: Int

    struct FlowList: Encodable, Sendable {
        var flows: [FlowSummary]
    }

    func list(_ request: Request, context: ServerRequestContext) throws -> Response {
        let language = try request.requestedLanguage() ?? .source
        let flows = context.snapshot(of: store).flows.flows
        return try Response.json(FlowList(flows: flows.map { $0.summary(in: language) })).language(language)
    }

    /// Runs a flow on the JSON object in the body (`{}` or no body for the defaults);
    /// `?now=` (ISO 8601) and `?time_zone=` as `kb simulate --now --time-zone`.
    func simulate(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let language = try request.requestedLanguage() ?? .source
        let flows = context.snapshot(of: store).flows
        let id = context.pathParameter("id")
        guard let flow = flows.flow(id) else { throw APIError.unknownFlow(id, in: flows) }
        let query = request.uri.queryParameters
        var zone: TimeZone?
        if let name = try query.single("time_zone") {
            guard let named = TimeZone(identifier: name) else {
                throw APIError.invalidParameter("time_zone", name, expected: "a time zone such as Asia/Jakarta or UTC")
            }
            zone = named
        }
        var flowContext = flow.context(now: Date(), timeZone: zone, fallback: TimeZone(identifier: "UTC") ?? .current, language: language)
        if let now = try query.single("now") {
            guard let moment = FlowTime.parse(now, in: flowContext.timeZone) else {
                throw APIError.invalidParameter("now", now, expected: "an ISO 8601 date-time such as 2026-11-25T09:30:00+07:00")
            }
            flowContext.now = moment
        }
        let input = try await readInput(request, language)
        let report: FlowReport
        do throws(FlowInputError) {
            report = try flow.run(input, context: flowContext)
        } catch {
            throw APIError.invalidInput(error)
        }
        return try Response.json(report).language(language)
    }

    /// The body as flow inputs: JSON only, at most ``maxBodySize`` bytes; the errors
    /// about its inputs in `language`.
    private func readInput(_ request: Request, _ language: Language) async throws -> FlowInput {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            throw APIError.bodyTooLarge(maxBodySize)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(maxBodySize)
        }
        guard body.readableBytes > 0 else { return FlowInput() }
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw APIError.unsupportedMediaType(request.headers[.contentType])
        }
        do throws(FlowInputError) {
            return try FlowInput(json: Data(body.readableBytesView), language: language)
        } catch {
            throw APIError.badJSON(error)
        }
    }
}

extension APIError {
    static func unknownFlow(_ id: String, in flows: FlowRegistry) -> APIError {
        let close = flows.ids(closeTo: id)
        let hint = close.isEmpty ? "GET /v1/flows lists them" : "did you mean: \(close.joined(separator: ", "))?"
        return APIError(.notFound, code: "unknown-flow", message: "no flow '\(id)'; \(hint)", suggestions: close)
    }

    /// An input the simulator cannot run on, naming the field and how to fix it.
    static func invalidInput(_ error: FlowInputError) -> APIError {
        APIError(
            .badRequest, code: "invalid-input",
            message: error.description + (error.hint.map { "; \($0)" } ?? ""), field: error.field
        )
    }

    /// A body that is not one JSON object of inputs.
    static func badJSON(_ error: FlowInputError) -> APIError {
        APIError(.badRequest, code: "bad-json", message: error.message + (error.hint.map { "; \($0)" } ?? ""), field: error.field)
    }

    static func unsupportedMediaType(_ given: String?) -> APIError {
        APIError(
            .unsupportedMediaType, code: "unsupported-media-type",
            message: "the body must be application/json, not \(given.map { "'\($0)'" } ?? "untyped")"
        )
    }

    static func bodyTooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body-too-large", message: "the request body is larger than \(limit) bytes")
    }
}
