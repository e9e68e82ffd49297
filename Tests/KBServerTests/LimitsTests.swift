import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KnowledgeBase
@testable import KBServer
import Testing

/// Every value a client sends has a length limit, checked before any work; query
/// strings are form-decoded; simulation bodies are UTF-8 JSON.
@Suite("Request limits and query decoding")
struct LimitsTests {
    static let long = String(repeating: "9", count: 75_000)

    @Test("a 75,000-character path value is a 404 with no suggestion", arguments: [
        ("/v1/codes/", "", "unknown-code"),
        ("/v1/codes/", "/answer", "unknown-code"),
        ("/v1/articles/", "", "unknown-article"),
        ("/v1/articles/", "/answer", "unknown-article"),
    ])
    func longPathValue(prefix: String, suffix: String, code: String) async throws {
        try await withServer { client in
            let response = try await client.get(prefix + Self.long + suffix)
            #expect(response.status == .notFound)
            let error = try response.error
            #expect(error.code == code)
            #expect(error.suggestions.isEmpty)
            #expect(error.message.contains("75000 characters long, and none is longer than 128"))
            #expect(error.message.count < 300, "the message does not echo the value")
        }
    }

    /// CPU time of the calling thread: what `work` costs, whatever else the machine runs.
    static func cpuTime(_ work: () -> Void) -> Duration {
        var before = timespec(), after = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before)
        work()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after)
        return .seconds(after.tv_sec - before.tv_sec) + .nanoseconds(after.tv_nsec - before.tv_nsec)
    }

    @Test("the lookup of a 75,000-character code, name or slug takes a few milliseconds of CPU, never a suggestion's")
    func longPathValueCost() {
        let content = TestContent.knowledgeBase.content
        for value in [Self.long, String(repeating: "do not honor ", count: 6000)] {
            let cost = Self.cpuTime {
                #expect(throws: APIError.self) { try CodesController.code(value, in: content) }
                #expect(throws: APIError.self) { try ArticlesController.article(value, in: content) }
            }
            // Linear in the value's length and nothing more: 20 ms of CPU in a debug build for both
            // lookups of 75,000 characters (a suggestion on it took about a second in release).
            #expect(cost < .milliseconds(20), "took \(cost) of CPU")
        }
        // Within the limit, suggestions are computed, on bounded input.
        let close = Self.cpuTime {
            let error = #expect(throws: APIError.self) { try CodesController.code(String(repeating: "5", count: 128), in: content) }
            #expect(error?.suggestions.count ?? 0 <= 5)
        }
        #expect(close < .milliseconds(50), "took \(close) of CPU")
    }

    @Test("a long flow id is a 404 too, and a value at the limit is still looked up")
    func longFlowID() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/v1/flows/\(Self.long)/simulate", method: .post) { $0 }
            #expect(response.status == .notFound)
            #expect(try response.error.code == "unknown-flow")
            #expect(try response.error.suggestions.isEmpty)
            let atLimit = try await client.get("/v1/codes/" + String(repeating: "5", count: 128))
            #expect(atLimit.status == .notFound)
            #expect(try atLimit.error.message.contains("no response code '"))
        }
    }

    @Test("query values over their limits are 400 value-too-long, naming the parameter and the limit", arguments: [
        ("/v1/search?q=" + String(repeating: "a", count: 1001), "q", 1001, 1000),
        ("/v1/suggest?q=" + String(repeating: "a", count: 60_000), "q", 60_000, 1000),
        ("/v1/articles/unlock-account/answer?var.customer.name=" + String(repeating: "b", count: 201), "var.customer.name", 201, 200),
        ("/v1/codes/51/answer?var.order_id=" + String(repeating: "c", count: 5000), "var.order_id", 5000, 200),
        ("/v1/articles?category=" + String(repeating: "d", count: 101), "category", 101, 100),
        ("/v1/search?q=x&kind=" + String(repeating: "e", count: 101), "kind", 101, 100),
    ])
    func longQueryValues(uri: String, name: String, length: Int, limit: Int) async throws {
        try await withServer { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest)
            let error = try response.error
            #expect(error.code == "value-too-long")
            #expect(error.message == "the query parameter '\(name)' is \(length) characters long; at most \(limit) are accepted")
        }
    }

    @Test("values at their limits are answered")
    func atTheLimits() async throws {
        try await withServer { client in
            let query = try await client.get("/v1/search?q=" + String(repeating: "locked ", count: 142) + "x")
            #expect(query.status == .ok)
            #expect(try query.object["truncated"] as? Bool == true)
            let name = String(repeating: "é", count: 200)
            let encoded = String(repeating: "%C3%A9", count: 200)
            let answer = try await client.get("/v1/articles/unlock-account/answer?var.customer.name=\(encoded)")
            #expect(answer.status == .ok)
            #expect(try (answer.object["text"] as? String)?.hasPrefix("Hi \(name),") == true)
        }
    }

    @Test("+ is a space in a query string; %2B is a plus")
    func plusIsSpace() async throws {
        try await withServer { client in
            let search = try await client.get("/v1/search?q=acount+locked")
            #expect(try search.object["query"] as? String == "acount locked")
            let suggest = try await client.get("/v1/suggest?q=unlock+acc")
            #expect(try suggest.object["query"] as? String == "unlock acc")
            let answer = try await client.get("/v1/articles/unlock-account/answer?var.customer.name=Budi+Santoso")
            #expect(try (answer.object["text"] as? String)?.hasPrefix("Hi Budi Santoso,") == true)
            let plus = try await client.get("/v1/codes/51/answer?var.order_id=A%2BB+C")
            #expect(try (plus.object["text"] as? String)?.contains("The payment for A+B C was declined") == true)
        }
    }

    @Test("a flow input over its limit is a 400 value-too-long naming the field")
    func longFlowInputs() async throws {
        try await withServer { client in
            let cases: [(String, String)] = [
                (#"{"code": "\#(String(repeating: "9", count: 513))"}"#, "code"),
                (#"{"\#(String(repeating: "n", count: 65))": "1"}"#, String(repeating: "n", count: 64) + "…"),
                (#"{"whitelist": [\#(Array(repeating: "\"1.2.3.4\"", count: 101).joined(separator: ","))]}"#, "whitelist"),
            ]
            for (body, field) in cases {
                let response = try await client.execute(
                    uri: "/v1/flows/card-denied/simulate", method: .post,
                    headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
                ) { $0 }
                #expect(response.status == .badRequest, "\(body.prefix(60))")
                let object = try #require(try response.object["error"] as? [String: Any])
                #expect(object["code"] as? String == "value-too-long")
                #expect(object["field"] as? String == field)
            }
        }
    }

    @Test("a JSON body declared in a charset other than UTF-8 is 415; UTF-8 in any spelling is read", arguments: [
        ("application/json; charset=iso-8859-1", 415),
        ("application/json; charset=utf-16", 415),
        ("application/json;charset=\"latin1\"", 415),
        ("application/json; charset=UTF-8", 200),
        ("application/json; charset=\"utf-8\"", 200),
        ("application/json", 200),
    ])
    func charset(contentType: String, status: Int) async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: "/v1/flows/account-lockout/simulate?now=2026-11-25T09:30:00Z&time_zone=UTC", method: .post,
                headers: [.contentType: contentType], body: ByteBuffer(string: #"{"attempts": "09:00 wrong"}"#)
            ) { $0 }
            #expect(response.status.code == status, "\(contentType): \(response.text)")
            if status == 415 { #expect(try response.error.code == "unsupported-media-type") }
        }
    }
}
