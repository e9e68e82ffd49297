public import Foundation
public import KBContent

/// Reading and writing the times simulators take and give.
///
/// Accepted: ISO 8601 date-times such as `2026-11-25T09:30:00+07:00`, `…Z`, or without an
/// offset (`2026-11-25T09:30`, `2026-11-25 09:30:15`), which are read in the given zone;
/// and, where a day is known, a time of that day alone (`09:30`, `09:30:15`).
public enum FlowTime {
    /// The moment `text` names, or `nil` when it is not a date-time.
    ///
    /// - Parameters:
    ///   - timeZone: the zone for times written without an offset.
    ///   - day: a moment whose calendar day (in `timeZone`) a time alone (`09:30`) falls on;
    ///     without one, a time alone is not accepted.
    public static func parse(_ text: String, in timeZone: TimeZone, day: Date? = nil) -> Date? {
        var scanner = Scanner(Array(text.trimmingSpaces().unicodeScalars))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        if let year = scanner.number(digits: 4) {
            guard scanner.take("-"), let month = scanner.number(digits: 2), scanner.take("-"),
                  let dayOfMonth = scanner.number(digits: 2), scanner.take("T") || scanner.take("t") || scanner.take(" ")
            else { return nil }
            (components.year, components.month, components.day) = (year, month, dayOfMonth)
        } else {
            guard let day else { return nil }
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            (components.year, components.month, components.day) = (parts.year, parts.month, parts.day)
            scanner = Scanner(Array(text.trimmingSpaces().unicodeScalars))
        }
        guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2) else { return nil }
        var second = 0
        var fraction = 0.0
        if scanner.take(":") {
            guard let value = scanner.number(digits: 2) else { return nil }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard let digits = scanner.digits(), !digits.isEmpty else { return nil }
                fraction = Double("0." + digits) ?? 0
            }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        (components.hour, components.minute, components.second) = (hour, minute, second)

