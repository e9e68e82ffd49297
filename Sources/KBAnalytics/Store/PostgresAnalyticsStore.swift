public import Foundation
public import Logging
import PostgresNIO
import Synchronization

/// Events in PostgreSQL through PostgresNIO, for several `kb serve` behind a load
/// balancer: the schema, migrations and report queries of ``AnalyticsSchema``, said in
/// PostgreSQL's dialect (``AnalyticsSchema/postgres(_:)``), so a report is the same as
/// SQLite's for the same events.
///
/// The store runs its own `PostgresClient` (a pool of connections) from ``connect(_:logger:)``
/// until ``close()``: its lifetime is the store's, so the recorder can still write its
/// queue out at shutdown. Migrations are recorded in `kb_migrations` (GRDB's
/// `grdb_migrations` for SQLite), applied once under an advisory lock, so that servers
/// started together do not race. A server that is down fails each call within
/// ``operationTimeout``; the recorder keeps the batch and tries again.
public final class PostgresAnalyticsStore: AnalyticsStore {
    public let url: PostgresURL
    public var label: String { url.label }
    /// The longest a write, a report or a purge may take, waiting for a connection included.
    public let operationTimeout: Duration
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    /// The query numbers this server's writer has found (``QueryNumbers``).
    private let queries = Mutex(QueryNumbers())

    /// The table of applied migrations, and the advisory lock held while they are applied.
    static let migrationsTable = "CREATE TABLE IF NOT EXISTS kb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
    static let migrationsLock: Int64 = 0x6B62_616E_616C_7974 // "kbanalyt"
    static let migrationTimeout = Duration.seconds(60)

