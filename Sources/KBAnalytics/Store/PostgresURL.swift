import Foundation

/// A `postgres://` (or `postgresql://`) URL as `--analytics` takes it, read into what
/// a connection needs:
///
/// - `postgres://user:password@host:5432/db` — TCP (port 5432 when none is given);
/// - `postgres://user@%2Fvar%2Frun%2Fpostgresql/db` or `postgres://user@/db?host=/var/run/postgresql`
///   — the Unix socket `.s.PGSQL.<port>` in that folder, as libpq reads them;
/// - `?sslmode=disable|prefer|require` (default `disable`, as on a private network).
public struct PostgresURL: Sendable, Hashable {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// The socket file's full path.
        case unixSocket(path: String)
    }

    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String?
    public var tls: TLSMode

    /// Reads `text`; the error names the bad part (never the password).
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw AnalyticsStoreError("not a postgres:// URL: \(Self.redacted(text)); expected postgres://user@host:5432/database")
        }
        let items = components.queryItems ?? []
        func item(_ name: String) -> String? { items.first { $0.name == name }?.value.flatMap { $0.isEmpty ? nil : $0 } }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? item("user")
        guard let user, !user.isEmpty else {
            throw AnalyticsStoreError("\(Self.redacted(text)) names no user; write postgres://USER@host:5432/database")
        }
        username = user
        password = components.password.flatMap { $0.removingPercentEncoding } ?? item("password")
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? item("dbname") : path.removingPercentEncoding
        let port = components.port ?? item("port").flatMap(Int.init) ?? 5432
        guard (1...65535).contains(port) else { throw AnalyticsStoreError("\(Self.redacted(text)): port \(port) is out of range") }
        // As libpq: a `host` parameter wins over the URL's host.
        let host = item("host") ?? (components.percentEncodedHost?.removingPercentEncoding).flatMap { $0.isEmpty ? nil : $0 }
        if let host, host.hasPrefix("/") {
            endpoint = .unixSocket(path: (host.hasSuffix("/") ? host : host + "/") + ".s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host ?? "localhost", port: port)
        }
        let mode = item("sslmode") ?? "disable"
        guard let tls = TLSMode(rawValue: mode) else {
            throw AnalyticsStoreError("\(Self.redacted(text)): sslmode must be disable, prefer or require, not '\(mode)'")
        }
        self.tls = tls
    }

    /// For logs and `/healthz`: the URL without its password.
    public var label: String {
        let place = switch endpoint {
        case let .tcp(host, port): "\(host):\(port)"
        case let .unixSocket(path): path
        }
        return "postgres://\(username)@\(place)/\(database ?? username)"
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }
}
