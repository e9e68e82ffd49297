import Foundation
import Testing
@testable import KBContent

@Suite("Placeholders")
struct PlaceholderTests {
    let policies = Policies(values: [
        "lockout.max_failed_attempts": .text("5"),
        "users.roles": .list(["Admin", "Staff", "Viewer"]),
        "one": .list(["Only"]),
    ])

    @Test("are found with their line and column")
    func occurrences() {
        let found = Placeholders.occurrences(in: "a {{ policy.x }}\nb {{policy.y}} {{unclosed\n{{z}}")
        #expect(found == [
            .init(name: "policy.x", line: 1, column: 3),
            .init(name: "policy.y", line: 2, column: 3),
            .init(name: "z", line: 3, column: 1),
        ])
    }

    @Test("are filled from policies; lists read as prose; unknown ones stay")
    func fill() {
        let text = "After {{policy.lockout.max_failed_attempts}} tries; roles {{policy.users.roles}}, {{policy.one}}; {{policy.nope}} {{customer.name}}"
        #expect(Placeholders.fill(text, policies.placeholderValue)
            == "After 5 tries; roles Admin, Staff and Viewer, Only; {{policy.nope}} {{customer.name}}")
    }

    @Test("text without braces is returned as it is")
    func untouched() {
        for text in ["", "plain", "{ single }", "}} {{"] {
            #expect(Placeholders.fill(text, policies.placeholderValue) == text)
        }
    }
}

@Suite("Front matter")
struct FrontMatterTests {
    /// Texts with every shape of opening and closing line.
    static let texts = [
        "---\ntitle: A\n---\nBody\n", "---\n---\nbody", "---\na: 1\n---", "---\na\n---\n", "---  \na: b\n...\t\nx\ny",
        "\u{FEFF}---\na: b\n---\nbody", "---\na: b\n", "---", "", "no front matter\n---\n", "--- \n  k: v\n\n---\n\n# Title\n\nText ---\n",
        "---\ntitle: Á ü 日本\n---\nBody — é\n",
    ]

    @Test("is cut at the first closing line; the line count before the body is kept")
    func cuts() throws {
        let split = try #require(FrontMatter.split("---\ntitle: A\nsummary: B\n---\n# A\n\nText\n"))
        #expect(split.yaml == "title: A\nsummary: B")
        #expect(split.body == "# A\n\nText\n")
        #expect(split.bodyLineOffset == 4)
        #expect(FrontMatter.split("title: A\n---\n") == nil)
        #expect(FrontMatter.split("---\ntitle: A\n") == nil)
    }

    @Test("a file with Windows line ends (CRLF) splits as the same file with LF ones")
    func carriageReturns() {
        for text in Self.texts {
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            let lf = FrontMatter.split(text), viaLines = FrontMatter.split(crlf)
            #expect(lf?.yaml == viaLines?.yaml, "\(text.debugDescription)")
            #expect(lf?.body == viaLines?.body, "\(text.debugDescription)")
            #expect(lf?.bodyLineOffset == viaLines?.bodyLineOffset, "\(text.debugDescription)")
        }
    }
}
