#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The constants of the ranking formula (see `docs/search.md`).
///
/// A document's score is the sum over query slots of the slot's best source:
/// `quality weight × IDF × saturated BM25F weight`, plus a proximity bonus for
/// the best documents. k1 and b are in ``IndexBuilder``.
enum Ranking {
    /// Quality weights: how much a match of each kind counts.
    static let exactWeight: Float = 1.0
    static let synonymWeight: Float = 0.9
    static let stemmedWeight: Float = 0.8
    static let oneEditWeight: Float = 0.6
    static let twoEditsWeight: Float = 0.45
    static let prefixWeight: Float = 0.4
    /// A compound (e-mail, URL) found only through its parts, as a phrase.
    static let compoundPartsWeight: Float = 0.8

    /// Bonus per pair of consecutive query words at distance d (in order; reversed counts d + 1):
    /// `proximityWeight × mean IDF / d`, for d ≤ `proximityMaxDistance`.
    static let proximityWeight: Float = 0.5
    static let proximityMaxDistance: UInt32 = 8
    /// Bonus for a document whose title is the query (see `exactTitleBonus`):
    /// `exactTitleWeight × mean slot IDF`, added in the rerank window.
    static let exactTitleWeight: Float = 1.0
    /// Bonus for each action word of the query ("cancel", "refund") found in a document's
    /// title (see `actionTitleBonus`): `actionTitleWeight × slot IDF`, in the rerank window.
    static let actionTitleWeight: Float = 2.0
    /// The share of its score a document with an identifier (a response code) keeps in the
    /// rerank window when the query does not name it (see `namesSpecificDocument`): the
    /// overview that explains such documents then leads general questions.
    static let unnamedSpecificFactor: Float = 0.75
    /// A query word in at most this many documents names the documents holding it.
    static let namingWordFrequency = 3
    /// The best documents by BM25F that get the proximity bonus.
    static let rerankWindow = 20
    /// Occurrences of a term per document looked at for proximity (the first ones).
    static let proximityPositions = 128

    /// Characters (Unicode scalars) a word needs before it is corrected, within 1 edit.
    static let minimumTypoCharacters = 4
    /// Characters a word needs before it is corrected within 2 edits (keeping its first
    /// letter), when nothing is within 1.
    static let minimumTwoEditsCharacters = 8
    /// Bytes the last query word needs before it is completed as a prefix (search as you type).
    static let minimumPrefixBytes = 2

    /// Typo corrections per misspelled word.
    static let maxFuzzyExpansions = 8
    /// Prefix completions of the last word, the most frequent first.
    static let maxPrefixExpansions = 24
    /// The same when the last word is itself in the dictionary.
    static let maxPrefixExpansionsOfKnownWord = 8
    /// A word in at most this many documents "finds little": when the query
    /// finds too few results, it is also matched with typo corrections.
    static let rareWordFrequency = 2

    /// BM25 inverse document frequency, always positive.
    @inline(__always)
    static func idf(documentFrequency df: Int, documentCount n: Int) -> Float {
        logf(1 + (Float(n) - Float(df) + 0.5) / (Float(df) + 0.5))
    }

    /// BM25 saturation of a pseudo term frequency.
    @inline(__always)
    static func saturate(_ frequency: Float) -> Float {
        frequency * (IndexBuilder.k1 + 1) / (frequency + IndexBuilder.k1)
    }
}
