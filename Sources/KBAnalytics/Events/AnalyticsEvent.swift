public import Foundation

/// One thing a reader did, as it is stored: never who they are (no address, cookie,
/// user agent or account), and with e-mail addresses and card-like numbers masked.
public enum AnalyticsEvent: Sendable, Hashable {
    case search(SearchEvent)
    case click(ClickEvent)
    case feedback(FeedbackEvent)
}

/// Where a search came from.
public enum SearchSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// `GET /v1/search` (any API client).
    case api
    /// The help site's search page served by `kb serve`.
    case site
    /// `kb search --record` in a terminal.
    case cli
}

/// A search: the query as searched, how many hits it found and the first three.
public struct SearchEvent: Sendable, Hashable {
    /// The opaque id the search response carries (`searchId`), which clicks refer to.
    /// Made at ``date`` (``SearchID/init(at:)``): the store keys searches by it, and a
    /// report's period and the retention take a search's time from it.
    public var id: SearchID
    public var date: Date
    /// Trimmed, case-folded, cut to the search limit, and masked (``PrivacyMask``).
    public var query: String
    /// `en` or `id`.
    public var language: String
    public var hits: Int
    /// The ids of the first three hits (`article:unlock-account`, `code:51`).
    public var topIDs: [String] {
        get { topIDsText.split(separator: " ").map(String.init) }
        set { topIDsText = newValue.prefix(3).joined(separator: " ") }
    }
    /// ``topIDs`` as stored, separated by spaces (ids have none): joined once, not by
    /// the writer for every search answered from the cache.
    public private(set) var topIDsText: String
    public var tookMicros: Int
    public var source: SearchSource

    public init(
        id: SearchID? = nil, date: Date = Date(), query: String, language: String,
        hits: Int, topIDs: [String], tookMicros: Int, source: SearchSource
    ) {
        self.id = id ?? SearchID(at: date)
        self.date = date
        self.query = PrivacyMask.mask(Self.normalized(query))
        self.language = language
        self.hits = hits
        self.topIDsText = topIDs.prefix(3).joined(separator: " ")
        self.tookMicros = tookMicros
        self.source = source
    }

    /// The longest query kept, in characters (the search's own limit).
    public static let maxQueryCharacters = 256

    /// `query` trimmed, case-folded and cut to ``maxQueryCharacters``.
    public static func normalized(_ query: String) -> String {
        let folded = query.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(folded.prefix(maxQueryCharacters))
    }
}

/// A reader opened one hit of a search.
public struct ClickEvent: Sendable, Hashable {
    public var searchID: SearchID
    public var date: Date
    /// The hit opened (`article:unlock-account`, `code:51`).
    public var target: String
    /// Its rank in the results, from 1.
    public var rank: Int

    public init(searchID: SearchID, date: Date = Date(), target: String, rank: Int) {
        self.searchID = searchID
        self.date = date
        self.target = target
        self.rank = rank
    }
}

/// Why a reader said a page did not help: a fixed list.
public enum FeedbackReason: String, Sendable, Hashable, Codable, CaseIterable {
    case outdated
    case unclear
    case didNotAnswer = "didnt-answer"
    case stepsFailed = "steps-didnt-work"
}

/// What a page is: an article or a response code.
public enum FeedbackSubject: String, Sendable, Hashable, Codable, CaseIterable {
    case article
    case code
}

/// "Was this helpful?" on an article or a code.
public struct FeedbackEvent: Sendable, Hashable {
    public var date: Date
    public var subject: FeedbackSubject
    /// The article's slug or the code.
    public var id: String
    public var language: String
    public var helpful: Bool
    public var reason: FeedbackReason?
    /// At most ``maxCommentCharacters``, masked (``PrivacyMask``); `nil` when blank.
    public var comment: String?

    /// The longest comment kept, in characters.
    public static let maxCommentCharacters = 500

    public init(
        date: Date = Date(), subject: FeedbackSubject, id: String, language: String,
        helpful: Bool, reason: FeedbackReason? = nil, comment: String? = nil
    ) {
        self.date = date
        self.subject = subject
        self.id = id
        self.language = language
        self.helpful = helpful
        self.reason = reason
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.comment = trimmed.isEmpty ? nil : PrivacyMask.mask(String(trimmed.prefix(Self.maxCommentCharacters)))
    }
}

extension AnalyticsEvent {
    /// When it happened.
    public var date: Date {
        switch self {
        case let .search(event): event.date
        case let .click(event): event.date
        case let .feedback(event): event.date
        }
    }
}
