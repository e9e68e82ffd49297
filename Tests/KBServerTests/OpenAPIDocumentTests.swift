import Foundation
import Hummingbird
import HummingbirdTesting
import KBAnalytics
import KBServer
import Testing
import Yams

/// Checks a JSON value against the subset of JSON Schema the document uses:
/// `$ref`, `type`, `required`, `properties`, `items` and `enum`.
private struct SchemaChecker {
    let document: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String else { return schema }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] as Any
        }
        return resolve(node as? [String: Any] ?? [:])
    }

    /// Every way `value` departs from `schema`, as `path: problem`.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        let schema = resolve(schema)
        var found: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return found + ["\(path): not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): required field '\(key)' is missing")
            }
            for (key, property) in schema["properties"] as? [String: Any] ?? [:] {
                if let child = object[key], let property = property as? [String: Any] {
                    found += problems(child, property, at: "\(path).\(key)")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return found + ["\(path): not an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += problems(item, items, at: "\(path)[\(index)]") }
            }
        case "string":
            if !(value is String) { found.append("\(path): not a string") }
        case "integer":
            if !(value is Int) { found.append("\(path): not an integer") }
        case "boolean":
            if !(value is Bool) { found.append("\(path): not a boolean") }
        default:
            break
        }
        return found
    }
}

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    private let document: [String: Any]
    private let paths: [String: [String: Any]]

    init() throws {
        document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
        paths = try #require(document["paths"] as? [String: [String: Any]])
    }

    /// The body of the POST example.
    private static let simulation = #"{"attempts": ["09:00 wrong", "09:01 right"]}"#

    /// A request that answers 200 on each route (the POST one with ``simulation`` as its body).
    private static let examples: [ServerRoute: String] = [
        .articles: "/v1/articles?category=payments",
        .article: "/v1/articles/unlock-account",
        .articleAnswer: "/v1/articles/unlock-account/answer?format=markdown&var.customer.name=Budi",
        .categories: "/v1/categories",
        .codes: "/v1/codes",
        .code: "/v1/codes/n7",
        .codeAnswer: "/v1/codes/51/answer",
        .search: "/v1/search?q=locked%20account&kind=article&limit=5",
        .suggest: "/v1/suggest?q=insuff",
        .flows: "/v1/flows",
        .simulate: "/v1/flows/account-lockout/simulate?now=2026-11-25T09:05:00Z",
        .explain: "/v1/explain",
        .suggestAnswer: "/v1/answers/suggest?var.customer.name=Budi",
        .health: "/healthz",
        .metrics: "/metrics",
        .openAPI: "/openapi.yaml",
        .feedback: "/v1/feedback",
        .click: "/v1/events/click",
        .report: "/v1/report?since=7d&lang=en",
        .adminReport: "/admin/report",
    ]

    /// A card notification for `POST /v1/explain`: denied by the bank, code 51.
    private static let notification = """
        {"status_code": "202", "transaction_status": "deny", "fraud_status": "accept", "payment_type": "credit_card", \
        "order_id": "ORDER-1", "gross_amount": "150000.00", "channel_response_code": "51", "signature_key": "abc"}
        """

    /// The POST bodies, by route.
    private static let bodies: [ServerRoute: String] = [
        .simulate: simulation,
        .explain: notification,
        .suggestAnswer: #"{"ticket": "my account is locked after 5 wrong passwords, order ORDER-9, help"}"#,
        .feedback: #"{"kind": "article", "id": "unlock-account", "lang": "en", "helpful": false, "reason": "unclear"}"#,
        .click: #"{"searchId": "0123456789abcdef0123456789abcdef", "kind": "code", "id": "51", "rank": 2}"#,
    ]

    /// What success is on each route: 202 where an event is recorded, else 200.
    private static func success(_ route: ServerRoute) -> HTTPResponse.Status {
        route == .feedback || route == .click ? .accepted : .ok
    }

    /// A request that fails on a route, with the status the document must list.
    private static let failures: [(ServerRoute, String, Int)] = [
        (.articles, "/v1/articles?category=nope", 404),
        (.article, "/v1/articles/nope", 404),
        (.articleAnswer, "/v1/articles/nope/answer", 404),
        (.articleAnswer, "/v1/articles/unlock-account/answer?format=pdf", 400),
        (.code, "/v1/codes/zz", 404),
        (.codeAnswer, "/v1/codes/zz/answer", 404),
        (.codeAnswer, "/v1/codes/51/answer?var.nobody=1", 400),
        (.search, "/v1/search?q=x&limit=1000", 400),
        (.search, "/v1/search?q=x&category=nope", 404),
        (.suggest, "/v1/suggest?q=", 400),
    ]

    @Test("every route is in the document, and the document has no route the server lacks")
    func routesMatch() throws {
        #expect(document["openapi"] as? String == "3.1.0")
        for route in ServerRoute.allCases {
            #expect(paths[route.path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.path) is documented")
        }
        let served = Set(ServerRoute.allCases.map(\.path))
        #expect(Set(paths.keys) == served)
        #expect(Set(Self.examples.keys) == Set(ServerRoute.allCases))
    }

    @Test("each route's real 200 answer has the documented media type and every required field", arguments: ServerRoute.allCases)
    func answersConform(_ route: ServerRoute) async throws {
        let operation = try #require(paths[route.path]?[route.method.rawValue.lowercased()] as? [String: Any])
        let listed = try #require((operation["responses"] as? [String: Any])?[String(Self.success(route).code)] as? [String: Any])
        let ok = SchemaChecker(document: document).resolve(listed)
        let content = try #require(ok["content"] as? [String: Any])
        let (mediaType, media) = try #require(content.first)
        let schema = try #require((media as? [String: Any])?["schema"] as? [String: Any])
        let checker = SchemaChecker(document: document)
        let path = try #require(Self.examples[route])
        let fixture = try AnalyticsFixture()
        defer { fixture.remove() }
        let analytics = ServerAnalytics(recorder: fixture.recorder, adminToken: "openapi-test-token")
        let response = try await withServer(analytics: analytics) { client in
            let body = Self.bodies[route].map { ByteBuffer(string: $0) }
            let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer openapi-test-token"]
            return try await client.execute(uri: path, method: route.method, headers: headers, body: body) { $0 }
        }
        #expect(response.status == Self.success(route), "\(path)")
        #expect(response.headers[.contentType]?.hasPrefix(mediaType) == true, "\(path) is \(mediaType)")
        let value: Any = mediaType == "application/json"
            ? try JSONSerialization.jsonObject(with: Data(response.text.utf8))
            : response.text
        #expect(checker.problems(value, schema) == [], "\(path)")
    }

    @Test("each documented failure answers with a listed status and the Error schema")
    func failuresConform() async throws {
        let checker = SchemaChecker(document: document)
        let responses = try await withServer { client in
            var responses: [TestResponse] = []
            for (_, path, _) in Self.failures { responses.append(try await client.get(path)) }
            return responses
        }
        for ((route, path, status), response) in zip(Self.failures, responses) {
            #expect(Int(response.status.code) == status, "\(path)")
            let listed = try #require((paths[route.path]?["get"] as? [String: Any])?["responses"] as? [String: Any])
            let documented = try #require(listed[String(status)] as? [String: Any], "\(route.path) lists \(status)")
            let media = (checker.resolve(documented)["content"] as? [String: Any])?["application/json"] as? [String: Any]
            let schema = try #require(media?["schema"] as? [String: Any])
            let value = try JSONSerialization.jsonObject(with: Data(response.text.utf8))
            #expect(checker.problems(value, schema) == [], "\(path)")
        }
    }
}
