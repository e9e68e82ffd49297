import Foundation
import Hummingbird
import HummingbirdTesting
import KBContent
import KBServer
import KnowledgeBase
import Logging
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

@Suite("Server log lines")
struct ServerLogTests {
    /// Runs `body` with a logger on a sink writing to a fresh temporary file, the sink,
    /// and a function reading the file; removes the file afterwards.
    private func withLog(_ body: (inout Logger, LogSink, () throws -> String) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kb-log-\(UUID().uuidString).txt")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(at: url)
        }
        let sink = LogSink(fileDescriptor: descriptor)
        var logger = Logger(label: "kb") { ServerLogHandler(label: $0, level: .info, sink: sink) }
        try body(&logger, sink) { try String(contentsOf: url, encoding: .utf8) }
    }

    @Test("info lines wait in the buffer until flushed, in StreamLogHandler's format; warnings go out at once")
    func batching() throws {
        try withLog { logger, _, written in
            logger[metadataKey: "hb.request.id"] = "abc"
            logger.debug("hidden")
            logger.info("request", metadata: ["http.status": "200", "http.method": "GET"])
            #expect(try written().isEmpty)
            logger.warning("reload failed")
            let lines = try written().split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            let first = try #require(lines.first)
            #expect(first.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 info kb: hb\.request\.id=abc http\.method=GET http\.status=200 \[KBServerTests\] request/) != nil, "\(first)")
            #expect(lines.last?.hasSuffix(" warning kb: hb.request.id=abc [KBServerTests] reload failed") == true)
        }
    }

    @Test("a full buffer is written without a flush; nothing is lost or reordered")
    func largeBatches() throws {
        try withLog { logger, sink, written in
            for number in 0..<2000 { logger.info("line \(number)") }
            #expect(try !written().isEmpty)
            sink.flush()
            let lines = try written().split(separator: "\n")
            #expect(lines.count == 2000)
            #expect(lines.enumerated().allSatisfy { $0.element.hasSuffix("] line \($0.offset)") })
        }
    }
}
