/// How `kb serve` is set up: where it listens, what content it serves, and how
/// it reloads.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    public var host: String
    public var port: Int
    /// The content folder the knowledge base is loaded from.
    public var contentDirectory: String
    /// The help site's public address; when set, links in answers are absolute.
    public var baseURL: String?
    /// Whether to poll the content folder and reload when a file changes.
    public var watch: Bool
    /// How often `watch` looks at the content files.
    public var watchInterval: Duration
    /// The largest request body accepted, in bytes.
    public var maxBodySize: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        contentDirectory: String,
        baseURL: String? = nil,
        watch: Bool = false,
        watchInterval: Duration = .seconds(1),
        maxBodySize: Int = 64 * 1024
    ) {
        self.host = host
        self.port = port
        self.contentDirectory = contentDirectory
        self.baseURL = baseURL.flatMap { $0.isEmpty ? nil : $0 }
        self.watch = watch
        self.watchInterval = watchInterval
        self.maxBodySize = maxBodySize
    }
}
