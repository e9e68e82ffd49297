import Foundation

/// An event's values in the order of its insert statement (``AnalyticsSchema``),
/// as plain values any driver binds.
enum EventValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null
}

extension AnalyticsEvent {
    /// The insert statement for this event and the values it binds.
    var row: (sql: String, values: [EventValue]) {
        switch self {
        case let .search(event):
            (AnalyticsSchema.insertSearch, [
                .text(event.id), .integer(event.date.milliseconds), .text(event.date.utcDay), .text(event.query),
                .text(event.language), .integer(Int64(event.hits)), .text(event.topIDs.joined(separator: " ")),
                .integer(Int64(event.tookMicros)), .text(event.source.rawValue),
            ])
        case let .click(event):
            (AnalyticsSchema.insertClick, [
                .text(event.searchID), .integer(event.date.milliseconds), .text(event.target), .integer(Int64(event.rank)),
            ])
        case let .feedback(event):
            (AnalyticsSchema.insertFeedback, [
                .integer(event.date.milliseconds), .text(event.date.utcDay), .text(event.subject.rawValue), .text(event.id),
                .text(event.language), .integer(event.helpful ? 1 : 0),
                event.reason.map { .text($0.rawValue) } ?? .null, event.comment.map { .text($0) } ?? .null,
            ])
        }
    }
}

extension AnalyticsSchema {
    /// Rows per multi-row insert: one statement, one step, for this many events of a kind.
    static let rowsPerInsert = 50

    /// `sql` (an `INSERT … VALUES (?, …) …` of one row) for `count` rows at once.
    static func insert(_ sql: String, rows count: Int) -> String {
        guard count > 1, let values = sql.range(of: " VALUES "),
              let close = sql[values.upperBound...].firstIndex(of: ")") else { return sql }
        let tuple = sql[values.upperBound...close]
        let tuples = Array(repeating: String(tuple), count: count).joined(separator: ", ")
        return String(sql[..<values.upperBound]) + tuples + String(sql[sql.index(after: close)...])
    }

    /// `events` as insert statements: runs of one kind in chunks of ``rowsPerInsert``
    /// rows, each with its values in order.
    static func inserts(_ events: [AnalyticsEvent]) -> [(sql: String, values: [EventValue])] {
        var statements: [(sql: String, values: [EventValue])] = []
        var index = 0
        while index < events.count {
            let (sql, first) = events[index].row
            var values = first
            var count = 1
            while count < rowsPerInsert, index + count < events.count {
                let (nextSQL, next) = events[index + count].row
                guard nextSQL == sql else { break }
                values += next
                count += 1
            }
            statements.append((insert(sql, rows: count), values))
            index += count
        }
        return statements
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
