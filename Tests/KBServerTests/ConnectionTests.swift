import Foundation
import Hummingbird
import KBServer
import Testing

/// The connection's own limits, on a real server over raw sockets: timeouts,
/// Host, keep-alive, sizes, malformed HTTP, the connection cap.
@Suite("Connections: timeouts, Host, keep-alive, malformed HTTP")
struct ConnectionTests {
    /// Short timeouts, so that the tests wait for them in milliseconds.
    static func short(_ configuration: inout ServerConfiguration) {
        configuration.connections.headerTimeout = .milliseconds(300)
        configuration.connections.bodyTimeout = .milliseconds(300)
        configuration.connections.idleTimeout = .milliseconds(300)
    }

    /// The `error.code` of a JSON error body.
    static func errorCode(_ reply: RawConnection.Reply) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    @Test("a half-sent head is answered 408 and closed once the header timeout passes")
    func halfSentHead() async throws {
        let metrics = ServerMetrics()
        try await withLiveServer(metrics: metrics, configure: Self.short) { port in
            let start = ContinuousClock.now
            let connection = try RawConnection(port: port)
            await connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            let reply = await connection.receive(timeout: .seconds(90))
            let waited = ContinuousClock.now - start
            #expect(reply.closed)
            #expect(reply.status == 408)
            #expect(Self.errorCode(reply) == "header-timeout")
            #expect(reply.header("Connection") == "close")
            #expect(reply.header("Content-Security-Policy") != nil && reply.header("X-Request-ID") != nil)
            // Not before the timeout; soon after it, give or take a busy test machine.
            #expect(waited >= .milliseconds(300) && waited < .seconds(60), "closed after \(waited)")
            #expect(metrics.exposition().contains(#"kb_http_refused_total{error="header-timeout"} 1"#))
        }
    }

    @Test("a connection that never sends a byte is closed after the header timeout, and an idle kept-alive one after the idle timeout")
    func silentAndIdle() async throws {
        try await withLiveServer(configure: Self.short) { port in
            let silent = try RawConnection(port: port)
            let quiet = await silent.receive(timeout: .seconds(90))
            #expect(quiet.closed && quiet.bytes.isEmpty)

            let kept = try RawConnection(port: port)
            await kept.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let answer = await kept.receiveResponse()
            #expect(answer.status == 200 && !answer.closed)
            let idle = await kept.receive(timeout: .seconds(90))
            #expect(idle.closed && idle.bytes.isEmpty)
        }
    }

