#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KBAnalytics
import Testing

/// A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary folder,
/// `postgres` listening only on a Unix socket in that folder (no port to collide with
/// other test runs), as the `postgres` user when the tests run as root (PostgreSQL
/// refuses root). ``stop()`` and ``start()`` take it down and up again for the fault
/// test; ``remove()`` stops it and deletes the folder.
final class PostgresCluster: Sendable {
    /// The folder with `initdb`, `pg_ctl` and `postgres`: Debian's newest
    /// `/usr/lib/postgresql/N/bin`, or `initdb` on `PATH`; `nil` when neither is there.
    static let binaries: URL? = {
        let fileManager = FileManager.default
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions {
            let folder = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if fileManager.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path) { return folder }
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder))
            if fileManager.isExecutableFile(atPath: url.appendingPathComponent("initdb").path) { return url }
        }
        return nil
    }()

    /// Why the PostgreSQL tests are skipped, in one line.
    static let skipReason: Comment = "PostgreSQL tests skipped: no initdb (install Debian's postgresql package; .ci/run does)"

    let folder: URL
    let bin: URL
    /// The user that runs the server; `nil` for the user running the tests.
    let runAs: String?
    /// The database the tests use, made by ``start()`` the first time.
    let database = "kb_test"
    static let port = 5432

    var data: URL { folder.appendingPathComponent("data") }
    /// `postgres://…` for ``database``, over the cluster's Unix socket.
    var url: String {
        let socketFolder = folder.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? folder.path
        return "postgres://kb@\(socketFolder)/\(database)"
    }

    /// Makes the cluster (not started).
    init() throws {
        guard let bin = Self.binaries else { throw ClusterError("no PostgreSQL binaries") }
        self.bin = bin
        folder = URL(fileURLWithPath: "/tmp/kb-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        runAs = getuid() == 0 ? "postgres" : nil
        if runAs != nil { try Self.shell("/bin/chown", ["postgres", folder.path]) }
        try run("initdb", ["-D", data.path, "-U", "kb", "--auth=trust", "-E", "UTF8", "--no-sync"])
    }

    /// Starts the server and waits until it takes connections; makes the database the first time.
    func start() throws {
        let options = "-k \(folder.path) -h '' -p \(Self.port) -F -c fsync=off -c full_page_writes=off -c max_connections=40"
        try run("pg_ctl", ["-D", data.path, "-l", folder.appendingPathComponent("log").path, "-o", options, "-w", "-t", "60", "start"])
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("made").path) {
            try run("createdb", ["-h", folder.path, "-p", String(Self.port), "-U", "kb", database])
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("made").path, contents: nil)
        }
    }

    /// Stops the server at once (`-m fast`: open connections are cut).
    func stop() throws {
        try run("pg_ctl", ["-D", data.path, "-m", "fast", "-w", "stop"])
    }

    /// Drops and makes ``database`` again, empty.
    func resetDatabase() throws {
        try run("dropdb", ["-h", folder.path, "-p", String(Self.port), "-U", "kb", "--force", database])
        try run("createdb", ["-h", folder.path, "-p", String(Self.port), "-U", "kb", database])
    }

    func remove() {
        try? stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let path = bin.appendingPathComponent(tool).path
        if let runAs {
            try Self.shell("/usr/sbin/runuser", ["-u", runAs, "--", path] + arguments)
        } else {
            try Self.shell(path, arguments)
        }
    }

    /// Runs `path` with `arguments` and waits for it, its output in a file for the error.
    /// posix_spawn and waitpid, not Process: Foundation's Process learns of the exit
    /// through a descriptor the server started by `pg_ctl` inherits, and would wait for the server.
    private static func shell(_ path: String, _ arguments: [String]) throws {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("kb-pg-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ClusterError("cannot run \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exited == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw ClusterError("\(path) \(arguments.joined(separator: " ")) exited \(exited): \(text)")
        }
    }

    struct ClusterError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Gives a suite one running cluster (``PostgresCluster/current``), started before its
/// first test and removed after its last.
struct PostgresClusterTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let cluster = try PostgresCluster()
        defer { cluster.remove() }
        try cluster.start()
        try await PostgresCluster.$current.withValue(cluster) { try await function() }
    }
}

extension PostgresCluster {
    @TaskLocal static var current: PostgresCluster?
}

extension Trait where Self == PostgresClusterTrait {
    /// One throwaway PostgreSQL cluster for the whole suite.
    static var postgresCluster: Self { PostgresClusterTrait() }
}
