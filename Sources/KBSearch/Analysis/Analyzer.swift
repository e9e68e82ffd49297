/// Turns text into search terms: Unicode NFKC, case and diacritic folding,
/// tokens made of runs of letters and digits (codes such as `05` or `N7` stay
/// intact), e-mail addresses and URLs kept whole as well as split, English stop
/// words removed (never from a token holding a digit), and Snowball English
/// stemming.
///
/// Synonym groups are applied at query time: a query phrase matching one member
/// of a group also matches every other member, at a slightly lower weight.
///
/// An analyzer is an immutable value; copies share one stemmer, which is
/// guarded by a mutex, so it can be used from any number of threads.
public struct Analyzer: Sendable {
    /// The built-in stop words: a short English list that keeps "not", "no" and
    /// "do" (so that "do not honor" stays searchable).
    public static let defaultStopWords: Set<String> = [
        "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by",
        "can", "could", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into",
        "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "such", "that",
        "the", "their", "then", "there", "these", "they", "this", "to", "versus", "vs", "was", "we", "were",
        "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
    ]

    let stopWords: Set<String>
    let synonyms: [SynonymGroup]
    /// Synonym members by the stem of their first term.
    let synonymsByFirstStem: [String: [(group: Int, member: Int)]]
    let stemmer: SnowballStemmer

    /// Creates an analyzer.
    ///
    /// - Parameters:
    ///   - synonyms: groups of equivalent words or phrases, such as
    ///     `["two factor", "2fa"]`; each member is analyzed like a query.
    ///   - stopWords: words that are not indexed or searched; nil uses
    ///     ``defaultStopWords``. They are folded like any text.
    public init(synonyms: [[String]] = [], stopWords: Set<String>? = nil) {
        let stemmer = SnowballStemmer()
        self.stemmer = stemmer
        var folded = Set<String>()
        for word in stopWords ?? Self.defaultStopWords {
            Tokenizer.forEachToken(in: word) { token in
                folded.insert(String(decoding: token.term, as: UTF8.self))
                return true
            }
        }
        self.stopWords = folded
        var groups: [SynonymGroup] = []
        for group in synonyms {
            var members: [SynonymGroup.Member] = []
            for text in group {
                var terms: [String] = []
                var offsets: [Int] = []
                Tokenizer.forEachToken(in: text) { token in
                    guard !token.isCompound else { return true }
                    let term = String(decoding: token.term, as: UTF8.self)
                    guard token.hasDigit || !folded.contains(term) else { return true }
                    terms.append(term)
                    offsets.append(token.position)
                    return true
                }
                guard let first = offsets.first else { continue }
                let stems = terms.map { Self.isStemmable($0) ? stemmer.stem($0) : $0 }
                members.append(.init(terms: terms, offsets: offsets.map { $0 - first }, stems: stems))
            }
            if members.count > 1 { groups.append(SynonymGroup(members: members)) }
        }
        self.synonyms = groups
        var byFirstStem: [String: [(group: Int, member: Int)]] = [:]
        for (g, group) in groups.enumerated() {
            for (m, member) in group.members.enumerated() {
                byFirstStem[member.stems[0], default: []].append((g, m))
            }
        }
        self.synonymsByFirstStem = byFirstStem
    }

    /// The analyzed terms of `text`, in order, as they are indexed: folded,
    /// unstemmed, stop words removed; an e-mail or URL is followed by its parts.
    public func tokens(_ text: String) -> [String] {
        var result: [String] = []
        Tokenizer.forEachToken(in: text) { token in
            let term = String(decoding: token.term, as: UTF8.self)
            if token.isCompound || !isStopWord(term, hasDigit: token.hasDigit) {
                result.append(term)
            }
            return true
        }
        return result
    }

    /// The Snowball English stem of an analyzed term (a term holding a digit or
    /// punctuation is its own stem).
    public func stem(_ term: String) -> String {
        Self.isStemmable(term) ? stemmer.stem(term) : term
    }

    func isStopWord(_ term: String, hasDigit: Bool) -> Bool {
        !hasDigit && stopWords.contains(term)
    }

    /// True for terms made only of letters: the ones Snowball should see.
    static func isStemmable(_ term: String) -> Bool {
        term.utf8.allSatisfy { $0 >= 0x80 || Tokenizer.isLetter($0) }
    }

    static func isStemmable(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        term.allSatisfy { $0 >= 0x80 || Tokenizer.isLetter($0) }
    }
}
