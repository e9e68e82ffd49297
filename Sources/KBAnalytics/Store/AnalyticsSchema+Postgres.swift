import Foundation

/// What PostgreSQL needs said differently from the shared SQL of ``AnalyticsSchema``:
/// numbered placeholders, and text compared byte by byte as SQLite does, so that the
/// report's ties are ordered the same on both.
extension AnalyticsSchema {
    /// `sql` for PostgreSQL: each `?` outside a string literal becomes `$1`, `$2`, …;
    /// in a `CREATE TABLE`, each `TEXT` column gets `COLLATE "C"` (SQLite's BINARY).
    static func postgres(_ sql: String) -> String {
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
        return result.replacingOccurrences(of: " TEXT NOT NULL", with: " TEXT COLLATE \"C\" NOT NULL")
            .replacingOccurrences(of: " TEXT,", with: " TEXT COLLATE \"C\",")
            .replacingOccurrences(of: " TEXT\n", with: " TEXT COLLATE \"C\"\n")
    }
}
