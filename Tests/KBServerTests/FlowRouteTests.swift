import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBFlows
import KBServer
import KnowledgeBase
import Testing

@Suite("Flow simulators")
struct FlowRouteTests {
    private static let lockedAttempts = #"{"attempts": "09:00 wrong, 09:01 wrong, 09:02 wrong, 09:03 wrong, 09:04 wrong"}"#
    private static let json: HTTPFields = [.contentType: "application/json"]

    private func post(_ uri: String, _ body: String, headers: HTTPFields = json) async throws -> TestResponse {
        try await withServer { client in
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
        }
    }

    @Test("GET /v1/flows lists every simulator with its inputs")
    func list() async throws {
        let body = try await withServer { client in try await client.get("/v1/flows") }.object
        let flows = try #require(body["flows"] as? [[String: Any]])
        let registry = TestContent.knowledgeBase.flows
        #expect(flows.compactMap { $0["id"] as? String } == registry.ids)
        let lockout = try #require(flows.first { $0["id"] as? String == "account-lockout" })
        #expect(lockout["article"] as? String == "unlock-account")
        #expect((lockout["fields"] as? [[String: Any]])?.first?["name"] as? String == "attempts")
    }

    @Test("POST /v1/flows/{id}/simulate runs the flow as kb simulate --json does")
    func simulate() async throws {
        let response = try await post("/v1/flows/account-lockout/simulate?now=2026-11-25T09:05:00Z&time_zone=UTC", Self.lockedAttempts)
        #expect(response.status == .ok)
        let body = try response.object
        #expect(body["flow"] as? String == "account-lockout")
        #expect(body["verdict"] as? String == "locked")
        #expect((body["headline"] as? String)?.contains("09:19") == true)
        #expect(body["timeZone"] as? String == TimeZone(identifier: "UTC")?.identifier)
        let trace = try #require(body["trace"] as? [[String: Any]])
        #expect(!trace.isEmpty && trace.allSatisfy { ($0["source"] as? [String: Any])?["slug"] is String })

        let flow = try #require(TestContent.knowledgeBase.flows.flow("account-lockout"))
        let expected = try flow.run(
            try FlowInput(json: Data(Self.lockedAttempts.utf8)),
            context: FlowContext(now: try #require(FlowTime.parse("2026-11-25T09:05:00Z", in: .gmt)), timeZone: try #require(TimeZone(identifier: "UTC")))
        )
        #expect(body["headline"] as? String == expected.headline)
    }

    @Test("?lang=id and Accept-Language: id answer in Indonesian, with Content-Language; the verdict and keys stay")
    func indonesian() async throws {
        let uri = "/v1/flows/account-lockout/simulate?now=2026-11-25T09:05:00%2B07:00&time_zone=Asia/Jakarta"
        let english = try await post(uri, Self.lockedAttempts)
        let response = try await post(uri + "&lang=id", Self.lockedAttempts)
        #expect(response.status == .ok)
        #expect(response.headers[.contentLanguage] == "id")
        #expect(english.headers[.contentLanguage] == "en")
        let body = try response.object, source = try english.object
        #expect(Set(body.keys) == Set(source.keys))
        #expect(body["verdict"] as? String == "locked")
        #expect(body["headline"] as? String == "Terkunci: login akan terbuka dengan sendirinya pada 25 November 2026 pukul 09.19 WIB, 14 menit lagi.")
        let trace = try #require(body["trace"] as? [[String: Any]])
        let anchors = trace.compactMap { ($0["source"] as? [String: Any])?["anchor"] as? String }
        #expect(anchors.contains("mengapa-akun-anda-terkunci") && anchors.contains("yang-perlu-anda-lakukan"))

        var headers = Self.json
        headers[.acceptLanguage] = "id-ID,id;q=0.9,en;q=0.8"
        let accepted = try await post(uri, Self.lockedAttempts, headers: headers)
        #expect(try accepted.object["headline"] as? String == body["headline"] as? String)

        let invalid = try await post("/v1/flows/ip-whitelist/simulate?lang=id", #"{"ip": "300.1.1.1"}"#)
        #expect(invalid.status == .badRequest)
        #expect(try invalid.error.message.hasPrefix("ip: '300.1.1.1' bukan alamat IPv4 atau IPv6; tulis empat angka"))

        let list = try await withServer { client in try await client.get("/v1/flows?lang=id") }
        #expect(list.headers[.contentLanguage] == "id")
        let flows = try #require(try list.object["flows"] as? [[String: Any]])
        let lockout = try #require(flows.first { $0["id"] as? String == "account-lockout" })
        #expect(lockout["title"] as? String == "Kapan login portal yang terkunci terbuka lagi?")
        #expect(flows.compactMap { $0["id"] as? String } == TestContent.knowledgeBase.flows.ids)

        let unknown = try await post(uri + "&lang=fr", Self.lockedAttempts)
        #expect(unknown.status == .badRequest)
        #expect(try unknown.error.code == "unknown-language")
    }

    @Test("bad simulations are 4xx naming what was wrong", arguments: [
        ("/v1/flows/acount-lockout/simulate", "{}", "application/json", 404, "unknown-flow",
         "no flow 'acount-lockout'; did you mean: account-lockout?"),
        ("/v1/flows/account-lockout/simulate", "{\"attempts\": ", "application/json", 400, "bad-json",
         "the input is not valid JSON; give one JSON object of inputs, e.g. {\"ip\": \"203.0.113.7\"}"),
        ("/v1/flows/account-lockout/simulate", "[1, 2]", "application/json", 400, "bad-json",
         "the input must be a JSON object, not an array; give one JSON object of inputs, e.g. {\"ip\": \"203.0.113.7\"}"),
        ("/v1/flows/account-lockout/simulate", "attempts=x", "application/x-www-form-urlencoded", 415, "unsupported-media-type",
         "the body must be application/json, not 'application/x-www-form-urlencoded'"),
        ("/v1/flows/account-lockout/simulate?now=yesterday", "{}", "application/json", 400, "invalid-parameter",
         "'yesterday' is not a valid value for 'now'; expected an ISO 8601 date-time such as 2026-11-25T09:30:00+07:00"),
        ("/v1/flows/account-lockout/simulate?time_zone=Mars/Olympus", "{}", "application/json", 400, "invalid-parameter",
         "'Mars/Olympus' is not a valid value for 'time_zone'; expected a time zone such as Asia/Jakarta or UTC"),
    ])
    func badRequests(_ uri: String, _ body: String, _ type: String, _ status: Int, _ code: String, _ message: String) async throws {
        let response = try await post(uri, body, headers: [.contentType: type])
        #expect(Int(response.status.code) == status)
        let error = try response.error
        #expect(error.code == code)
        #expect(error.message == message)
    }

    @Test("an input the flow cannot use is a 400 that names the field")
    func invalidInput() async throws {
        let response = try await post("/v1/flows/ip-whitelist/simulate", #"{"ip": "300.1.1.1"}"#)
        #expect(response.status == .badRequest)
        let body = try response.object
        let error = try #require(body["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid-input")
        #expect(error["field"] as? String == "ip")
        #expect((error["message"] as? String)?.hasPrefix("ip: '300.1.1.1'") == true)
    }

    @Test("a body over the cap is a 413, by its length or by what arrives")
    func bodyTooLarge() async throws {
        let big = "{\"attempts\": \"" + String(repeating: "x", count: 70_000) + "\"}"
        let response = try await post("/v1/flows/account-lockout/simulate", big)
        #expect(response.status == .contentTooLarge)
        let error = try response.error
        #expect(error.code == "body-too-large")
        #expect(error.message == "the request body is larger than 65536 bytes")
    }

    @Test("GET on the simulate path is a 405 naming POST; CORS preflight refuses POST")
    func methods() async throws {
        try await withServer { client in
            let get = try await client.get("/v1/flows/account-lockout/simulate")
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            let preflight = try await client.execute(
                uri: "/v1/flows/account-lockout/simulate", method: .options,
                headers: [.origin: "https://shop.example.com", .accessControlRequestMethod: "POST"]
            ) { $0 }
            #expect(preflight.status == .forbidden)
        }
    }
}