    @Test("HTTP/1.1 without Host, or with two, is a 400 that never reaches the router")
    func host() async throws {
        let metrics = ServerMetrics()
        try await withLiveServer(metrics: metrics) { port in
            for (request, code) in [
                ("GET /v1/codes/51 HTTP/1.1\r\n\r\n", "missing-host"),
                ("GET /v1/codes/51 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "repeated-host"),
            ] {
                let connection = try RawConnection(port: port)
                await connection.send(request)
                let reply = await connection.receive()
                #expect(reply.status == 400, "\(request): \(reply.text)")
                #expect(Self.errorCode(reply) == code)
                #expect(reply.closed)
                #expect(reply.header("X-Content-Type-Options") == "nosniff")
            }
            // HTTP/1.0 needs no Host.
            let old = try RawConnection(port: port)
            await old.send("GET /v1/codes/51 HTTP/1.0\r\n\r\n")
            #expect(await old.receive().status == 200)
            #expect(!metrics.exposition().contains(#"route="/v1/codes/{code}",method="GET",status="400""#))
        }
    }

    @Test("HTTP/1.0 without keep-alive is closed after its answer; with keep-alive, and HTTP/1.1, it stays open")
    func keepAlive() async throws {
        try await withLiveServer { port in
            let old = try RawConnection(port: port)
            await old.send("GET /healthz HTTP/1.0\r\n\r\n")
            let reply = await old.receive(timeout: .seconds(90))
            #expect(reply.status == 200)
            #expect(reply.closed, "the connection is closed after the answer")
            #expect(reply.header("Connection") == "close")

            let kept = try RawConnection(port: port)
            await kept.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(await kept.receiveResponse().status == 200)
            await kept.send("GET /v1/codes/51 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let second = await kept.receiveResponse()
            #expect(second.status == 200 && !second.closed)
            #expect(second.header("Connection") == "keep-alive")

            let closing = try RawConnection(port: port)
            await closing.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n")
            let last = await closing.receive(timeout: .seconds(90))
            #expect(last.status == 200 && last.closed)
        }
    }

    @Test("invalid chunked encoding is a 400, on a body that is read and on one that is not, and never a 5xx")
    func invalidChunked() async throws {
        let metrics = ServerMetrics()
        try await withLiveServer(metrics: metrics) { port in
            for request in [
                "POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n",
                "GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nnot-a-size\r\n",
            ] {
                let connection = try RawConnection(port: port)
                await connection.send(request)
                let reply = await connection.receive(timeout: .seconds(90))
                #expect(reply.status == 400, "\(request): \(reply.text)")
                #expect(Self.errorCode(reply) == "malformed-request")
                #expect(reply.closed)
                #expect(reply.text.components(separatedBy: "HTTP/1.1 400 Bad Request").count == 2, "one answer only: \(reply.text.debugDescription)")
            }
            let exposition = metrics.exposition()
            #expect(!exposition.contains(#"status="5"#), "\(exposition)")
            #expect(exposition.contains(#"kb_http_requests_total{route="/v1/flows/{id}/simulate",method="POST",status="400"} 1"#))
        }
    }

    @Test("a client that leaves mid-body is not a 500")
    func disconnectMidBody() async throws {
        let metrics = ServerMetrics()
        try await withLiveServer(metrics: metrics) { port in
            for _ in 0..<3 {
                let connection = try RawConnection(port: port)
                await connection.send(
                    "POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"failed_attempts\": "
                )
                try await Task.sleep(for: .milliseconds(50))
                connection.shutdown()
            }
            try await Task.sleep(for: .milliseconds(300))
            let exposition = metrics.exposition()
            #expect(!exposition.contains(#"status="5"#), "\(exposition)")
        }
    }

    @Test("a request target over 16 KiB is a 414, header fields over their limits a 431, garbage a 400")
    func sizesAndGarbage() async throws {
        try await withLiveServer { port in
            let long = String(repeating: "9", count: 75_000)
            let uri = try RawConnection(port: port)
            await uri.send("GET /v1/codes/\(long) HTTP/1.1\r\nHost: x\r\n\r\n")
            let tooLong = await uri.receive(timeout: .seconds(90))
            #expect(tooLong.status == 414, "\(tooLong.text.prefix(200))")
            #expect(Self.errorCode(tooLong) == "uri-too-long")

            let header = try RawConnection(port: port)
            await header.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n")
            let big = await header.receive(timeout: .seconds(90))
            #expect(big.status == 431)
            #expect(Self.errorCode(big) == "header-too-large")

            let garbage = try RawConnection(port: port)
            await garbage.send("\u{1}\u{2}\u{3} nonsense\r\n\r\n")
            let nonsense = await garbage.receive(timeout: .seconds(90))
            #expect(nonsense.status == 400)
            #expect(Self.errorCode(nonsense) == "malformed-request")
            #expect(nonsense.closed)
        }
    }

    @Test("past --max-connections, a new connection waits until one closes")
    func connectionCap() async throws {
        try await withRunningServer(configure: { $0.connections.maxConnections = 2 }) { port in
            let first = try RawConnection(port: port)
            let second = try RawConnection(port: port)
            await first.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            await second.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await first.receiveResponse().status == 200)
            #expect(await second.receiveResponse().status == 200)
            let third = try RawConnection(port: port)
            await third.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let waiting = await third.receive(timeout: .milliseconds(400)) { !$0.isEmpty }
            #expect(waiting.bytes.isEmpty, "not accepted while two are open")
            first.shutdown()
            let answered = await third.receiveResponse(timeout: .seconds(90))
            #expect(answered.status == 200)
            // Held open to the end: a connection released early would free its slot.
            withExtendedLifetime(second) {}
        }
    }
}
