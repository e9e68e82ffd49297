internal import Yams
import Foundation

/// Reads one article file: YAML front matter between `---` lines, then Markdown.
enum ArticleReader {
    static let fields = ["title", "summary", "category", "tags", "questions", "related", "flow", "updated", "answer", "slug"]
    static let questionCount = 2...6

    /// An article as read from its file, before links are checked against the others.
    struct Parsed {
        var article: Article
        /// Locations of the fields and links that cross-reference other content.
        var categoryLocation: SourceLocation
        var relatedLocation: SourceLocation
        /// The line in the file where the Markdown body starts, minus one.
        var bodyLineOffset: Int
        /// False when the category field is missing or broken (already reported).
        var categoryIsSet: Bool
    }

    static func read(
        file: String, slug: String, text: String, policies: Policies, _ collector: DiagnosticCollector
    ) -> Parsed? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let split = FrontMatter.split(text) else {
            collector.error(
                .missingFrontMatter, start, "the article has no front matter",
                hint: "start the file with a line '---', the fields (title:, summary:, …), and another '---'"
            )
            return nil
        }
        let yaml = YAMLDocument(file: file, text: split.yaml, lineOffset: 1)
        guard let root = yaml.root(collector) else { return nil }
        guard let reader = MappingReader(root, in: yaml, subject: "front matter", collector: collector) else { return nil }
        reader.rejectUnknownFields(allowed: fields)

        if !Slug.isValid(slug) {
            collector.error(.invalidSlug, SourceLocation(file: file), "file name '\(slug)' is not a valid slug", hint: "rename the file; " + Slug.rule)
        }
        if let declared = reader.string("slug", required: false), declared != slug {
            collector.error(
                .slugMismatch, reader.location(of: "slug"), "slug '\(declared)' does not match the file name '\(slug).md'",
                hint: "the file name is the slug: rename the file to \(declared).md or remove the 'slug' field"
            )
        }

        let title = reader.string("title", example: "How do I unlock my portal account?")
        let summary = reader.string("summary", example: "One sentence that answers the question.")
        let category = reader.string("category", example: "payments")
        let tags = reader.stringList("tags", example: "[login, password]")
        let questions = reader.stringList("questions", example: "[\"My account is locked, what now?\", \"…\"]")
        let related = reader.stringList("related", required: false) ?? []
        let flow = reader.string("flow", required: false)
        let updated = reader.string("updated", example: "2026-11-25")
        let answer = reader.string("answer", example: "|  (then the reply to paste into a ticket, indented; see docs/content.md)")

        if let questions, !questionCount.contains(questions.count) {
            collector.error(
                .invalidValue, reader.location(of: "questions"),
                "'questions' has \(questions.count) entries; an article needs \(questionCount.lowerBound) to \(questionCount.upperBound)",
                hint: "list other ways people ask the same thing"
            )
        }
        if let updated, !isDate(updated) {
            collector.error(.invalidValue, reader.location(of: "updated"), "'updated' is '\(updated)', not a date", hint: "write it as YYYY-MM-DD, e.g. 2026-11-25")
        }
        if let flow, !Slug.isValid(flow) {
            collector.error(.invalidValue, reader.location(of: "flow"), "flow id '\(flow)' is not valid", hint: Slug.rule)
        }
        for tag in tags ?? [] where tag.isEmpty || tag != tag.lowercased() {
            collector.error(.invalidValue, reader.location(of: "tags"), "tag '\(tag)' must be lower-case and not empty")
        }
        for key in ["title", "summary"] {
            if let text = reader.string(key, required: false) {
                PlaceholderCheck.report(in: text, at: reader.location(of: key), policies: policies, collector)
            }
        }
        for question in questions ?? [] {
            PlaceholderCheck.report(in: question, at: reader.location(of: "questions"), policies: policies, collector)
        }
        if let answer {
            let (start, indent) = reader.textLocation(of: "answer")
            PlaceholderCheck.report(
                in: answer, at: start, blockIndent: indent, policies: policies, allowed: AnswerVariables.names, collector
            )
        }

        let bodyOffset = split.bodyLineOffset
        PlaceholderCheck.report(in: split.body, at: SourceLocation(file: file, line: bodyOffset + 1, column: 1), policies: policies, collector)
        if split.body.trimmingSpaces().isEmpty {
            collector.error(
                .emptyBody, SourceLocation(file: file, line: bodyOffset + 1), "the article has no body",
                hint: "write the answer in Markdown below the closing '---'"
            )
        }

        let fill = { (text: String) in Placeholders.fill(text, policies.placeholderValue) }
        let body = fill(split.body)
        let document = MarkdownParser.parse(body)
        for position in document.rawHTML {
            collector.warning(
                .rawHTML, SourceLocation(file: file, line: position.line + bodyOffset, column: position.column),
                "raw HTML is never shown to readers",
                hint: "use Markdown instead: **bold**, lists, tables, [links](slug.md)"
            )
        }

        // A field with an error is already reported; the article is still kept, with the
        // field empty, so that other articles' links to it are not reported as well.
        let article = Article(
            slug: slug, title: fill(title ?? slug), summary: fill(summary ?? ""), category: category ?? "",
            tags: tags ?? [], questions: (questions ?? []).map(fill), related: related, flow: flow, updated: updated ?? "",
            answer: fill(answer ?? ""),
            body: body, document: document, sourcePath: file,
            flowLocation: flow == nil ? nil : reader.location(of: "flow")
        )
        return Parsed(
            article: article, categoryLocation: reader.location(of: "category"),
            relatedLocation: reader.location(of: "related"), bodyLineOffset: bodyOffset,
            categoryIsSet: category != nil
        )
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return year >= 1970 && (1...12).contains(month) && (1...31).contains(day)
    }
}

/// Splits a file into its YAML front matter and its body.
enum FrontMatter {
    struct Split {
        var yaml: String
        var body: String
        /// The number of lines before the body (the front matter and both `---` lines).
        var bodyLineOffset: Int
    }

    /// `nil` when the text does not start with a `---` line closed by another. Windows
    /// line ends (`\r\n`) read as `\n`.
    static func split(_ text: String) -> Split? {
        var text = text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return text.withUTF8 { split($0) }
    }

    /// Finds the two `---` lines and cuts the bytes between and after them, without
    /// splitting every line.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Split? {
        let newline = UInt8(ascii: "\n")
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0   // a byte-order mark
        var line = 0
        var yamlStart = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.count
            var trimmed = end
            while trimmed > start, bytes[trimmed - 1] == UInt8(ascii: " ") || bytes[trimmed - 1] == UInt8(ascii: "\t") {
                trimmed -= 1
            }
            let content = bytes[start..<trimmed]
            if line == 0 {
                guard content.elementsEqual("---".utf8) else { return nil }
                yamlStart = end + 1
            } else if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let yamlEnd = max(yamlStart, start - 1)
                let bodyStart = min(end + 1, bytes.count)
                return Split(
                    yaml: String(decoding: bytes[min(yamlStart, yamlEnd)..<yamlEnd], as: UTF8.self),
                    body: end < bytes.count ? String(decoding: bytes[bodyStart...], as: UTF8.self) : "",
                    bodyLineOffset: line + 1
                )
            }
            if end == bytes.count { return nil }
            start = end + 1
            line += 1
        }
        return nil
    }
}

