import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KnowledgeBase
import Testing

@Suite("Health, metrics and the OpenAPI document")
struct OperationsRouteTests {
    @Test("GET /healthz: the content served, its version, no reloads yet")
    func health() async throws {
        try await withServer { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            let body = try response.object
            #expect(body["status"] as? String == "ok")
            let content = try #require(body["content"] as? [String: Any])
            let knowledgeBase = TestContent.knowledgeBase
            #expect(content["version"] as? String == knowledgeBase.version)
            #expect(content["articles"] as? Int == knowledgeBase.content.articles.count)
            #expect(content["codes"] as? Int == knowledgeBase.content.responseCodes.count)
            #expect(content["categories"] as? Int == knowledgeBase.content.categories.count)
            #expect((content["loaded_at"] as? String)?.hasSuffix("Z") == true)
            let reloads = try #require(body["reloads"] as? [String: Any])
            #expect(reloads["succeeded"] as? Int == 0)
            #expect(reloads["failed"] as? Int == 0)
            #expect(reloads["last"] == nil)
        }
    }

    @Test("GET /metrics: Prometheus text with requests by route and status, content size and reloads")
    func metrics() async throws {
        try await withServer { client in
            _ = try await client.get("/v1/codes/51")
            _ = try await client.get("/v1/codes/51")
            _ = try await client.get("/v1/codes/zz")
            _ = try await client.get("/v1/nowhere")
            _ = try await client.get("/nowhere")
            _ = try await client.get("/")
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let text = response.text
            #expect(text.contains(#"kb_http_requests_total{route="/v1/codes/{code}",method="GET",status="200"} 2"#))
            #expect(text.contains(#"kb_http_requests_total{route="/v1/codes/{code}",method="GET",status="404"} 1"#))
            #expect(text.contains(#"kb_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
            #expect(text.contains(#"kb_http_requests_total{route="site",method="GET",status="404"} 1"#))
            #expect(text.contains(#"kb_http_requests_total{route="site",method="GET",status="200"} 1"#))
            #expect(text.contains(#"kb_http_request_duration_seconds_bucket{route="/v1/codes/{code}",method="GET",status="200",le="0.01"}"#))
            #expect(text.contains(#"kb_http_request_duration_seconds_count{route="/v1/codes/{code}",method="GET",status="200"} 2"#))
            let content = TestContent.knowledgeBase.content
            #expect(text.contains(#"kb_content_items{kind="article"} \#(content.articles.count)"#))
            #expect(text.contains(#"kb_content_items{kind="code"} \#(content.responseCodes.count)"#))
            #expect(text.contains("kb_content_markdown_bytes "))
            #expect(text.contains(#"kb_content_reloads_total{result="failed"} 0"#))
        }
    }

    @Test("GET /openapi.yaml serves the document")
    func openAPI() async throws {
        try await withServer { client in
            let response = try await client.get("/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
            #expect(response.text == OpenAPIDocument.yaml)
            #expect(response.text.hasPrefix("openapi: 3.1.0\n"))
        }
    }

    @Test("HEAD answers like GET, without a body")
    func head() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/v1/codes/51", method: .head) { $0 }
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
    }
}