    private init(url: PostgresURL, operationTimeout: Duration, logger: Logger) {
        self.url = url
        self.operationTimeout = operationTimeout
        self.logger = logger
        var configuration = switch url.endpoint {
        case let .tcp(host, port):
            PostgresClient.Configuration(
                host: host, port: port, username: url.username, password: url.password, database: url.database,
                tls: Self.tls(url.tls)
            )
        case let .unixSocket(path):
            PostgresClient.Configuration(unixSocketPath: path, username: url.username, password: url.password, database: url.database)
        }
        configuration.options.connectTimeout = operationTimeout
        configuration.options.maximumConnections = 4
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    private static func tls(_ mode: PostgresURL.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// Connects to the server `url` names and brings the schema up to date.
    public static func connect(
        _ url: PostgresURL, operationTimeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "kb-analytics-postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> PostgresAnalyticsStore {
        try await connect(url, operationTimeout: operationTimeout, logger: logger, migrations: AnalyticsSchema.migrations)
    }

    /// Connects and applies `migrations`, the first of ``AnalyticsSchema/migrations`` (the
    /// tests make older databases with it).
    static func connect(
        _ url: PostgresURL, operationTimeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "kb-analytics-postgres", factory: { _ in SwiftLogNoOpLogHandler() }),
        migrations: [(name: String, statements: [String])]
    ) async throws -> PostgresAnalyticsStore {
        let store = PostgresAnalyticsStore(url: url, operationTimeout: operationTimeout, logger: logger)
        do {
            try await store.migrate(migrations)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Applies the migrations not yet applied, each in order, all in one transaction.
    /// Idempotent: a second run (or a second server) finds them applied.
    /// - Returns: the names of the migrations applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await migrate(AnalyticsSchema.migrations)
    }

    @discardableResult
    private func migrate(_ migrations: [(name: String, statements: [String])]) async throws -> [String] {
        // A migration may rewrite a table: it gets longer than a write.
        try await run("migrate", within: max(operationTimeout, Self.migrationTimeout)) { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationsLock))", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: Self.migrationsTable), logger: logger)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT identifier FROM kb_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                var now: [String] = []
                for migration in migrations where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        // Constant SQL from AnalyticsSchema: nothing in it comes from a reader.
                        try await connection.query(PostgresQuery(unsafeSQL: AnalyticsSchema.postgres(statement)), logger: logger)
                    }
                    try await connection.query("INSERT INTO kb_migrations (identifier) VALUES (\(migration.name))", logger: logger)
                    now.append(migration.name)
                }
                return now
            }
        }
    }

    /// The names in `kb_migrations`, in the order ``AnalyticsSchema/migrations`` lists them.
    public func appliedMigrations() async throws -> [String] {
        let names = try await run("read migrations") { client, logger in
            var names = Set<String>()
            for try await name in try await client.query("SELECT identifier FROM kb_migrations", logger: logger).decode(String.self) {
                names.insert(name)
            }
            return names
        }
        return AnalyticsSchema.migrations.map(\.name).filter(names.contains)
    }

    public func write(_ events: [AnalyticsEvent]) async throws {
        guard !events.isEmpty else { return }
        let queries = queries.withLock { $0 }
        let write = try await run("write to") { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                // A purge waits for this transaction from here (the row is shared), or this waits for it.
                let purges = try await connection.query(Self.query(AnalyticsSchema.purgeCount, []), logger: logger)
                    .decode(Int64.self).first { _ in true } ?? 0
                var write = queries.write(purges: purges)
                for query in write.unknown(in: events) {
                    let number = try await connection.query(Self.query(AnalyticsSchema.addQuery, query.values), logger: logger)
                        .decode(Int64.self).first { _ in true }
                    guard let number else { throw AnalyticsStoreError("adding query \(query.query) gave no number") }
                    write.add(query, number: number)
                }
                let numbers = try write.numbers(of: events) { query in
                    throw AnalyticsStoreError("no number for query \(query.query)")
                }
                for (sql, values) in AnalyticsSchema.inserts(events, queries: numbers) {
                    try await connection.query(Self.query(sql, values), logger: logger)
                }
                return write
            }
        }
        self.queries.withLock { $0.merge(write) }
    }

    public func report(_ query: ReportQuery) async throws -> AnalyticsReport {
        try await run("read the report from") { client, logger in
            try await AnalyticsReport.assemble(query) { sql, values in
                var rows: [[EventValue]] = []
                for try await row in try await client.query(Self.query(sql, values), logger: logger) {
                    rows.append(try row.map(EventValue.init))
                }
                return rows
            }
        }
    }

    /// Runs `statements` (constant SQL in the shared dialect) in one transaction: the tests
    /// write events as an older schema held them.
    func execute(_ statements: [(sql: String, values: [EventValue])]) async throws {
        try await run("write to") { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                for (sql, values) in statements { try await connection.query(Self.query(sql, values), logger: logger) }
            }
        }
    }

    @discardableResult
    public func purge(before date: Date) async throws -> Int {
        try await run("purge") { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                var deleted = 0
                for (sql, values, counted) in AnalyticsSchema.purge(before: date) {
                    let metadata = try await connection.query(Self.query(sql, values), logger: logger) { _ in }.get()
                    if counted { deleted += metadata.rows ?? 0 }
                }
                return deleted
            }
        }
    }

    /// Stops the client; the store cannot be used after.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// Constant SQL from ``AnalyticsSchema`` in PostgreSQL's dialect, with `values` bound to its placeholders.
    static func query(_ sql: String, _ values: [EventValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case let .text(text): bindings.append(text)
            case let .integer(number): bindings.append(number)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: AnalyticsSchema.postgres(sql), binds: bindings)
    }

    /// Runs `body` within `timeout` (``operationTimeout`` when `nil`); any failure becomes an ``AnalyticsStoreError``
    /// that says what failed on which server (never the password).
    private func run<Result: Sendable>(
        _ what: String, within timeout: Duration? = nil, _ body: @escaping @Sendable (PostgresClient, Logger) async throws -> Result
    ) async throws -> Result {
        let client = client, logger = logger, timeout = timeout ?? operationTimeout
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask { try await body(client, logger) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let result = first else {
                    throw AnalyticsStoreError("no answer within \(timeout)")
                }
                return result
            }
        } catch let error as PSQLError {
            throw AnalyticsStoreError("cannot \(what) analytics database \(label): \(Self.describe(error))")
        } catch {
            throw AnalyticsStoreError("cannot \(what) analytics database \(label): \(error)")
        }
    }

    /// A PSQLError's code and, when the server sent one, its message.
    private static func describe(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + code
        }
        return "\(error.code)"
    }
}

extension EventValue {
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8: self = .integer(try cell.decode(Int64.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
