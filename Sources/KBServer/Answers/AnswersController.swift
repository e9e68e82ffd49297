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

    private func respond(
        _ subject: KnowledgeBase.Subject, kind: String, id: String, in knowledgeBase: KnowledgeBase, asked: AnswerRequest
    ) throws -> Response {
        let answer: Answer
        do {
            answer = try knowledgeBase.answer(for: subject, variables: asked.variables, strict: asked.strict)
        } catch {
            throw APIError.answer(error)
        }
        let text: String
        switch asked.format {
        case .text: text = renderer.plainText(answer)
        case .markdown: text = renderer.markdown(answer)
        case .html: text = try HTMLFragmentRenderer(content: knowledgeBase.content, baseURL: renderer.baseURL).html(answer)
        }
        return try Response.json(AnswerBody(kind: kind, id: id, title: answer.title, format: asked.format.rawValue, text: text))
            .language(knowledgeBase.language)
    }
}
