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
        let query = try request.parameters()
        let flows = context.snapshot(of: store).flows
        let id = context.pathParameter("id")
        guard RequestLimits.length(id) <= RequestLimits.pathValue else { throw APIError.overlongPathValue("flow", id) }
        guard let flow = flows.flow(id) else { throw APIError.unknownFlow(id, in: flows) }
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
        let body = try await request.limitedBody(maxBodySize)
        guard body.readableBytes > 0 else { return FlowInput() }
        let contentType = request.headers[.contentType]
        let parts = contentType?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        guard parts.first?.lowercased() == "application/json" else {
            throw APIError.unsupportedMediaType(contentType)
        }
        // JSON is UTF-8 (RFC 8259); a body declared in another charset is not read as if it were.
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            let charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            guard charset == "utf-8" || charset == "utf8" else { throw APIError.unsupportedCharset(pair[1]) }
        }
        let input: FlowInput
        do throws(FlowInputError) {
            input = try FlowInput(json: Data(body.readableBytesView), language: language)
        } catch {
            throw APIError.badJSON(error)
        }
        try Self.checkLengths(input)
        return input
    }

    /// Every input name and value within ``RequestLimits``, before a simulator looks at them.
    static func checkLengths(_ input: FlowInput) throws(APIError) {
        if input.values.count > RequestLimits.flowInputItems {
            throw APIError.tooManyInputs(input.values.count)
        }
        for (name, value) in input.values.sorted(by: { $0.key < $1.key }) {
            let nameLength = RequestLimits.length(name)
            if nameLength > RequestLimits.flowInputName {
                throw APIError.inputTooLong(name, what: "its name", length: nameLength, limit: RequestLimits.flowInputName)
            }
            switch value {
            case let .text(text):
                let length = RequestLimits.length(text)
                if length > RequestLimits.flowInputValue {
                    throw APIError.inputTooLong(name, what: "its value", length: length, limit: RequestLimits.flowInputValue)
                }
            case let .list(items):
                if items.count > RequestLimits.flowInputItems {
                    throw APIError.inputTooLong(name, what: "its list", length: items.count, limit: RequestLimits.flowInputItems, unit: "items")
                }
                for item in items {
                    let length = RequestLimits.length(item)
                    if length > RequestLimits.flowInputValue {
                        throw APIError.inputTooLong(name, what: "an item", length: length, limit: RequestLimits.flowInputValue)
                    }
                }
            }
        }
    }
}

extension Request {
    /// The whole body, refused with a 413 when it is (or says it is) over `limit` bytes.
    func limitedBody(_ limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit)
        }
        var request = self
        do {
            return try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limit)
        }
    }
}

extension APIError {
    static func unknownFlow(_ id: String, in flows: FlowRegistry) -> APIError {
        let close = RequestLimits.looksForCloseMatches(id) ? flows.ids(closeTo: id) : []
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

    /// A flow input (its name, value, list or an item of it) over its limit.
    static func inputTooLong(_ name: String, what: String, length: Int, limit: Int, unit: String = "characters") -> APIError {
        APIError(
            .badRequest, code: "value-too-long",
            message: "the input '\(RequestLimits.shown(name))' is too long: \(what) has \(length) \(unit); at most \(limit) are accepted",
            field: RequestLimits.shown(name)
        )
    }

    static func tooManyInputs(_ count: Int) -> APIError {
        APIError(
            .badRequest, code: "value-too-long",
            message: "the body has \(count) inputs; a simulation takes at most \(RequestLimits.flowInputItems)", field: "input"
        )
    }

    /// A JSON body declared in a charset other than UTF-8.
    static func unsupportedCharset(_ charset: String) -> APIError {
        APIError(
            .unsupportedMediaType, code: "unsupported-media-type",
            message: "the body must be JSON in UTF-8 (application/json; charset=utf-8), not charset '\(RequestLimits.shown(charset))'"
        )
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
