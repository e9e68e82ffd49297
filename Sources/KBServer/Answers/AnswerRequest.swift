import Hummingbird
import KBContent

/// What an answer request asks for, read from its query: `format=text|markdown|html`,
/// `strict=true|false` and one `var.NAME=value` per ticket variable, as
/// `kb answer --format … --strict --var NAME=value` takes them.
struct AnswerRequest: Sendable {
    enum Format: String, Sendable, CaseIterable {
        case text, markdown, html
    }

    var format: Format
    var strict: Bool
    var variables: AnswerVariables

    /// The query parameter prefix of a ticket variable.
    static let variablePrefix = "var."

    init(query: Parameters) throws(APIError) {
        let formatText = try query.single("format") ?? Format.text.rawValue
        guard let format = Format(rawValue: formatText) else {
            throw .invalidParameter("format", formatText, expected: "text, markdown or html")
        }
        let strictText = try query.single("strict") ?? "false"
        guard let strict = ["true": true, "1": true, "false": false, "0": false][strictText] else {
            throw .invalidParameter("strict", strictText, expected: "true or false")
        }
        var values: [String: String] = [:]
        for (key, value) in query where key.hasPrefix(Self.variablePrefix) {
            let name = String(key.dropFirst(Self.variablePrefix.count))
            guard values[name] == nil else { throw .repeatedParameter(String(key), count: query[values: key].count) }
            values[name] = String(value)
        }
        do {
            variables = try AnswerVariables(values)
        } catch {
            throw APIError.answer(error)
        }
        self.format = format
        self.strict = strict
    }
}

extension APIError {
    /// An answer that cannot be made as asked: an unknown variable, or `strict` with variables missing.
    static func answer(_ error: AnswerError) -> APIError {
        switch error {
        case let .unknownVariable(name):
            let known = AnswerVariables.names.sorted()
            return APIError(
                .badRequest, code: "unknown-variable",
                message: "unknown variable 'var.\(name)'; answers know: \(known.map { "var." + $0 }.joined(separator: ", "))",
                suggestions: known.map { "var." + $0 }
            )
        case let .missingVariables(names):
            return APIError(
                .badRequest, code: "missing-variables",
                message: "strict: the answer needs \(names.joined(separator: ", ")); give "
                    + names.map { "var.\($0)=…" }.joined(separator: "&"),
                suggestions: names.map { "var." + $0 }
            )
        }
    }
}