        if scanner.take("Z") || scanner.take("z") {
            calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? timeZone
        } else if let sign = scanner.peek(), sign == "+" || sign == "-" {
            scanner.advance()
            guard let hours = scanner.number(digits: 2), hours <= 23 else { return nil }
            var minutes = 0
            if scanner.take(":") {
                guard let value = scanner.number(digits: 2) else { return nil }
                minutes = value
            } else if let value = scanner.number(digits: 2) {
                minutes = value
            }
            guard minutes <= 59, let zone = TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)) else {
                return nil
            }
            calendar.timeZone = zone
        }
        guard scanner.isAtEnd, let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == components.year, back.month == components.month, back.day == components.day else { return nil }
        return date.addingTimeInterval(fraction)
    }

    /// ISO 8601 with the zone's offset at that moment: `2026-11-25T09:19:00+07:00` (`Z` for UTC).
    public static func iso(_ date: Date, in timeZone: TimeZone) -> String {
        let fields = parts(date, timeZone)
        let offset = timeZone.secondsFromGMT(for: date)
        let zone: String
        if offset == 0 {
            zone = "Z"
        } else {
            let magnitude = abs(offset) / 60
            zone = (offset < 0 ? "-" : "+") + pad(magnitude / 60) + ":" + pad(magnitude % 60)
        }
        return "\(fields.day)T\(fields.time)\(zone)"
    }

    /// For people, in English: `09:19 WIB, 25 November 2026` (seconds only when there are
    /// some: `15:59:59 WIB, 26 November 2026`); with `zoneName` in place of the zone's
    /// short name (``zoneName(_:)``): `16:00 WIB (UTC+7), 26 November 2026`.
    public static func text(_ date: Date, in timeZone: TimeZone, zoneName: String? = nil) -> String {
        text(date, in: timeZone, zoneName: zoneName, language: .english)
    }

    /// For people in `language`: `09:19 WIB, 25 November 2026`; in Indonesian, with a dot
    /// between hours and minutes, `25 November 2026 pukul 09.19 WIB`. Seconds only when
    /// there are some. The zone is `zoneName` if given, else ``zoneName(_:)``.
    public static func text(_ date: Date, in timeZone: TimeZone, zoneName: String? = nil, language: Language) -> String {
        let c = components(date, timeZone)
        let zone = zoneName ?? self.zoneName(timeZone)
        switch language {
        case .english:
            return "\(clock(c, separator: ":")) \(zone), \(c.day ?? 0) \(englishMonths[month(c)]) \(c.year ?? 0)"
        case .indonesian:
            return "\(c.day ?? 0) \(indonesianMonths[month(c)]) \(c.year ?? 0) pukul \(clock(c, separator: ".")) \(zone)"
        }
    }

    /// The time of day alone, for a table whose day is plain: `09:19 WIB`; `pukul 09.19 WIB`.
    public static func timeOfDay(_ date: Date, in timeZone: TimeZone, zoneName: String? = nil, language: Language) -> String {
        let c = components(date, timeZone)
        let zone = zoneName ?? self.zoneName(timeZone)
        switch language {
        case .english: return "\(clock(c, separator: ":")) \(zone)"
        case .indonesian: return "pukul \(clock(c, separator: ".")) \(zone)"
        }
    }

    /// The name people know a zone by: `WIB` for Asia/Jakarta, `WITA` for Asia/Makassar,
    /// `WIT` for Asia/Jayapura, `UTC` for UTC; otherwise its identifier (`Europe/Berlin`).
    public static func zoneName(_ timeZone: TimeZone) -> String {
        if let zone = indonesianZones[timeZone.identifier] { return zone.name }
        return utcIdentifiers.contains(timeZone.identifier) ? "UTC" : timeZone.identifier
    }

    /// One sentence that explains the zone times are shown in, for a page to say once:
    /// "Times are in WIB (Western Indonesia Time, UTC+7)."; "Waktu dalam WIB (Waktu
    /// Indonesia Barat, UTC+7)."; "Times are in UTC."; "Times are in Europe/Berlin time."
    public static func zoneExplanation(for timeZone: TimeZone, language: Language) -> String {
        if let zone = indonesianZones[timeZone.identifier] {
            switch language {
            case .english: return "Times are in \(zone.name) (\(zone.english), UTC+\(zone.offset))."
            case .indonesian: return "Waktu dalam \(zone.name) (\(zone.indonesian), UTC+\(zone.offset))."
            }
        }
        let name = zoneName(timeZone)
        let isUTC = name == "UTC"
        switch language {
        case .english: return isUTC ? "Times are in UTC." : "Times are in \(name) time."
        case .indonesian: return isUTC ? "Waktu dalam UTC." : "Waktu dalam zona waktu \(name)."
        }
    }

    /// A span for people, largest units first: `14 min 59 s`, `1 d 2 h`, `0 s`.
    public static func duration(_ interval: TimeInterval) -> String {
        duration(interval, language: .english)
    }

    /// A span for people in `language`: `14 min 59 s`; `14 menit 59 detik`, `1 hari 2 jam`.
    public static func duration(_ interval: TimeInterval, language: Language) -> String {
        let units: [(String, Int)]
        switch language {
        case .english: units = [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)]
        case .indonesian: units = [("hari", 86_400), ("jam", 3_600), ("menit", 60), ("detik", 1)]
        }
        var seconds = Int(interval.rounded(.down))
        guard seconds > 0 else { return "0 " + units[3].0 }
        var parts: [String] = []
        for (unit, size) in units where seconds >= size {
            parts.append("\(seconds / size) \(unit)")
            seconds %= size
        }
        return parts.joined(separator: " ")
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static let indonesianMonths = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]

    /// Indonesia's zones by the names people use, in both languages, and their offsets.
    private static let indonesianZones: [String: (name: String, english: String, indonesian: String, offset: Int)] = {
        let west = ("WIB", "Western Indonesia Time", "Waktu Indonesia Barat", 7)
        let central = ("WITA", "Central Indonesia Time", "Waktu Indonesia Tengah", 8)
        let east = ("WIT", "Eastern Indonesia Time", "Waktu Indonesia Timur", 9)
        return [
            "Asia/Jakarta": west, "Asia/Pontianak": west, "Asia/Makassar": central, "Asia/Ujung_Pandang": central,
            "Asia/Jayapura": east,
        ]
    }()

    /// The identifiers of UTC itself.
    private static let utcIdentifiers: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"]

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func month(_ c: DateComponents) -> Int { max(0, min(11, (c.month ?? 1) - 1)) }

    /// `09:19`, `15:59:59`; with a dot, `09.19`.
    private static func clock(_ c: DateComponents, separator: String) -> String {
        var time = pad(c.hour ?? 0) + separator + pad(c.minute ?? 0)
        if let second = c.second, second != 0 { time += separator + pad(second) }
        return time
    }

    /// The calendar day (`2026-11-25`) of `date` in `timeZone`.
    static func day(_ date: Date, in timeZone: TimeZone) -> String { parts(date, timeZone).day }

    private static func parts(_ date: Date, _ timeZone: TimeZone) -> (day: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = String(c.year ?? 0)
        let day = String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + pad(c.month ?? 0) + "-" + pad(c.day ?? 0)
        return (day, pad(c.hour ?? 0) + ":" + pad(c.minute ?? 0) + ":" + pad(c.second ?? 0))
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// A cursor over Unicode scalars, for the small grammar above.
    private struct Scanner {
        var scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var isAtEnd: Bool { index == scalars.count }
        func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        mutating func advance() { index += 1 }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard peek() == scalar else { return false }
            index += 1
            return true
        }

        /// Exactly `digits` decimal digits as a number.
        mutating func number(digits count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            let slice = scalars[index..<(index + count)]
            guard slice.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            index += count
            return slice.reduce(0) { $0 * 10 + Int($1.value - 48) }
        }

        /// The run of decimal digits at the cursor.
        mutating func digits() -> String? {
            var text = ""
            while let scalar = peek(), ("0"..."9").contains(scalar) {
                text.unicodeScalars.append(scalar)
                index += 1
            }
            return text
        }
    }
}
