import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("Flow inputs, times and reports")
struct FlowCoreTests {
    @Test("JSON input: strings, numbers, booleans and lists; names with - or _ alike")
    func jsonInput() throws {
        let input = try FlowInput(json: Data(#"{"ip": "203.0.113.7", "enabled": true, "White-List": ["10.0.0.0/8", 42], "x": null}"#.utf8))
        #expect(input["ip"] == .text("203.0.113.7"))
        #expect(input["enabled"] == .text("yes"))
        #expect(input["white_list"] == .list(["10.0.0.0/8", "42"]))
        #expect(input["x"] == nil)
    }

    @Test("malformed JSON input is named", arguments: [
        (#"[1]"#, "input: the input must be a JSON object, not an array"),
        (#"{"ip": {"v": 4}}"#, "ip: the value is an object, not a value or a list"),
        (#"{"ip": [[1]]}"#, "ip: a list item is an array, not a single value"),
        ("{", "input: the input is not valid JSON"),
    ])
    func badJSON(text: String, message: String) {
        #expect(throws: FlowInputError.self) { try FlowInput(json: Data(text.utf8)) }
        do {
            _ = try FlowInput(json: Data(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("key=value pairs")
    func pairs() throws {
        let input = try FlowInput(pairs: ["a=1", "b = x=y ", "c="])
        #expect(input["a"] == .text("1") && input["b"] == .text("x=y") && input["c"] == .text(""))
        #expect(throws: FlowInputError(field: "input", "'oops' is not a name=value pair", hint: "write --set name=value, e.g. --set ip=203.0.113.7")) {
            try FlowInput(pairs: ["oops"])
        }
    }

    @Test("times in ISO 8601, with and without offsets, and a time of day", arguments: [
        ("2026-11-25T09:30:00+07:00", "2026-11-25T09:30:00+07:00"), ("2026-11-25T02:30:00Z", "2026-11-25T09:30:00+07:00"),
        ("2026-11-25 09:30", "2026-11-25T09:30:00+07:00"), ("2026-11-25T03:30:00+0100", "2026-11-25T09:30:00+07:00"),
        ("09:30", "2026-11-26T09:30:00+07:00"), ("2026-11-25T09:30:00.250+07:00", "2026-11-25T09:30:00+07:00"),
    ])
    func times(text: String, iso: String) throws {
        let date = try #require(FlowTime.parse(text, in: Shipped.jakarta, day: Shipped.time("2026-11-26T12:00")))
        #expect(FlowTime.iso(date, in: Shipped.jakarta) == iso)
    }

    @Test("not times", arguments: ["2026-13-01T00:00", "2026-02-29T10:00", "24:00", "9:30", "2026-11-25", "2026-11-25T10:00+25:00", "noon"])
    func notTimes(text: String) {
        #expect(FlowTime.parse(text, in: Shipped.jakarta, day: Shipped.time("2026-11-26T12:00")) == nil)
    }

    @Test("durations", arguments: [(0.0, "0 s"), (59, "59 s"), (899, "14 min 59 s"), (900, "15 min"), (93_784, "1 d 2 h 3 min 4 s")])
    func durations(seconds: Double, text: String) {
        #expect(FlowTime.duration(seconds) == text)
    }

    @Test("a report survives a JSON round trip, and lists every input used")
    func reportCodable() throws {
        let report = try Shipped.run("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-26T09:00"])
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(FlowReport.self, from: data) == report)
        #expect(report.input["payment_type"] == .text("credit_card"), "the default is reported")
        #expect(report.outcome["deadline"] == .string("2026-11-27T16:00:00+07:00"))
    }

    @Test("every flow describes its fields and computes scenario tables from its own runs")
    func everyFlow() throws {
        let registry = try FlowRegistry(content: Shipped.content)
        for flow in registry.flows {
            #expect(!flow.fields.isEmpty)
            for field in flow.fields where field.kind == .choice {
                #expect(!field.allowedValues.isEmpty, "\(flow.id).\(field.name) lists its choices")
            }
            let tables = flow.scenarios(context: Shipped.context("2026-11-25T09:00:00"))
            #expect(!tables.isEmpty, "\(flow.id) has scenarios")
            for table in tables {
                #expect(!table.rows.isEmpty)
                #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(flow.id): \(table.title)")
            }
        }
        let summary = try #require(registry.flow("cancel-transaction")?.summary)
        #expect(summary.timeZone == "Asia/Jakarta")
        let json = String(decoding: try JSONEncoder().encode(summary.fields[0]), as: UTF8.self)
        #expect(json.contains(#""type":"choice""#) && json.contains(#""default":"credit_card""#) && json.contains(#""allowed":["#))
    }

    @Test("a missing policy value stops the registry, naming the path")
    func missingPolicy() {
        var values = Shipped.content.policies.values
        values["notification.standard_ports"] = nil
        let content = Content(articles: [], categories: [], responseCodes: [], policies: Policies(values: values), synonyms: [])
        #expect(throws: FlowRegistryError(failures: [FlowPolicyError(
            flow: "payment-urls", path: "notification.standard_ports", "is missing",
            hint: "set it to a list of whole numbers from 1 to 65535 in policies.yaml"
        )])) { try FlowRegistry(content: content) }
    }
}
