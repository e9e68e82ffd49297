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
    public var id: String
    public var date: Date
    /// Trimmed, case-folded, cut to the search limit, and masked (``PrivacyMask``).
    public var query: String
    /// `en` or `id`.
    public var language: String
    public var hits: Int
    /// The ids of the first three hits (`article:unlock-account`, `code:51`).
    public var topIDs: [String]
    public var tookMicros: Int
    public var source: SearchSource

    public init(
        id: String = SearchEvent.newID(), date: Date = Date(), query: String, language: String,
        hits: Int, topIDs: [String], tookMicros: Int, source: SearchSource
    ) {
        self.id = id
        self.date = date
        self.query = PrivacyMask.mask(Self.normalized(query))
        self.language = language
        self.hits = hits
        self.topIDs = Array(topIDs.prefix(3))
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

    /// A new opaque id, 32 lowercase hex digits: the time in milliseconds (48 bits),
    /// then 80 random bits from the system's generator (``RandomBytePool``). The random
    /// part makes it unguessable; the time makes ids sort in the order they were made, so
    /// the index on them grows at its end instead of dirtying a page at random for each
    /// row (with random ids, most of a write's time went into reading and writing pages).
    public static func newID(at date: Date = Date()) -> String {
        let time = UInt64(clamping: max(0, date.milliseconds)) & 0xFFFF_FFFF_FFFF
        let random = RandomBytePool.shared.next(UInt64.self)
        let high = time << 16 | random >> 48
        let low = random << 16 | UInt64(RandomBytePool.shared.next(UInt16.self))
        return String(unsafeUninitializedCapacity: idLength) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for index in 0..<16 {
                let shift = UInt64(60 - 4 * index)
                buffer[index] = digits.utf8Start[Int(high >> shift & 0xF)]
                buffer[16 + index] = digits.utf8Start[Int(low >> shift & 0xF)]
            }
            return idLength
        }
    }

    /// The length of every id ``newID(at:)`` makes, in bytes.
    public static let idLength = 32

    /// Whether `text` looks like an id ``newID()`` makes (32 lowercase hex digits).
    public static func isValidID(_ text: String) -> Bool {
        text.utf8.count == idLength && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// A reader opened one hit of a search.
public struct ClickEvent: Sendable, Hashable {
    public var searchID: String
    public var date: Date
    /// The hit opened (`article:unlock-account`, `code:51`).
    public var target: String
    /// Its rank in the results, from 1.
    public var rank: Int

    public init(searchID: String, date: Date = Date(), target: String, rank: Int) {
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
