public import Foundation
import GRDB
import GRDBSQLite

/// Events in one SQLite file through GRDB: a `DatabasePool` (WAL: one writer, many
/// readers), the schema made and upgraded by a `DatabaseMigrator` (``AnalyticsSchema``).
///
/// Before each write it checks that the file it opened is still the file at its path
/// and that the path is writable: a file deleted (or replaced) under it is opened
/// anew, with the schema, so that writes are not lost in an unlinked file; a file
/// made read-only (no write permission bits, whoever the process runs as) is not
/// written to, and the write fails until it is writable again.
public actor SQLiteAnalyticsStore: AnalyticsStore {
    public nonisolated let path: String
    private var pool: DatabasePool?
    private var fileNumber: UInt64?
    /// The query numbers the writer has found in this file (``QueryNumbers``).
    private var queries = QueryNumbers()

    public nonisolated var label: String { path }

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        (pool, fileNumber) = try Self.open(path)
    }

    /// The migrator every SQLite store uses: one named migration per schema step.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in AnalyticsSchema.migrations {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.statements { try db.execute(sql: AnalyticsSchema.sqlite(statement)) }
            }
        }
        return migrator
    }

    private static func open(_ path: String) throws -> (DatabasePool, UInt64?) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "kb-analytics"
        // In WAL mode NORMAL is safe from corruption; a power cut may lose the last commits.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            return (pool, fileNumber(of: path))
        } catch {
            throw AnalyticsStoreError("cannot open analytics database \(path): \(error)")
        }
    }

    private static func fileNumber(of path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? UInt64
    }

    /// The pool to write with: the open one while it is still the file at `path`, else a new one.
    private func writablePool() throws -> DatabasePool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let current = attributes?[.systemFileNumber] as? UInt64
        if let pool, current != nil, current == fileNumber {
            if let mode = attributes?[.posixPermissions] as? Int, mode & 0o222 == 0 {
                throw AnalyticsStoreError("analytics database \(path) is read-only (mode \(String(mode, radix: 8)))")
            }
            return pool
        }
        // Gone or replaced: close what was open and open the path anew.
        try? pool?.close()
        pool = nil
        let (opened, number) = try Self.open(path)
        pool = opened
        fileNumber = number
        queries = QueryNumbers()
        return opened
    }

    public func write(_ events: [AnalyticsEvent]) async throws {
        guard !events.isEmpty else { return }
        let pool = try writablePool()
        do {
            // Below request handling (WriterPriority): the rows wait, the searches do not.
            let write = try await pool.write { [queries] db in
                WriterPriority.lower()
                let purges = try Int64.fetchOne(db, sql: Self.purgeCount) ?? 0
                var write = queries.write(purges: purges)
                // New queries are numbered here, after the highest number in the file (this
                // is the one writer), and inserted 50 rows a statement like the searches.
                var added: [SearchQuery] = []
                var first: Int64?
                let numbers = try write.numbers(of: events) { query in
                    let start = try first ?? (Int64.fetchOne(db, sql: AnalyticsSchema.highestQueryNumber) ?? 0) + 1
                    first = start
                    added.append(query)
                    return start + Int64(added.count - 1)
                }
                if let first { try Self.insert(added, numberedFrom: first, into: db) }
                try Self.insert(events, queries: numbers, into: db)
                return write
            }
            self.queries.merge(write)
        } catch {
            throw AnalyticsStoreError("cannot write to analytics database \(path): \(error)")
        }
    }

    /// Inserts `events` in multi-row statements (``AnalyticsSchema/chunks(_:)``: up to
    /// ``AnalyticsSchema/rowsPerInsert`` rows of one kind each, so that SQLite opens its
    /// cursors once per chunk rather than once per row), each value bound in place from
    /// the event with SQLite's own functions (``SQLiteBinder``): no argument arrays, no
    /// dynamic casts (GRDB's `StatementArguments` made most of the writer's time at a few
    /// thousand events a second), and text copied once, into one buffer SQLite reads
    /// from (binding text for SQLite to copy cost a `malloc` and a `free` per value).
    static func insert(_ events: [AnalyticsEvent], queries: [Int64], into db: Database) throws {
        try withUnsafeTemporaryAllocation(byteCount: SQLiteBinder.textCapacity, alignment: 1) { text in
            for (kind, chunk) in AnalyticsSchema.chunks(events) {
                try step(AnalyticsSchema.insert(kind, rows: chunk.count), in: db, text: text) { binder in
                    for index in chunk.indices { chunk[index].writeValues(to: &binder, query: queries[index]) }
                }
            }
        }
    }

    /// Runs the cached statement `sql` (an insert) once, its values bound by `bind` (in
    /// place, from `text`: ``SQLiteBinder``).
    private static func step(
        _ sql: String, in db: Database, text: UnsafeMutableRawBufferPointer, bind: (inout SQLiteBinder) -> Void
    ) throws {
        let statement = try db.cachedStatement(sql: sql).sqliteStatement
        sqlite3_reset(statement)
        var binder = SQLiteBinder(statement: statement, text: text)
        bind(&binder)
        var code = binder.failure ?? sqlite3_step(statement)
        if code == SQLITE_DONE { code = SQLITE_OK }
        sqlite3_reset(statement)
        // The statement is cached: it must not keep pointers into `text`.
        sqlite3_clear_bindings(statement)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql) }
    }

    private static let purgeCount = AnalyticsSchema.sqlite(AnalyticsSchema.purgeCount)

    /// `queries` added, numbered from `first` on, in multi-row statements.
    private static func insert(_ queries: [SearchQuery], numberedFrom first: Int64, into db: Database) throws {
        try withUnsafeTemporaryAllocation(byteCount: SQLiteBinder.textCapacity, alignment: 1) { text in
            var start = queries.startIndex
            while start < queries.endIndex {
                let end = min(start + AnalyticsSchema.rowsPerInsert, queries.endIndex)
                try step(AnalyticsSchema.numberedQueries(end - start), in: db, text: text) { binder in
                    for index in start..<end {
                        binder.integer(first + Int64(index))
                        queries[index].writeValues(to: &binder)
                    }
                }
                start = end
            }
        }
    }

    public func report(_ query: ReportQuery) async throws -> AnalyticsReport {
        guard let pool else { throw AnalyticsStoreError("analytics database \(path) is closed") }
        return try await AnalyticsReport.assemble(query) { sql, values in
            try await pool.read { db in
                try Row.fetchAll(db, sql: AnalyticsSchema.sqlite(sql), arguments: StatementArguments(values.map(\.databaseValue))).map { row in
                    (0..<row.count).map { EventValue(row[$0] as DatabaseValue) }
                }
            }
        }
    }

    @discardableResult
    public func purge(before date: Date) async throws -> Int {
        let pool = try writablePool()
        return try await pool.write { db in
            var deleted = 0
            for (sql, values, counted) in AnalyticsSchema.purge(before: date) {
                try db.execute(sql: sql, arguments: StatementArguments(values.map(\.databaseValue)))
                if counted { deleted += db.changesCount }
            }
            return deleted
        }
    }

    /// Closes the database (the file stays).
    public func close() throws {
        try pool?.close()
        pool = nil
    }
}

