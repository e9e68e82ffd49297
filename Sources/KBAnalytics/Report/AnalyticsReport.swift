public import Foundation

/// What authors see (`kb report`, `GET /v1/report`, `/admin/report`): searches per
/// day, top queries, queries with no results, queries whose clicks go past rank 3,
/// and pages by helpfulness, lowest first.
public struct AnalyticsReport: Sendable, Codable, Hashable {
    public struct Day: Sendable, Codable, Hashable {
        /// `YYYY-MM-DD`, UTC.
        public var day: String
        public var searches: Int
        public var zeroResults: Int
    }

    public struct Query: Sendable, Codable, Hashable {
        public var query: String
        public var lang: String
        public var count: Int
        /// Of `count`, the searches that found nothing.
        public var zeroResults: Int
        /// For a query with no results: what kb suggests instead ("did you mean" or the
        /// closest page), filled in by whoever holds the knowledge base.
        public var suggestion: String?
    }

    public struct RankedQuery: Sendable, Codable, Hashable {
        public var query: String
        public var lang: String
        public var clicks: Int
        /// Of `clicks`, those on a hit past rank 3.
        public var pastRank3: Int
    }

    public struct Comment: Sendable, Codable, Hashable {
        public var at: String
        public var helpful: Bool
        public var text: String
    }

    public struct Page: Sendable, Codable, Hashable {
        /// `article` or `code`.
        public var kind: String
        public var id: String
        public var helpful: Int
        public var notHelpful: Int
        /// How often each reason was given, by its name (`outdated`, `unclear`, …).
        public var reasons: [String: Int]
        /// The most recent comments, newest first (at most 3).
        public var comments: [Comment]

        /// Of the votes, the share that said yes, from 0 to 1.
        public var helpfulRate: Double {
            helpful + notHelpful == 0 ? 0 : Double(helpful) / Double(helpful + notHelpful)
        }
    }

    public struct Totals: Sendable, Codable, Hashable {
        public var searches: Int
        public var zeroResults: Int
        public var clicks: Int
        public var feedback: Int
    }

    /// The first moment counted, ISO 8601.
    public var since: String
    /// The language asked for, or `nil` for all.
    public var lang: String?
    public var totals: Totals
    public var days: [Day]
    public var topQueries: [Query]
    public var zeroResultQueries: [Query]
    public var pastRank3Queries: [RankedQuery]
    public var pages: [Page]
}

/// Which events a report counts.
public struct ReportQuery: Sendable, Hashable {
    public var since: Date
    /// `en` or `id`; `nil` for both.
    public var language: String?
    /// Rows per list.
    public var limit: Int

    public init(since: Date, language: String? = nil, limit: Int = 20) {
        self.since = since
        self.language = language
        self.limit = limit
    }
}

extension ReportQuery {
    /// The start of a report's period from `text`: a span back from `now` (`30d`,
    /// `12h`, `2w`) or a UTC date (`2026-11-01`); `nil` when it is neither.
    public static func since(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [Character: Double] = ["h": 3600, "d": 86_400, "w": 7 * 86_400]
        if let unit = trimmed.last, let scale = units[unit], let count = Int(trimmed.dropLast()), count >= 0, count <= 999_999 {
            return now.addingTimeInterval(-Double(count) * scale)
        }
        return date(trimmed)
    }

    /// A `YYYY-MM-DD` date as midnight UTC.
    public static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
