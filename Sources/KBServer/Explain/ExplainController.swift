import Foundation
import Hummingbird
import KBContent
import KnowledgeBase

/// `POST /v1/explain`: what `kb explain` says about a Midtrans response, notification or
/// redirect URL sent as the body (`application/json`, or `text/plain` holding either),
/// in the language of `?lang=` or `Accept-Language`. No server key is taken over HTTP,
/// so a notification's signature is reported as not checked.
struct ExplainController: Sendable {
    let store: KnowledgeBaseStore
    /// The largest body accepted.
    let maxBodySize: Int

    func explain(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let language = try request.requestedLanguage() ?? .source
        let contentType = request.headers[.contentType]
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == "application/json" || type == "text/plain" else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported-media-type",
                message: "the body must be application/json (a response or notification) or text/plain (either, or a redirect URL), "
                    + "not \(contentType.map { "'\(RequestLimits.shown($0))'" } ?? "untyped")"
            )
        }
        let body = try await request.limitedBody(min(maxBodySize, MidtransMessage.maxLength))
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes) else {
            throw APIError(.badRequest, code: "not-midtrans", message: "the body is not UTF-8 text")
        }
        let message: MidtransMessage
        do {
            message = try MidtransMessage(reading: text)
        } catch {
            throw APIError(.badRequest, code: "not-midtrans", message: error.description + (error.hint.map { "; \($0)" } ?? ""))
        }
        let knowledgeBase = context.snapshot(of: store).knowledgeBase.edition(language)
        return try Response.json(knowledgeBase.explain(message)).language(language)
    }
}