extension EventValue {
    var databaseValue: DatabaseValue {
        switch self {
        case let .text(text): text.databaseValue
        case let .integer(value): value.databaseValue
        case .null: .null
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case let .int64(number): self = .integer(number)
        case let .double(number): self = .integer(Int64(number))
        case let .string(text): self = .text(text)
        case let .blob(data): self = .text(String(decoding: data, as: UTF8.self))
        case .null: self = .null
        }
    }
}

/// Binds values to a prepared statement's parameters, one after the other, from 1.
///
/// Text is copied into `text`, a buffer that outlives the statement's run, and bound
/// there without SQLite copying it again (`SQLITE_STATIC`); text that no longer fits is
/// bound for SQLite to copy (`SQLITE_TRANSIENT`). The caller clears the bindings before
/// the buffer goes. The first failure is kept.
struct SQLiteBinder: EventValueSink {
    let statement: SQLiteStatement
    private let text: UnsafeMutableRawBufferPointer
    private var used = 0
    private var index: Int32 = 1
    /// The first bind that failed, as SQLite's result code.
    private(set) var failure: Int32?

    /// Bytes of text one statement's values may take in the buffer: 50 rows of a few
    /// hundred bytes fit many times over.
    static let textCapacity = 64 * 1024

    init(statement: SQLiteStatement, text: UnsafeMutableRawBufferPointer) {
        self.statement = statement
        self.text = text
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String) {
        if value.isEmpty {
            // Text, not NULL (an empty buffer may have no address).
            return done(sqlite3_bind_text(statement, index, "", 0, nil))
        }
        var value = value
        value.withUTF8 { utf8 in bind(utf8.count) { $0.copyMemory(from: UnsafeRawBufferPointer(utf8)) } }
    }

    mutating func id(_ value: SearchID) {
        bind(SearchID.length) { value.write(to: $0) }
    }

    mutating func integer(_ value: Int64) { done(sqlite3_bind_int64(statement, index, value)) }

    mutating func null() { done(sqlite3_bind_null(statement, index)) }

    /// Binds `count` bytes of text that `fill` writes: into the buffer, which SQLite reads
    /// in place, or, once the buffer is full, into temporary memory SQLite copies.
    private mutating func bind(_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let statement = statement, index = index
        if let base = text.baseAddress, used + count <= text.count {
            let start = base + used
            used += count
            fill(UnsafeMutableRawBufferPointer(start: start, count: count))
            return done(sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), Int32(count), nil))
        }
        done(withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { bytes in
            fill(bytes)
            return sqlite3_bind_text(statement, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), Self.transient)
        })
    }

    private mutating func done(_ code: Int32) {
        if code != SQLITE_OK, failure == nil { failure = code }
        index += 1
    }
}
