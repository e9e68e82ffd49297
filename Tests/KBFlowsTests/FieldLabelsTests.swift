import KBContent
import Testing
@testable import KBFlows

@Suite("Input labels")
struct FieldLabelsTests {
    @Test("every input of every flow has a label in each language, in words, and the languages differ where words do")
    func everyInputHasALabel() throws {
        let registry = try FlowRegistry(content: Shipped.content)
        #expect(registry.flows.count == 10)
        for flow in registry.flows {
            for field in flow.fields {
                for language in Language.allCases {
                    let label = try #require(
                        FieldLabels.label(flow: flow.id, field: field.name, in: language),
                        "\(flow.id).\(field.name) has no \(language) label"
                    )
                    #expect(!label.isEmpty)
                    #expect(!label.contains("_"), "\(flow.id).\(field.name): '\(label)' reads like an id")
                    #expect(label.first?.isUppercase == true, "\(flow.id).\(field.name): '\(label)' starts in lower case")
                }
            }
        }
        #expect(FieldLabels.label(flow: "account-lockout", field: "attempts", in: .indonesian) == "Percobaan login")
        #expect(FieldLabels.label(flow: "account-lockout", field: "no_such_input", in: .english) == nil)
    }
}
