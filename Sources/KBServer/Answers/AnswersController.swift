import Foundation
import Hummingbird
import KBContent
import KBSite
import KnowledgeBase

/// `GET /v1/articles/{slug}/answer` and `GET /v1/codes/{code}/answer`: the reply a
/// support agent pastes into a ticket, in the formats and with the errors of `kb answer`.
struct AnswersController: Sendable {
    let store: KnowledgeBaseStore
    /// Renders links absolute under the server's `--base-url`, else keeps their text.
    let renderer: AnswerTextRenderer

    /// The answer, and what it answers.
    struct AnswerBody: Encodable, Sendable {
        /// `article` or `code`.
        var kind: String
        /// The article's slug or the code.
        var id: String
        var title: String
        var format: String
        var text: String
    }

    func article(_ request: Request, context: ServerRequestContext) throws -> Response {
        let asked = try AnswerRequest(query: request.parameters())
        let knowledgeBase = try context.knowledgeBase(of: store, for: request)
        let article = try ArticlesController.article(context.pathParameter("slug"), in: knowledgeBase.content)
        return try respond(.article(article), kind: "article", id: article.slug, in: knowledgeBase, asked: asked)
    }

    func code(_ request: Request, context: ServerRequestContext) throws -> Response {
        let asked = try AnswerRequest(query: request.parameters())
        let knowledgeBase = try context.knowledgeBase(of: store, for: request)
        let code = try CodesController.code(context.pathParameter("code"), in: knowledgeBase.content)
        return try respond(.code(code), kind: "code", id: code.code, in: knowledgeBase, asked: asked)
    }

    /// What `POST /v1/answers/suggest` answers: what the ticket is about and the best match's answer.
    struct SuggestionBody: Encodable, Sendable {
        var lang: String
        var matches: [TicketReading.Match]
        var found: TicketReading.Found
        /// The first match's answer, the ticket's details filled in; absent when nothing matched.
        var answer: AnswerBody?
        /// The variables filled from the ticket and the query.
        var filled: [String: String]
        /// The variables left to their defaults, for the agent to check.
        var placeholders: [String]
    }

    /// The largest ticket read, in bytes.
    static let maxTicketBytes = 64 * 1024

    /// `POST /v1/answers/suggest`: a whole ticket as the body (`text/plain`, or
    /// `application/json` with a `ticket` string), read as `kb answer --from-ticket` does.
    func suggest(_ request: Request, context: ServerRequestContext) async throws -> Response {
        let asked = try AnswerRequest(query: request.parameters())
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let body = try await request.limitedBody(Self.maxTicketBytes)
        let bytes = Data(body.readableBytesView)
        let ticket: String
        switch type {
        case "text/plain":
            ticket = String(decoding: bytes, as: UTF8.self)
        case "application/json":
            guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any], let text = object["ticket"] as? String else {
                throw APIError(.badRequest, code: "bad-json", message: "the body must be a JSON object with the ticket as a string: {\"ticket\": \"…\"}")
            }
            ticket = text
        default:
            throw APIError(
                .unsupportedMediaType, code: "unsupported-media-type",
                message: "the body must be the ticket as text/plain, or application/json {\"ticket\": \"…\"}"
            )
        }
        let all = context.snapshot(of: store).knowledgeBase
        let knowledgeBase = all.edition(for: ticket, requested: try request.requestedLanguage())
        let reading = knowledgeBase.readTicket(ticket)
        let (values, placeholders) = reading.variables(given: asked.variables.values)
        var answerBody: AnswerBody?
        if let best = reading.matches.first, let subject = knowledgeBase.subject(named: best.id) {
            let variables: AnswerVariables
            do { variables = try AnswerVariables(values) } catch { throw APIError.answer(error) }
            answerBody = try answer(subject, kind: best.kind.rawValue, id: best.id, in: knowledgeBase, asked: asked, variables: variables)
        }
        return try Response.json(SuggestionBody(
            lang: knowledgeBase.language.code, matches: reading.matches, found: reading.found, answer: answerBody,
            filled: values, placeholders: placeholders
        )).language(knowledgeBase.language)
    }

    private func respond(
        _ subject: KnowledgeBase.Subject, kind: String, id: String, in knowledgeBase: KnowledgeBase, asked: AnswerRequest
    ) throws -> Response {
        try Response.json(answer(subject, kind: kind, id: id, in: knowledgeBase, asked: asked, variables: asked.variables))
            .language(knowledgeBase.language)
    }

    /// The answer in the format asked for.
    private func answer(
        _ subject: KnowledgeBase.Subject, kind: String, id: String, in knowledgeBase: KnowledgeBase, asked: AnswerRequest,
        variables: AnswerVariables
    ) throws -> AnswerBody {
        let answer: Answer
        do {
            answer = try knowledgeBase.answer(for: subject, variables: variables, strict: asked.strict)
        } catch {
            throw APIError.answer(error)
        }
        let text: String
        switch asked.format {
        case .text: text = renderer.plainText(answer)
        case .markdown: text = renderer.markdown(answer)
        case .html: text = try HTMLFragmentRenderer(content: knowledgeBase.content, baseURL: renderer.baseURL).html(answer)
        }
        return AnswerBody(kind: kind, id: id, title: answer.title, format: asked.format.rawValue, text: text)
    }
}
