import Foundation
import Testing
@testable import KBContent

@Suite("Loading a content folder")
struct LoaderTests {
    @Test("the fixture loads with no diagnostics and placeholders filled")
    func validFixture() throws {
        let result = try ContentFixture().load()
        #expect(result.diagnostics.map(\.formatted) == [])
        let content = result.content
        #expect(content.articles.map(\.slug) == ["cancel", "unlock"])
        let unlock = try #require(content.article("unlock"))
        #expect(unlock.summary == "It unlocks after 15 minutes.")
        #expect(unlock.body.contains("After 5 wrong passwords"))
        #expect(content.article("cancel")?.body.contains("Write to help@example.com; roles are Admin, Staff and Viewer.") == true)
        #expect(content.responseCode("n7")?.name == "CVV failure")
        #expect(content.responseCode("51")?.retry == .later)
        #expect(content.synonyms.map(\.terms) == [["2fa", "two factor"], ["cancel", "void"]])
        #expect(content.policies.integer("lockout.max_failed_attempts") == 5)
    }

    @Test("every problem of a run is reported, sorted by file and line")
    func reportsAllProblems() throws {
        let result = try ContentFixture()
            .replacing("category: access", with: "category: nowhere", in: "articles/unlock.md")
            .replacing("class: soft-decline\n  retry: later", with: "class: soft\n  retry: maybe", in: "response-codes.yaml")
            .load()
        #expect(result.diagnostics.map(\.kind) == [.unknownCategory, .badClass, .badRetry])
        #expect(!result.isValid)
    }

    @Test("the content version changes when a file changes")
    func versionFollowsContent() throws {
        let first = try ContentFixture().load().version
        let same = try ContentFixture().load().version
        let changed = try ContentFixture().replacing("Money in and out.", with: "Money.", in: "categories.yaml").load().version
        #expect(first == same)
        #expect(first != changed)
    }
}
