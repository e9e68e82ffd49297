import Foundation

/// An event's values in the order of its insert statement (``AnalyticsSchema``),
/// as plain values any driver binds.
enum EventValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null
}

/// Where an event's values go, in the order of its insert statement: a list
/// (``EventValueList``, for PostgreSQL) or a prepared SQLite statement (bound in place).
protocol EventValueSink {
    mutating func text(_ value: String)
    /// A search id, as its 32 digits.
    mutating func id(_ value: SearchID)
    mutating func integer(_ value: Int64)
    mutating func null()
}

/// The values as a list.
struct EventValueList: EventValueSink {
    var values: [EventValue] = []
    mutating func text(_ value: String) { values.append(.text(value)) }
    mutating func id(_ value: SearchID) { values.append(.text(value.description)) }
    mutating func integer(_ value: Int64) { values.append(.integer(value)) }
    mutating func null() { values.append(.null) }
}

extension AnalyticsEvent {
    /// Which table an event goes to.
    enum Kind: Hashable, CaseIterable {
        case search, click, feedback

        /// The insert statement of one row (``AnalyticsSchema``).
        var insertSQL: String {
            switch self {
            case .search: AnalyticsSchema.insertSearch
            case .click: AnalyticsSchema.insertClick
            case .feedback: AnalyticsSchema.insertFeedback
            }
        }
    }

    var kind: Kind {
        switch self {
        case .search: .search
        case .click: .click
        case .feedback: .feedback
        }
    }

    /// Gives `sink` this event's values in the order of its insert statement: the one
    /// place that order is written. A search's query is its number in `queries`
    /// (``QueryNumbers``), `query`; other events have none.
    func writeValues(to sink: inout some EventValueSink, query: Int64) {
        switch self {
        case let .search(event):
            sink.id(event.id)
            sink.integer(event.date.milliseconds)
            sink.integer(query)
            sink.integer(Int64(event.tookMicros))
        case let .click(event):
            sink.id(event.searchID)
            sink.integer(event.date.milliseconds)
            sink.text(event.target)
            sink.integer(Int64(event.rank))
        case let .feedback(event):
            sink.integer(event.date.milliseconds)
            sink.text(event.date.utcDay)
            sink.text(event.subject.rawValue)
            sink.text(event.id)
            sink.text(event.language)
            sink.integer(event.helpful ? 1 : 0)
            if let reason = event.reason { sink.text(reason.rawValue) } else { sink.null() }
            if let comment = event.comment { sink.text(comment) } else { sink.null() }
        }
    }
}

extension AnalyticsSchema {
    /// Rows per multi-row insert: one statement, one step, for this many events of a kind.
    static let rowsPerInsert = 50

    /// The insert of ``rowsPerInsert`` rows of each kind, made once.
    private static let fullInserts = Dictionary(uniqueKeysWithValues: AnalyticsEvent.Kind.allCases.map {
        ($0, insert($0.insertSQL, rows: rowsPerInsert))
    })

    /// The insert of `count` rows of `kind`.
    static func insert(_ kind: AnalyticsEvent.Kind, rows count: Int) -> String {
        count == rowsPerInsert ? fullInserts[kind] ?? insert(kind.insertSQL, rows: count) : insert(kind.insertSQL, rows: count)
    }

    /// `sql` (an `INSERT … VALUES (?, …) …` of one row) for `count` rows at once.
    static func insert(_ sql: String, rows count: Int) -> String {
        guard count > 1, let values = sql.range(of: " VALUES "),
              let close = sql[values.upperBound...].firstIndex(of: ")") else { return sql }
        let tuple = sql[values.upperBound...close]
        let tuples = Array(repeating: String(tuple), count: count).joined(separator: ", ")
        return String(sql[..<values.upperBound]) + tuples + String(sql[sql.index(after: close)...])
    }

    /// `events` cut into runs of one kind of at most ``rowsPerInsert`` events, in order.
    static func chunks(_ events: [AnalyticsEvent]) -> [(kind: AnalyticsEvent.Kind, events: ArraySlice<AnalyticsEvent>)] {
        var chunks: [(kind: AnalyticsEvent.Kind, events: ArraySlice<AnalyticsEvent>)] = []
        var start = events.startIndex
        while start < events.endIndex {
            let kind = events[start].kind
            var end = start + 1
            while end < events.endIndex, end - start < rowsPerInsert, events[end].kind == kind { end += 1 }
            chunks.append((kind, events[start..<end]))
            start = end
        }
        return chunks
    }

    /// `events` as insert statements: runs of one kind in chunks of ``rowsPerInsert``
    /// rows, each with its values in order. `queries` holds each event's query number,
    /// in order (``QueryNumbers/Write/numbers(of:resolve:)``).
    static func inserts(_ events: [AnalyticsEvent], queries: [Int64]) -> [(sql: String, values: [EventValue])] {
        chunks(events).map { kind, chunk in
            var list = EventValueList()
            list.values.reserveCapacity(chunk.count * 8)
            for index in chunk.indices { chunk[index].writeValues(to: &list, query: queries[index]) }
            return (insert(kind, rows: chunk.count), list.values)
        }
    }
}

extension Date {
    /// Milliseconds since 1970, UTC.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `YYYY-MM-DD` in UTC (Howard Hinnant's days-to-civil).
    var utcDay: String {
        let days = Int(milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (0...9999).contains(year) else {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(two(month))-\(two(day))"
        }
        // Ten ASCII digits and dashes, written in place: a small string, no allocation
        // (the writer makes one per row).
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for index in (start..<start + width).reversed() {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return 10
        }
    }
}
