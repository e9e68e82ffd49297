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
