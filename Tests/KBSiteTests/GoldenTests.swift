import Foundation
import Testing
@testable import KBSite

/// The fixture content's article page and codes table, byte for byte. After an intended
/// change, run `KB_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite("Golden pages")
struct GoldenTests {
    static let site = SiteFixtures.build(SiteFixtures.fixtureContent, options: SiteOptions(baseURL: "https://help.example.com/"))

    @Test("pages match their golden files", arguments: [
        ("articles/declined-card.html", "declined-card.html"),
        ("codes/index.html", "codes-index.html"),
    ])
    func page(_ path: String, _ golden: String) throws {
        let file = try #require(Self.site.file(path))
        let actual = String(decoding: file.contents, as: UTF8.self)
        let expected = try Golden.expected(golden, actual: actual)
        #expect(actual == expected, "\(path) differs from Golden/\(golden); if the change is intended, run the tests with KB_UPDATE_GOLDEN=1")
    }
}
