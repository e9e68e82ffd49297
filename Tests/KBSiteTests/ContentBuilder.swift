import KBContent

/// Content made in code, for what a content folder cannot hold (NUL bytes, hostile
/// text the checker would refuse): articles parsed from Markdown strings.
enum ContentBuilder {
    static let category = KBContent.Category(id: "general", title: "General", description: "Everything else.", order: 1)

    static func article(
        slug: String = "test-article", title: String = "A test article", summary: String = "A summary.",
        questions: [String] = ["One way to ask", "Another way to ask"], related: [String] = [],
        flow: String? = nil, markdown: String
    ) -> Article {
        Article(
            slug: slug, title: title, summary: summary, category: category.id, tags: [],
            questions: questions, related: related, flow: flow, updated: "2026-11-25",
            answer: "Hi {{customer.name}}", body: markdown, document: MarkdownParser.parse(markdown),
            sourcePath: "articles/\(slug).md"
        )
    }

    static let code51 = ResponseCode(
        code: "51", name: "Insufficient funds", meaning: "Not enough money.", responseClass: .softDecline,
        retry: .later, merchantAction: "Retry later.", customerMessage: "Please top up.", aliases: ["nsf"]
    )

    static func content(_ articles: [Article], codes: [ResponseCode] = [code51], categories: [KBContent.Category] = [category]) -> Content {
        Content(articles: articles, categories: categories, responseCodes: codes, policies: Policies(), synonyms: [])
    }
}
