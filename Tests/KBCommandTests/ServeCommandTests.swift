import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `kb serve` as an operator runs it: a real process on a loopback port.
@Suite("kb serve")
struct ServeCommandTests {
    /// A port nothing listens on now: bind port 0 on 127.0.0.1 and read what the kernel chose.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        try #require(bound, "a free loopback port")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `/healthz` of the server on `port` once it answers, polled every 50 ms; `nil` if it
    /// has not answered by `deadline`.
    private static func firstHealth(_ port: Int, before deadline: ContinuousClock.Instant) async throws -> [String: Any]? {
        var health: [String: Any]?
        while health == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            health = try await Self.health(port)
        }
        return health
    }

    private static func health(_ port: Int) async throws -> [String: Any]? {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
        guard let (data, _) = try? await URLSession.shared.data(from: url) else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    @Test("a copy of the binary in an empty folder, with no environment, uses the content built into it")
    func copiedBinary() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = folder.appendingPathComponent("kb")
        try FileManager.default.copyItem(at: KBRun.binary, to: binary)
        func run(_ arguments: String...) throws -> KBRun {
            try KBRun(arguments, environment: [:], in: folder.path, binary: binary, inheritEnvironment: false)
        }

        let version = try run("--version")
        #expect(version.stdout.contains("content: built-in, updated 20"), "\(version.stdout)")
        let search = try run("search", "acount locked", "--json")
        #expect(search.status == 0)
        let hits = (try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]]
        #expect(hits?.first?["id"] as? String == "unlock-account")
        let code = try run("code", "51")
        #expect(code.status == 0)
        #expect(code.stdout.hasPrefix("51 — Insufficient funds"))
        let site = try run("site", "build", "--out", "site")
        #expect(site.status == 0, "\(site.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/articles/unlock-account.html").path))

        let port = try Self.freePort()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", String(port), "--log-level", "warning", "--analytics", "off"]
        process.environment = [:]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let deadline = ContinuousClock.now + .seconds(150)
        let health = try await Self.firstHealth(port, before: deadline)
        #expect(health?["status"] as? String == "ok")
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/codes/51"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["code"] as? String == "51")
        process.terminate()
        process.waitUntilExit()
    }

    @Test("serves, prints its URL, reloads on SIGHUP, and stops cleanly on SIGTERM")
    func serveReloadStop() async throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("kb-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        let shipped = KBRun.binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: shipped, to: content)
        let port = try Self.freePort()

        let process = Process()
        process.executableURL = KBRun.binary
        process.arguments = ["serve", "--port", String(port), "--content", content.path, "--log-level", "warning", "--analytics", "off"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Deadlines are generous: other suites' blocking process waits can hold the cooperative threads.
        let deadline = ContinuousClock.now + .seconds(150)
        let health = try await Self.firstHealth(port, before: deadline)
        #expect(health?["status"] as? String == "ok")
        let home = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let (page, response) = try await URLSession.shared.data(from: home)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
        #expect(String(decoding: page, as: UTF8.self).contains("<!DOCTYPE html>"))

        let unlock = content.appendingPathComponent("articles/unlock-account.md")
        let text = try String(contentsOf: unlock, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "category: portal-access", with: "category: acount").utf8).write(to: unlock)
        kill(process.processIdentifier, SIGHUP)
        var reloads: [String: Any]?
        while (reloads?["failed"] as? Int ?? 0) == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            reloads = try await Self.health(port)?["reloads"] as? [String: Any]
        }
        #expect(reloads?["failed"] as? Int == 1)
        #expect(try await Self.health(port)?["status"] as? String == "degraded")

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.hasPrefix("kb: serving \(content.path) ("))
        #expect(printed.contains("at http://127.0.0.1:\(port)\n"))
    }

    @Test("50 SIGHUPs in a burst give at most 2 reloads; SIGTERM after another burst does not wait for them")
    func coalescedHangups() async throws {
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = KBRun.binary
        process.arguments = ["serve", "--port", String(port), "--log-level", "warning", "--analytics", "off"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let deadline = ContinuousClock.now + .seconds(150)
        let health = try await Self.firstHealth(port, before: deadline)
        try #require(health != nil, "kb serve answers")
        // 5 ms apart, so the kernel delivers each one (a signal sent while the same one is
        // pending is merged), and all within one reload (about a second in a debug build).
        for _ in 0..<50 {
            kill(process.processIdentifier, SIGHUP)
            usleep(5000)
        }
        // Wait until the reloads settle: the same count for two seconds.
        var succeeded = -1, stableSince = ContinuousClock.now
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let now = (try await Self.health(port)?["reloads"] as? [String: Any])?["succeeded"] as? Int ?? -1
            if now != succeeded {
                succeeded = now
                stableSince = .now
            } else if now >= 1, ContinuousClock.now - stableSince > .seconds(2) {
                break
            }
        }
        #expect((1...2).contains(succeeded), "\(succeeded) reloads for 50 SIGHUPs")

        for _ in 0..<50 { kill(process.processIdentifier, SIGHUP) }
        let start = ContinuousClock.now
        process.terminate()
        while process.isRunning, ContinuousClock.now - start < .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let took = ContinuousClock.now - start
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        #expect(took < .seconds(10), "SIGTERM took \(took)")
    }

    @Test("bad usage of kb serve, kb report and kb analytics purge: exit 2 and the reason", arguments: [
        (["serve", "--port", "70000"], "--port must be between 1 and 65535, not 70000"),
        (["serve", "--content", "/no/such/folder"], "content folder '/no/such/folder' does not exist"),
        (["serve", "--base-url", "ftp://help.example.com"],
         "--base-url: base URL 'ftp://help.example.com' is not usable: its scheme is 'ftp', not http or https"),
        (["serve", "--analytics-retention-days", "0"], "--analytics-retention-days must be between 1 and 36500, not 0"),
        (["report", "--analytics", "/no/such/analytics.sqlite"], "no analytics database at /no/such/analytics.sqlite; kb serve writes one there"),
        (["report", "--since", "yesterday"], "--since must be a span such as 30d, 12h or 2w, or a date such as 2026-11-01, not 'yesterday'"),
        (["analytics", "purge", "--before", "2026-02-30"], "--before must be a date such as 2026-06-01, not '2026-02-30'"),
        (["report", "--analytics", "postgres://db.internal/kb"], "names no user; write postgres://USER@host:5432/database"),
        (["search", "--analytics", "a.sqlite", "refund"], "--analytics says where --record records; give --record too"),
        (["search", "--record", "--analytics", "off", "refund"], "--record needs somewhere to record: a SQLite file or a postgres:// URL, not off"),
    ])
    func badUsage(_ arguments: [String], _ reason: String) throws {
        let run = try KBRun(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stderr.contains(reason), "\(arguments): \(run.stderr)")
    }

    @Test("kb search records nothing unless asked; with --record, its search (source cli) is in kb report")
    func searchRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("analytics.sqlite").path
        #expect(try KBRun(["search", "xyzzy"], in: folder.path).status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kb-analytics.sqlite").path))
        for _ in 0..<2 { #expect(try KBRun(["search", "--record", "--analytics", database, "xyzzy"]).status == 1) }
        let report = try KBRun(["report", "--analytics", database, "--json"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"query\" : \"xyzzy\"") && report.stdout.contains("\"searches\" : 2"), "\(report.stdout)")
    }
}
