import Hummingbird
import KBContent
import KnowledgeBase

/// `GET /v1/codes` and `GET /v1/codes/{code}`.
struct CodesController: Sendable {
    let store: KnowledgeBaseStore
    let links: SiteLinks

    /// `GET /v1/codes`: every response code, in the table's order.
    struct CodeList: Encodable, Sendable {
        var total: Int
        var codes: [Linked<ResponseCode>]
    }

    func list(_ request: Request, context: ServerRequestContext) throws -> Response {
        let knowledgeBase = try context.knowledgeBase(of: store, for: request)
        let codes = knowledgeBase.content.responseCodes.map { Linked(record: $0, url: links.code($0.code, language: knowledgeBase.language)) }
        return try Response.json(CodeList(total: codes.count, codes: codes)).language(knowledgeBase.language)
    }

    /// One code, as `kb code --json` prints it, with its address.
    func code(_ request: Request, context: ServerRequestContext) throws -> Response {
        let knowledgeBase = try context.knowledgeBase(of: store, for: request)
        let code = try Self.code(context.pathParameter("code"), in: knowledgeBase.content)
        return try Response.json(Linked(record: code, url: links.code(code.code, language: knowledgeBase.language))).language(code.language)
    }

    /// The code as the bank sends it (any case) or by its name, or a 404 naming close codes.
    static func code(_ text: String, in content: Content) throws(APIError) -> ResponseCode {
        guard RequestLimits.length(text) <= RequestLimits.pathValue else { throw APIError.overlongPathValue("code", text) }
        guard let code = content.responseCode(text) ?? content.responseCode(named: text) else {
            throw APIError.unknownCode(text, in: content)
        }
        return code
    }
}

extension APIError {
    static func unknownCode(_ text: String, in content: Content) -> APIError {
        let close = RequestLimits.looksForCloseMatches(text) ? content.responseCodes(closeTo: text) : []
        let hint = close.isEmpty
            ? "GET /v1/codes lists every code"
            : "close codes: " + close.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
        return APIError(.notFound, code: "unknown-code", message: "no response code '\(text)'; \(hint)", suggestions: close.map(\.code))
    }
}
