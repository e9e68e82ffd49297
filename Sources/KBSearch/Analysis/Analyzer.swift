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
    /// The language an analyzer stems and drops stop words for.
    public enum Language: String, Sendable, Hashable, CaseIterable {
        case english
        case indonesian

        /// The Snowball algorithm's name in libstemmer.
        var snowballAlgorithm: String { rawValue }

        /// The built-in stop words of the language.
        public var stopWords: Set<String> {
            switch self {
            case .english: Analyzer.defaultStopWords
            case .indonesian: Analyzer.indonesianStopWords
            }
        }

        /// The built-in subject words of the language (see ``Analyzer/subjectStems``).
        public var subjectWords: Set<String> {
            switch self {
            case .english: Analyzer.englishSubjectWords
            case .indonesian: Analyzer.indonesianSubjectWords
            }
        }

        /// The built-in action words of the language (see ``Analyzer/actionStems``).
        public var actionWords: Set<String> {
            switch self {
            case .english: Analyzer.englishActionWords
            case .indonesian: Analyzer.indonesianActionWords
            }
        }
    }

    /// What a merchant wants done, which names a question's topic more strongly than the
    /// time, state or thing it mentions beside it: "cancel" in "cancel after settlement".
    public static let englishActionWords: Set<String> = [
        "cancel", "void", "refund", "add", "invite", "create", "change", "update", "move", "transfer",
        "unlock", "reset", "disable", "enable", "remove", "delete", "verify", "accept", "deny", "approve",
    ]

    /// What an account action acts on: "reset" of a 2FA code is not "reset" of a password.
    public static let englishSubjectWords: Set<String> = ["password", "2fa", "email", "user"]

    /// The Indonesian subject words.
    public static let indonesianSubjectWords: Set<String> = ["password", "sandi", "2fa", "email", "pengguna", "user"]

    /// The Indonesian action words, formal and informal ("batalin").
    public static let indonesianActionWords: Set<String> = [
        "batal", "batalkan", "batalin", "membatalkan", "void", "cancel", "refund", "tambah", "menambahkan",
        "undang", "buat", "ganti", "ubah", "pindah", "buka", "reset", "nonaktifkan", "matikan", "aktifkan",
        "hapus", "verifikasi", "setujui", "tolak",
    ]

    /// The built-in Indonesian stop words: function words and the informal forms merchants
    /// type ("gimana", "kok", "udah"), never a negation ("tidak", "ga", "belum") or "bisa",
    /// so that "ga bisa login" keeps its meaning.
    public static let indonesianStopWords: Set<String> = [
        "yang", "yg", "dan", "atau", "di", "ke", "dari", "dr", "pada", "dalam", "untuk", "utk", "bagi",
        "dengan", "dgn", "oleh", "ini", "itu", "tersebut", "adalah", "apa", "apakah", "bagaimana", "gimana",
        "gmn", "cara", "kenapa", "mengapa", "knp", "kapan", "dimana", "mana", "siapa", "berapa", "kok",
        "saya", "sy", "aku", "gue", "gw", "kami", "kita", "anda", "kamu", "dia", "mereka", "nya", "mau",
        "ingin", "pengen", "tolong", "mohon", "sudah", "udah", "sdh", "telah", "akan", "ada", "jadi", "tapi",
        "karena", "krn", "kalau", "kalo", "jika", "agar", "supaya", "saat", "ketika", "juga", "saja", "aja",
        "sih", "dong", "deh", "ya", "nih", "kak",
    ]

    /// The language this analyzer stems for.
    public let language: Language

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
    /// The stems of the language's action words: a query word whose stem is one of them
    /// names the topic, and documents with it in their title are preferred (see `Ranking`).
    let actionStems: Set<String>
    /// The stems of the language's subject words: when the query names one, an action word
    /// counts only in titles that name one of the query's subjects too (see `Ranking`).
    let subjectStems: Set<String>
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
    ///   - language: the Snowball stemmer and the default stop words (English unless said).
    public init(synonyms: [[String]] = [], stopWords: Set<String>? = nil, language: Language = .english) {
        let stemmer = SnowballStemmer(algorithm: language.snowballAlgorithm)
        self.stemmer = stemmer
        self.language = language
        var folded = Set<String>()
        for word in stopWords ?? language.stopWords {
            Tokenizer.forEachToken(in: word) { token in
                folded.insert(String(decoding: token.term, as: UTF8.self))
                return true
            }
        }
        self.stopWords = folded
        actionStems = Set(language.actionWords.map { Self.isStemmable($0) ? stemmer.stem($0) : $0 })
        subjectStems = Set(language.subjectWords.map { Self.isStemmable($0) ? stemmer.stem($0) : $0 })
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

    /// Every folded word of `text`, stop words included, compound tokens (e-mails,
    /// URLs) left out: what a query's language is judged by.
    public func words(_ text: String) -> [String] {
        var result: [String] = []
        Tokenizer.forEachToken(in: text) { token in
            if !token.isCompound, !token.hasDigit { result.append(String(decoding: token.term, as: UTF8.self)) }
            return true
        }
        return result
    }

    /// Whether a folded word is one of this analyzer's stop words.
    public func isStopWord(_ word: String) -> Bool {
        stopWords.contains(word)
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
