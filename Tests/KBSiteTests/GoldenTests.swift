import Foundation
import KnowledgeBase
import Testing
@testable import KBSite

/// The fixture content's article page and codes table, byte for byte, in English and in
/// Bahasa Indonesia (the fixture translates one article, one category and two codes, so
/// the Indonesian pages also show what an untranslated code or category looks like).
/// After an intended change, run `KB_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff.
@Suite("Golden pages")
struct GoldenTests {
    static let site: StaticSite = {
        do {
            let knowledgeBase = try KnowledgeBase.load(directory: SiteFixtures.testsFolder.appendingPathComponent("Fixtures/Content").path)
            return SiteFixtures.build(knowledgeBase, options: SiteOptions(baseURL: "https://help.example.com/"))
        } catch {
            fatalError("the fixture content gives no knowledge base: \(error)")
        }
    }()

    @Test("pages match their golden files", arguments: [
        ("articles/declined-card.html", "declined-card.html"),
        ("codes/index.html", "codes-index.html"),
        ("id/articles/declined-card.html", "id/declined-card.html"),
        ("id/codes/index.html", "id/codes-index.html"),
    ])
    func page(_ path: String, _ golden: String) throws {
        let file = try #require(Self.site.file(path))
        let actual = String(decoding: file.contents, as: UTF8.self)
        let expected = try Golden.expected(golden, actual: actual)
        #expect(actual == expected, "\(path) differs from Golden/\(golden); if the change is intended, run the tests with KB_UPDATE_GOLDEN=1")
    }
}
