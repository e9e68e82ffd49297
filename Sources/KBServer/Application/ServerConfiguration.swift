/// How `kb serve` is set up: where it listens, what content it serves, how it
/// reloads, and the limits that keep one client from starving or bloating it.
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
    /// Connections, their timeouts, and the sizes of request heads.
    public var connections: ConnectionLimits
    /// The response cache's budget, in bytes (answers, their URIs and headers).
    public var cacheBytes: Int
    /// Whether answers the response cache holds are served before routing (the same
    /// bytes, less work); off only to compare the two paths.
    public var answersBeforeRouting = true

    /// The default response cache budget: 32 MiB.
    public static let defaultCacheBytes = 32 * 1024 * 1024

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        contentDirectory: String,
        baseURL: String? = nil,
        watch: Bool = false,
        watchInterval: Duration = .seconds(1),
        maxBodySize: Int = 64 * 1024,
        connections: ConnectionLimits = ConnectionLimits(),
        cacheBytes: Int = ServerConfiguration.defaultCacheBytes
    ) {
        self.host = host
        self.port = port
        self.contentDirectory = contentDirectory
        self.baseURL = baseURL.flatMap { $0.isEmpty ? nil : $0 }
        self.watch = watch
        self.watchInterval = watchInterval
        self.maxBodySize = maxBodySize
        self.connections = connections
        self.cacheBytes = cacheBytes
    }
}

/// What one connection may hold and for how long, in the manner of nginx's
/// `client_header_timeout`, `client_body_timeout`, `keepalive_timeout`,
/// `large_client_header_buffers` and `worker_connections`.
public struct ConnectionLimits: Sendable, Hashable {
    /// Connections open at once; past it, new ones wait in the listen backlog.
    public var maxConnections: Int
    /// Time to send a request's head, from its first byte (from the connection's
    /// opening for its first request). Past it: 408, and the connection is closed.
    public var headerTimeout: Duration
    /// Time to send a request's body, from the end of its head. Past it, the connection is closed.
    public var bodyTimeout: Duration
    /// Time a kept-alive connection may wait, idle, for its next request.
    public var idleTimeout: Duration
    /// The request line's longest target (path and query), in bytes; longer is a 414.
    public var maxURIBytes: Int
    /// One header field's longest line, in bytes; all of a head's fields together
    /// may take ``maxHeaderBytes``. More is a 431.
    public var maxHeaderFieldBytes: Int
    public var maxHeaderBytes: Int
    /// Header fields in one request.
    public var maxHeaderFields: Int

    public init(
        maxConnections: Int = 1024,
        headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(30),
        maxURIBytes: Int = 16 * 1024,
        maxHeaderFieldBytes: Int = 16 * 1024,
        maxHeaderBytes: Int = 32 * 1024,
        maxHeaderFields: Int = 100
    ) {
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxURIBytes = maxURIBytes
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
    }
}
