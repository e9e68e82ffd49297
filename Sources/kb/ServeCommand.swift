import ArgumentParser
import Foundation
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

        One log line per request goes to stderr. docs/server.md lists the routes.
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

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be between 1 and 65535, not \(port)")
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
        let siteOptions: SiteOptions
        do {
            siteOptions = SiteOptions(baseURL: try baseURL.map(SiteOptions.normalizedBaseURL))
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
        let configuration = ServerConfiguration(
            host: host, port: port, contentDirectory: directory,
            baseURL: baseURL, watch: watch
        )
        let counts = knowledgeBase.content
        let server = KnowledgeBaseServer(configuration: configuration, store: store, logger: Logger(label: "kb"))
        try await server.run { url in
            let lines = """
            kb: serving \(directory) (\(counts.articles.count) articles, \(counts.responseCodes.count) codes) at \(url)
            kb: open \(url)/ for the help site; try \(url)/v1/codes/51 or \(url)/openapi.yaml; Ctrl-C stops

            """
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
    }
}
