import ArgumentParser
import Foundation
import KBAnalytics
import KBServer
import KBContent
import KBSite
import KnowledgeBase
import Logging

/// `kb serve`: the help site, the JSON API, health and metrics over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the help center over HTTP: the help site at /, the JSON API, /healthz, /metrics and /openapi.yaml.",
        discussion: """
        Listens on 127.0.0.1:8080 unless told otherwise. SIGHUP reloads the content; with \
        --watch, so does any change to a content file. Content with errors never replaces \
        what is served: the errors are logged and /healthz shows the failed reload. SIGINT \
        and SIGTERM stop the server once requests in flight have been answered.

        Limits against hostile clients (each with a flag below): connections open at once, \
        the time to send a request's head and body, the idle time between requests, the \
        response cache's bytes. Request lines are at most 16 KiB and headers 32 KiB; \
        docs/server.md lists every limit, and the routes.

        One log line per request goes to stderr.
        """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp(
        "The help site's address, for absolute links in answers and the site's canonical links (default: $KB_BASE_URL).",
        valueName: "url"
    ))
    var baseURL: String?

    @Flag(help: "Reload when a content file changes (checked every second).")
    var watch = false

    /// The levels of swift-log, by name.
    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical

        var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
    }

    @Option(help: ArgumentHelp("Log level: info logs one line per request; warning logs only problems.", valueName: "level"))
    var logLevel: LogLevel = .info

    @Option(help: ArgumentHelp("Connections open at once; more wait in the listen backlog.", valueName: "n"))
    var maxConnections = ConnectionLimits().maxConnections

    @Option(help: ArgumentHelp(
        "Time a client has to send a request's head, from its first byte: past it, 408 and the connection closes (10s, 500ms, 1m).",
        valueName: "duration"
    ))
    var headerTimeout = TimeoutArgument(ConnectionLimits().headerTimeout)

    @Option(help: ArgumentHelp("Time a client has to send a request's body, from the end of its head.", valueName: "duration"))
    var bodyTimeout = TimeoutArgument(ConnectionLimits().bodyTimeout)

    @Option(help: ArgumentHelp("Time a kept-alive connection may wait, idle, for its next request.", valueName: "duration"))
    var idleTimeout = TimeoutArgument(ConnectionLimits().idleTimeout)

    @Option(help: ArgumentHelp(
        "The response cache's budget in bytes (32MiB, 512KiB, 0 for no cache); the oldest answers are evicted past it.",
        valueName: "size"
    ))
    var cacheBytes = ByteCountArgument(ServerConfiguration.defaultCacheBytes)

    @Option(help: ArgumentHelp(
        "Where searches, clicks and feedback are recorded: a SQLite file, a postgres:// URL, or off (docs/analytics.md).",
        valueName: "path|url|off"
    ))
    var analytics = AnalyticsLocation.defaultPath

    @Option(help: ArgumentHelp("Events older than this are deleted, daily.", valueName: "days"))
    var analyticsRetentionDays = 180

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        guard (1...36_500).contains(analyticsRetentionDays) else {
            throw ValidationError("--analytics-retention-days must be between 1 and 36500, not \(analyticsRetentionDays)")
        }
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be between 1 and 65535, not \(port)")
        }
        guard maxConnections >= 1 else {
            throw ValidationError("--max-connections must be at least 1, not \(maxConnections)")
        }
        if let baseURL {
            do {
                _ = try SiteOptions.normalizedBaseURL(baseURL)
            } catch {
                throw ValidationError("--base-url: \(error)")
            }
        }
    }

    func run() async throws {
        let files = try contentOptions.contentFiles()
        let directory = files.label
        if watch, files.folder == nil {
            Terminal.standardError("error: --watch needs a content folder; the built-in content never changes (give --content DIR or set KB_CONTENT)")
            throw ExitCode(2)
        }
        let knowledgeBase = try contentOptions.loadKnowledgeBase()
        let baseURL = baseURL ?? ProcessInfo.processInfo.environment["KB_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let location = AnalyticsLocation(analytics)
        let siteOptions: SiteOptions
        do {
            // The site's "Was this helpful?" posts to this server while it records feedback.
            siteOptions = SiteOptions(
                baseURL: try baseURL.map(SiteOptions.normalizedBaseURL),
                simulatorForm: .served, feedbackEndpoint: location == .off ? nil : "/v1/feedback"
            )
        } catch {
            Terminal.standardError("error: KB_BASE_URL: \(error)")
            throw ExitCode.failure
        }
        let store: KnowledgeBaseStore
        do {
            store = try KnowledgeBaseStore(knowledgeBase, files: files, siteOptions: siteOptions)
        } catch {
            Terminal.standardError("error: \(error)")
            throw ExitCode.failure
        }
        let level = logLevel.level
        // StreamLogHandler's format, written in batches (one line per request adds up).
        LoggingSystem.bootstrap { label in
            ServerLogHandler(label: label, level: level, sink: .standardError)
        }
        defer { LogSink.standardError.flush() }
        let connections = ConnectionLimits(
            maxConnections: maxConnections,
            headerTimeout: headerTimeout.duration,
            bodyTimeout: bodyTimeout.duration,
            idleTimeout: idleTimeout.duration
        )
        let configuration = ServerConfiguration(
            host: host, port: port, contentDirectory: directory,
            baseURL: baseURL, watch: watch, connections: connections, cacheBytes: cacheBytes.bytes
        )
        let logger = Logger(label: "kb")
        var serverAnalytics = ServerAnalytics(adminToken: ProcessInfo.processInfo.environment["KB_ADMIN_TOKEN"])
        do {
            if let analyticsStore = try await location.open() {
                serverAnalytics.recorder = AnalyticsRecorder(store: analyticsStore, logger: logger)
            }
        } catch {
            Terminal.standardError("error: --analytics: \(error)")
            throw ExitCode.failure
        }
        let counts = knowledgeBase.content
        let server = KnowledgeBaseServer(
            configuration: configuration, store: store, logger: logger,
            analytics: serverAnalytics, retentionDays: analyticsRetentionDays
        )
        try await server.run { url in
            let lines = """
            kb: serving \(directory) (\(counts.articles.count) articles, \(counts.responseCodes.count) codes) at \(url)
            kb: open \(url)/ for the help site; try \(url)/v1/codes/51 or \(url)/openapi.yaml; Ctrl-C stops

            """
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
    }
}

/// A timeout on the command line: `10s`, `500ms`, `2m`, or a number of seconds.
struct TimeoutArgument: ExpressibleByArgument, CustomStringConvertible {
    var duration: Duration

    init(_ duration: Duration) {
        self.duration = duration
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        var number = text, scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count))
            scale = factor
            break
        }
        guard let value = Double(number), value > 0, value * scale <= 86_400 else { return nil }
        duration = .milliseconds(Int64((value * scale * 1000).rounded()))
        guard duration > .zero else { return nil }
    }

    var description: String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds)s" }
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms"
    }

    var defaultValueDescription: String { description }
}

/// A size in bytes on the command line: `33554432`, `32MiB`, `512KiB`, `1GiB` (also `MB`, `K`, …, read as powers of 1024).
struct ByteCountArgument: ExpressibleByArgument, CustomStringConvertible {
    var bytes: Int

    init(_ bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [
            ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1 << 10), ("mb", 1 << 20), ("gb", 1 << 30),
            ("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30), ("b", 1),
        ]
        var number = text, scale = 1
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count))
            scale = factor
            break
        }
        guard let value = Int(number.trimmingCharacters(in: .whitespaces)), value >= 0,
              value <= Int(Int32.max) / scale * 4 else { return nil }
        bytes = value * scale
    }

    var description: String {
        if bytes > 0, bytes % (1 << 20) == 0 { return "\(bytes >> 20)MiB" }
        if bytes > 0, bytes % (1 << 10) == 0 { return "\(bytes >> 10)KiB" }
        return String(bytes)
    }

    var defaultValueDescription: String { description }
}
