import Foundation
import Testing
import KBContent
@testable import KnowledgeBase

/// The repository's own content folder.
let shippedContent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Content").path

@Suite("The knowledge base facade")
struct KnowledgeBaseTests {
    @Test("loads the shipped content with its version")
    func load() throws {
        let knowledgeBase = try KnowledgeBase.load(directory: shippedContent)
        #expect(knowledgeBase.content.articles.count >= 18)
        #expect(knowledgeBase.version.count == 16)
        #expect(knowledgeBase.warnings.isEmpty)
    }

    @Test("refuses content with errors and carries every diagnostic")
    func refusesBrokenContent() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-facade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        do {
            _ = try KnowledgeBase.load(directory: root.path)
            Issue.record("broken content was accepted")
        } catch {
            #expect(error.errors.map(\.kind) == [.missingFile, .missingFile, .missingFile])
            #expect(error.description == "the content in '\(root.path)' has 3 errors; run `kb check` and fix them")
        }
    }

    @Test("resolves slugs, codes in any case, and code names", arguments: [
        ("unlock-account", "unlock-account"), ("unlock-account.md", "unlock-account"), ("Unlock-Account", "unlock-account"),
        ("n7", "N7"), (" 51 ", "51"), ("do not honor", "05"), ("Insufficient Funds", "51"),
    ])
    func subjects(_ input: String, _ expected: String) throws {
        let knowledgeBase = try KnowledgeBase.load(directory: shippedContent)
        switch knowledgeBase.subject(named: input) {
        case let .article(article)?: #expect(article.slug == expected)
        case let .code(code)?: #expect(code.code == expected)
        case nil: Issue.record("'\(input)' did not resolve")
        }
        #expect(knowledgeBase.subject(named: "no such thing") == nil)
    }
}
