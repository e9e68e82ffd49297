import Foundation
import Testing
@testable import KBContent

/// One broken edit per diagnostic kind, and the exact text `kb check` prints for it.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var kind: Diagnostic.Kind
    var fixture: @Sendable () -> ContentFixture
    var expected: [String]
    var testDescription: String { kind.rawValue }
}

let base = ContentFixture()

let diagnosticCases: [DiagnosticCase] = [
    DiagnosticCase(kind: .missingFile, fixture: { base.with("categories.yaml", nil) }, expected: [
        "Content/articles/cancel.md:4:11: error: unknown category 'payments' [unknown-category]\n    hint: use one of:  (from categories.yaml)",
        "Content/articles/unlock.md:4:11: error: unknown category 'access' [unknown-category]\n    hint: use one of:  (from categories.yaml)",
        "Content/categories.yaml: error: categories.yaml is missing from the content folder [missing-file]\n    hint: create it; docs/content.md shows its format",
    ]),
    DiagnosticCase(kind: .yamlSyntax, fixture: { base.replacing("title: How do I unlock my account?", with: "title: [unclosed", in: "articles/unlock.md") }, expected: [
        "Content/articles/unlock.md:3:8: error: YAML cannot be parsed: did not find expected ',' or ']' (while parsing a flow sequence) [yaml-syntax]\n    hint: check the indentation and quoting on this line; values holding ': ', '#', '{' or '[' need quotes",
    ]),
    DiagnosticCase(kind: .missingFrontMatter, fixture: { base.with("articles/unlock.md", "Just text, no front matter.\n") }, expected: [
        "Content/articles/unlock.md:1:1: error: the article has no front matter [missing-front-matter]\n    hint: start the file with a line '---', the fields (title:, summary:, …), and another '---'",
    ]),
    DiagnosticCase(kind: .missingField, fixture: { base.replacing("summary: Cancel before settlement.\n", with: "", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:2:1: error: front matter is missing the field 'summary' [missing-field]\n    hint: add a line such as: summary: One sentence that answers the question.",
    ]),
    DiagnosticCase(kind: .unknownField, fixture: { base.replacing("tags: []", with: "tags: []\nsumary: typo", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:6:1: error: unknown field 'sumary' in front matter [unknown-field]\n    hint: did you mean 'summary'? allowed fields: title, summary, category, tags, questions, related, flow, updated, answer, slug",
    ]),
    DiagnosticCase(kind: .wrongType, fixture: { base.replacing("tags: []", with: "tags: login", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:5:7: error: field 'tags' in front matter must be a list [wrong-type]\n    hint: write it as [a, b] or as lines starting with '- '",
    ]),
    DiagnosticCase(kind: .invalidValue, fixture: { base.replacing("updated: 2026-11-25", with: "updated: last week", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:7:10: error: 'updated' is 'last week', not a date [invalid-value]\n    hint: write it as YYYY-MM-DD, e.g. 2026-11-25",
    ]),
    DiagnosticCase(kind: .invalidSlug, fixture: { base.with("articles/Bad_Name.md", base.files["articles/cancel.md"]) }, expected: [
        "Content/articles/Bad_Name.md: error: file name 'Bad_Name' is not a valid slug [invalid-slug]\n    hint: rename the file; use lower-case letters and digits, words joined by single hyphens, e.g. unlock-account",
    ]),
    DiagnosticCase(kind: .slugMismatch, fixture: { base.replacing("tags: []", with: "tags: []\nslug: cancel-payment", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:6:7: error: slug 'cancel-payment' does not match the file name 'cancel.md' [slug-mismatch]\n    hint: the file name is the slug: rename the file to cancel-payment.md or remove the 'slug' field",
    ]),
    DiagnosticCase(kind: .duplicateSlug, fixture: { base.with("articles/payments/cancel.md", base.files["articles/cancel.md"]) }, expected: [
        "Content/articles/payments/cancel.md: error: slug 'cancel' is already used by articles/cancel.md [duplicate-slug]\n    hint: every article file needs its own name, in whichever folder it is",
    ]),
    DiagnosticCase(kind: .unknownCategory, fixture: { base.replacing("category: payments", with: "category: paymnts", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:4:11: error: unknown category 'paymnts' [unknown-category]\n    hint: use one of: access, payments (from categories.yaml)",
    ]),
    DiagnosticCase(kind: .duplicateCategory, fixture: { base.replacing("- id: payments", with: "- id: access", in: "categories.yaml") }, expected: [
        "Content/articles/cancel.md:4:11: error: unknown category 'payments' [unknown-category]\n    hint: use one of: access (from categories.yaml)",
        "Content/categories.yaml:5:7: error: category 'access' is defined twice [duplicate-category]\n    hint: the first definition is on line 1; remove or rename one",
    ]),
    DiagnosticCase(kind: .unknownRelated, fixture: { base.replacing("related: [cancel]", with: "related: [cancle]", in: "articles/unlock.md") }, expected: [
        "Content/articles/unlock.md:9:10: error: related article 'cancle' does not exist [unknown-related]\n    hint: did you mean 'cancel'?",
    ]),
    DiagnosticCase(kind: .brokenLink, fixture: {
        base.replacing("and [code 51](code:51).", with: "[a](missing.md) [b](cancel.md#nowhere) [c](code:99) [d](javascript:alert(1)) [e](/etc/passwd)", in: "articles/unlock.md")
    }, expected: [
        "Content/articles/unlock.md:23:46: error: link to missing article 'missing' [broken-link]\n    hint: articles are the .md files in the articles folder; `kb list articles` shows their slugs",
        "Content/articles/unlock.md:23:62: error: no heading '#nowhere' in article 'cancel' [broken-link]\n    hint: its headings are: #after-settlement",
        "Content/articles/unlock.md:23:85: error: link to unknown response code '99' [broken-link]\n    hint: codes are defined in response-codes.yaml",
        "Content/articles/unlock.md:23:98: error: link scheme 'javascript:' is not allowed [broken-link]\n    hint: link to https:// or mailto: addresses, articles (slug.md) or codes (code:51)",
        "Content/articles/unlock.md:23:123: error: link '/etc/passwd' is not an article, a code or a web address [broken-link]\n    hint: write article links as slug.md, codes as code:51, and web links in full with https://",
    ]),
    DiagnosticCase(kind: .unknownPlaceholder, fixture: { base.replacing("{{policy.lockout.max_failed_attempts}}", with: "{{policy.lockout.max_failed}}", in: "articles/unlock.md") }, expected: [
        "Content/articles/unlock.md:22:7: error: placeholder '{{policy.lockout.max_failed}}' names no value [unknown-placeholder]\n    hint: did you mean {{policy.lockout.max_failed_attempts}}? Values are defined in policies.yaml",
    ]),
    DiagnosticCase(kind: .unknownPlaceholder, fixture: { base.replacing("for {{user.email}}", with: "for {{user.mail}}", in: "articles/unlock.md") }, expected: [
        "Content/articles/unlock.md:14:60: error: placeholder '{{user.mail}}' names no value [unknown-placeholder]\n    hint: use {{policy.<path>}} or one of: {{agent.name}}, {{customer.name}}, {{order_id}}, {{user.email}}",
    ]),
    DiagnosticCase(kind: .missingField, fixture: { base.replacing("answer: \"Hi {{customer.name}}, cancel {{order_id}} before settlement. {{agent.name}}\"\n", with: "", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:2:1: error: front matter is missing the field 'answer' [missing-field]\n    hint: add a line such as: answer: |  (then the reply to paste into a ticket, indented; see docs/content.md)",
    ]),
    DiagnosticCase(kind: .malformedCode, fixture: { base.replacing("code: \"N7\"", with: "code: \"n-7\"", in: "response-codes.yaml") }, expected: [
        "Content/response-codes.yaml:9:9: error: response code 'n-7' is malformed [malformed-code]\n    hint: a code is two digits or capital letters, quoted: code: \"05\", code: \"N7\"",
    ]),
    DiagnosticCase(kind: .duplicateCode, fixture: { base.replacing("code: \"N7\"", with: "code: \"51\"", in: "response-codes.yaml") }, expected: [
        "Content/response-codes.yaml:9:9: error: response code '51' is defined twice [duplicate-code]\n    hint: the first definition is on line 1; keep one",
    ]),
    DiagnosticCase(kind: .badClass, fixture: { base.replacing("class: soft-decline\n  retry: later", with: "class: soft decline\n  retry: later", in: "response-codes.yaml") }, expected: [
        "Content/response-codes.yaml:4:10: error: class 'soft decline' of response code '51' is not one of the classes [bad-class]\n    hint: use one of: approved, soft-decline, hard-decline, fraud, technical, referral",
    ]),
    DiagnosticCase(kind: .badRetry, fixture: { base.replacing("retry: later", with: "retry: sometimes", in: "response-codes.yaml") }, expected: [
        "Content/response-codes.yaml:5:10: error: retry 'sometimes' of response code '51' is not yes, later or no [bad-retry]\n    hint: yes: retry now after a fix; later: after a delay; no: never with the same card (quote \"yes\" and \"no\" for other YAML tools)",
    ]),
    DiagnosticCase(kind: .emptyBody, fixture: { base.replacing("## After settlement\n\nWrite to {{policy.support.email}}; roles are {{policy.roles}}.", with: "   ", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:10: error: the article has no body [empty-body]\n    hint: write the answer in Markdown below the closing '---'",
        // The heading the other article links to went with the body.
        "Content/articles/unlock.md:23:5: error: no heading '#after-settlement' in article 'cancel' [broken-link]\n    hint: 'cancel' has no headings",
    ]),
    DiagnosticCase(kind: .rawHTML, fixture: { base.replacing("## After settlement", with: "## After settlement\n\n<div onclick=\"x()\">hi</div>", in: "articles/cancel.md") }, expected: [
        "Content/articles/cancel.md:13:1: warning: raw HTML is never shown to readers [raw-html]\n    hint: use Markdown instead: **bold**, lists, tables, [links](slug.md)",
    ]),
    DiagnosticCase(kind: .duplicateSynonym, fixture: { base.replacing("[cancel, void]", with: "[cancel, void, 2fa]", in: "synonyms.yaml") }, expected: [
        "Content/synonyms.yaml:2:18: warning: '2fa' is already in the group on line 1 [duplicate-synonym]\n    hint: a phrase belongs to one group; merge the groups or remove one",
    ]),
    DiagnosticCase(kind: .staleTranslation, fixture: {
        base.replacing("source_updated: 2026-11-25", with: "source_updated: 2026-11-01", in: "id/articles/cancel.md")
    }, expected: [
        "Content/id/articles/cancel.md:6:17: warning: the translation follows the source of 2026-11-01, but articles/cancel.md was updated on 2026-11-25 [stale-translation]\n    hint: bring the translation up to date with the source's changes, then set source_updated: 2026-11-25",
    ]),
    DiagnosticCase(kind: .orphanTranslation, fixture: { base.with("id/articles/gone.md", base.files["id/articles/cancel.md"]) }, expected: [
        "Content/id/articles/gone.md: error: 'gone' has no English source article [orphan-translation]\n    hint: a translation needs articles/gone.md in the source language; rename the file to its source's slug or remove it",
    ]),
    DiagnosticCase(kind: .placeholderMismatch, fixture: {
        base.replacing("perannya {{policy.roles}}.", with: "perannya Admin, Staff dan Viewer; dukungan {{policy.lockout.max_failed_attempts}}.", in: "id/articles/cancel.md")
    }, expected: [
        "Content/id/articles/cancel.md:12:85: error: the translation's placeholders differ from articles/cancel.md: it lacks {{policy.roles}} and adds {{policy.lockout.max_failed_attempts}} [placeholder-mismatch]\n    hint: use the same {{…}} placeholders as the source, each at least once, and no others",
    ]),
    DiagnosticCase(kind: .untranslatedLink, fixture: {
        base.replacing("perannya {{policy.roles}}.", with: "perannya {{policy.roles}}. Lihat [buka kunci](unlock.md).", in: "id/articles/cancel.md")
    }, expected: [
        "Content/id/articles/cancel.md:12:74: warning: 'unlock' has no Bahasa Indonesia version yet; readers get the English page [untranslated-link]\n    hint: translate articles/unlock.md into id/articles/unlock.md",
    ]),
    DiagnosticCase(kind: .sectionMismatch, fixture: {
        base.replacing("perannya {{policy.roles}}.", with: "perannya {{policy.roles}}.\n\n## Tambahan\n\nTeks.", in: "id/articles/cancel.md")
    }, expected: [
        "Content/id/articles/cancel.md:9: warning: the translation has 2 headings, the source 1 [section-mismatch]\n    hint: translate every heading of articles/cancel.md, in the same order: simulators cite sections by position",
    ]),
]

@Suite("Diagnostics name the file, line and fix")
struct DiagnosticTests {
    @Test("each kind of problem is reported with its exact message", arguments: diagnosticCases)
    func exactMessage(_ testCase: DiagnosticCase) throws {
        let result = try testCase.fixture().load()
        #expect(result.diagnostics.map(\.formatted) == testCase.expected)
        #expect(result.diagnostics.contains { $0.kind == testCase.kind })
    }

    @Test("a file that is not UTF-8 is reported, and the others still load")
    func unreadableFile() throws {
        var fixture = ContentFixture()
        fixture.files["articles/cancel.md"] = nil
        fixture.files["id/articles/cancel.md"] = nil
        fixture.files["articles/unlock.md"] = base.files["articles/unlock.md"]!
            .replacingOccurrences(of: "related: [cancel]", with: "related: []")
            .replacingOccurrences(of: "See [cancelling](cancel.md#after-settlement) and", with: "See")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-utf8-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in fixture.files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]).write(to: root.appendingPathComponent("articles/broken.md"))
        let result = ContentLoader(directory: root.path).load()
        #expect(result.diagnostics.map(\.formatted) == [
            "\(root.path)/articles/broken.md: error: the file is not valid UTF-8 text [unreadable-file]\n    hint: save it as UTF-8",
        ])
        #expect(result.content.articles.map(\.slug) == ["unlock"])
    }

    @Test("every diagnostic kind has a case above")
    func everyKindCovered() {
        // The flow kinds come from the knowledge base, which makes the simulators: their
        // messages are held by KnowledgeBaseTests and by `kb check` in CommandTests.
        let covered = Set(diagnosticCases.map(\.kind)).union([.unreadableFile, .unknownFlow, .flowPolicy])
        #expect(covered == Set(Diagnostic.Kind.allCases))
    }
}
