/// One help-center article, loaded from `Content/articles/<slug>.md`.
///
/// Text fields hold policy placeholders already filled in from `policies.yaml`.
public struct Article: Sendable, Hashable, Identifiable {
    /// The file name without `.md`: the article's id in URLs, the API and links.
    public var slug: String
    public var title: String
    /// One sentence, shown under search results and as the meta description.
    public var summary: String
    /// The id of the article's ``Category``.
    public var category: String
    public var tags: [String]
    /// Other ways people ask the same thing.
    public var questions: [String]
    /// Slugs of articles to read next.
    public var related: [String]
    /// The id of the simulator for this article, where there is one.
    public var flow: String?
    /// The date of the last real change, `YYYY-MM-DD`.
    public var updated: String
    /// The Markdown body with placeholders filled in.
    public var body: String
    /// The reply for support agents: Markdown with policy values filled in and
    /// ticket variables (``AnswerVariables``) still to fill.
    public var answer: String
    /// The body parsed into a tree.
    public var document: MarkdownDocument
    /// Where the article was loaded from, relative to the content folder.
    public var sourcePath: String
    /// Where the `flow` field is written, for diagnostics about the flow id.
    public var flowLocation: SourceLocation?
    /// The language the text is written in. In a translation's content, an article
    /// not translated yet is the source's, in ``Language/source``.
    public var language: Language = .source
    /// For a translation: the source's `updated` date it follows (`source_updated`).
    public var sourceUpdated: String?

    public var id: String { slug }

    public init(
        slug: String, title: String, summary: String, category: String, tags: [String],
        questions: [String], related: [String], flow: String?, updated: String,
        answer: String, body: String, document: MarkdownDocument, sourcePath: String,
        flowLocation: SourceLocation? = nil
    ) {
        self.flowLocation = flowLocation
        self.answer = answer
        self.slug = slug
        self.title = title
        self.summary = summary
        self.category = category
        self.tags = tags
        self.questions = questions
        self.related = related
        self.flow = flow
        self.updated = updated
        self.body = body
        self.document = document
        self.sourcePath = sourcePath
    }
}
