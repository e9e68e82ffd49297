import Foundation

/// What PostgreSQL needs said differently from the shared SQL of ``AnalyticsSchema``:
/// numbered placeholders, text compared byte by byte as SQLite does (so that the
/// report's ties are ordered the same on both, and search ids sort by their time), a
/// table's own layout, and hex digits.
extension AnalyticsSchema {
    /// `sql` for PostgreSQL: each `?` outside a string literal becomes `$1`, `$2`, …;
    /// `TIME_DIGITS(x)` is said with `to_hex`; in a `CREATE TABLE`, each `TEXT` column gets
    /// `COLLATE "C"` (SQLite's BINARY), and `WITHOUT ROWID` goes (a PostgreSQL table is a
    /// heap beside its primary key's index either way).
    static func postgres(_ sql: String) -> String {
        let sql = expandingTimeDigits(sql) { "lpad(to_hex(\($0)), 12, '0')" }
        var result = ""
        result.reserveCapacity(sql.count + 16)
        var number = 0
        var inLiteral = false
        for character in sql {
            if character == "'" { inLiteral.toggle() }
            if character == "?", !inLiteral {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        guard result.hasPrefix("CREATE TABLE") else { return result }
        return result.replacingOccurrences(of: ") WITHOUT ROWID", with: ")")
            .replacingOccurrences(of: " TEXT NOT NULL", with: " TEXT COLLATE \"C\" NOT NULL")
            .replacingOccurrences(of: " TEXT,", with: " TEXT COLLATE \"C\",")
            .replacingOccurrences(of: " TEXT\n", with: " TEXT COLLATE \"C\"\n")
    }
}
