import Foundation
import Hummingbird
import KBContent
import KnowledgeBase

extension Request {
    /// The language the client asked for: `?lang=`, else the first language of
    /// `Accept-Language` (by q-value) that kb has; `nil` when neither names one.
    ///
    /// - Throws: ``APIError`` 400 `unknown-language` for a `lang` kb does not have.
    func requestedLanguage() throws(APIError) -> Language? {
        if let tag = try parameters().single("lang") {
            guard let language = Language(tag: tag) else { throw .unknownLanguage(tag) }
            return language
        }
        return acceptedLanguage
    }

    /// The most preferred language of `Accept-Language` that kb has (`id-ID,id;q=0.9,en;q=0.8` → id).
    var acceptedLanguage: Language? {
        guard let header = headers[.acceptLanguage], header.utf8.count <= 512 else { return nil }
        var best: (language: Language, quality: Double, order: Int)?
        for (order, part) in header.split(separator: ",").prefix(32).enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let language = Language(tag: tag) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (language, quality, order) }
        }
        return best?.language
    }
}

extension ServerRequestContext {
    /// The knowledge base in the language `request` asks for (English when it names none),
    /// from the request's snapshot of `store`.
    func knowledgeBase(of store: KnowledgeBaseStore, for request: Request) throws(APIError) -> KnowledgeBase {
        let knowledgeBase = snapshot(of: store).knowledgeBase
        return knowledgeBase.edition(try request.requestedLanguage() ?? .source)
    }
}

extension Response {
    /// The response with `Content-Language` set to the language it is written in, and
    /// `Vary: Accept-Language`, since the header chose it when `lang` did not.
    func language(_ language: Language) -> Response {
        var response = self
        response.headers[.contentLanguage] = language.code
        response.headers[.vary] = "Accept-Language"
        return response
    }
}

extension APIError {
    static func unknownLanguage(_ tag: String) -> APIError {
        let codes = Language.allCases.map(\.code)
        return APIError(
            .badRequest, code: "unknown-language",
            message: "unknown language '\(tag)'; use \(codes.joined(separator: " or "))", suggestions: codes, field: "lang"
        )
    }
}
