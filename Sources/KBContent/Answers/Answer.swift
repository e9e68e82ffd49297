/// A reply ready for a support agent to paste: an article's or a response code's
/// answer with every placeholder filled.
public struct Answer: Sendable, Hashable {
    /// What the answer is about.
    public enum Subject: Sendable, Hashable {
        case article(slug: String)
        case code(String)
    }

    public var subject: Subject
    /// The article's title or the code's name, to say which answer this is.
    public var title: String
    /// The reply as Markdown, every placeholder filled; ticket variables are
    /// Markdown-escaped, so they read as the text they are.
    public var markdown: String
    /// The reply parsed, for the renderers.
    public var document: MarkdownDocument

    /// Composes an article's answer.
    public static func forArticle(
        _ article: Article, variables: AnswerVariables, strict: Bool = false
    ) throws(AnswerError) -> Answer {
        try compose(article.answer, subject: .article(slug: article.slug), title: article.title, variables, strict, article.language)
    }

    /// Composes a response code's answer from its meaning, the merchant's action
    /// and what to tell the customer.
    public static func forCode(
        _ code: ResponseCode, variables: AnswerVariables, strict: Bool = false
    ) throws(AnswerError) -> Answer {
        if code.language == .indonesian {
            let template = """
            Halo {{customer.name}},

            Pembayaran untuk {{order_id}} ditolak oleh bank penerbit kartu dengan kode respons \
            \(code.code) (\(code.name)). \(code.meaning)

            Langkah yang perlu Anda ambil: \(code.merchantAction)

            Pesan yang bisa Anda sampaikan kepada pelanggan: "\(code.customerMessage)"

            Semoga membantu. Jika ada yang kurang jelas, silakan balas pesan ini.

            Salam,
            {{agent.name}}
            """
            return try compose(template, subject: .code(code.code), title: "\(code.code) — \(code.name)", variables, strict, .indonesian)
        }
        let template = """
        Hi {{customer.name}},

        The payment for {{order_id}} was declined by the card's issuing bank with response code \
        \(code.code) (\(code.name)). \(code.meaning)

        What to do: \(code.merchantAction)

        What you can tell your customer: "\(code.customerMessage)"

        I hope this helps. If anything is unclear, just reply to this message.

        Best regards,
        {{agent.name}}
        """
        return try compose(template, subject: .code(code.code), title: "\(code.code) — \(code.name)", variables, strict, .english)
    }

    private static func compose(
        _ template: String, subject: Subject, title: String, _ variables: AnswerVariables, _ strict: Bool, _ language: Language
    ) throws(AnswerError) -> Answer {
        let missing = variables.missing(in: template)
        if strict, !missing.isEmpty { throw .missingVariables(missing) }
        // A variable is plain text: escaped here, it parses back to exactly its characters.
        let markdown = Placeholders.fill(template) { name in variables.value(name, in: language).map(MarkdownEscaping.source) }
        let document = MarkdownParser.parse(markdown).unlinkingAutolinks(inside: Array(variables.values.values))
        return Answer(subject: subject, title: title, markdown: markdown, document: document)
    }
}
