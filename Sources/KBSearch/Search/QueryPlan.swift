/// A parsed, analyzed query resolved against one index: what each query word
/// may match, with what weight, plus exclusions, filters and pinned documents.
struct QueryPlan {
    /// One way a slot can match: a dictionary term.
    struct TermSource {
        var term: Int32
        /// The quality weight; a posting scores `weight × slot IDF × saturated BM25F weight`.
        var weight: Float
        var quality: MatchQuality
    }

    /// One way a slot can match: a phrase, scoring `weight × slot IDF × saturated weight`.
    struct PhraseSource {
        var phrase: Int
        var weight: Float
        var quality: MatchQuality
    }

    /// Words that must occur at fixed relative positions.
    struct Phrase {
        /// For each word, the terms that may stand there (the word and its stem variants).
        var words: [[Int32]] = []
        /// Position of each word relative to the first.
        var offsets: [UInt32] = []
        /// Sum of the words' IDFs.
        var idf: Float = 0
    }

    /// A query word (or phrase, or synonym span): a document matches the slot
    /// when it holds any of its sources; the slot scores the best of them.
    struct Slot {
        var terms: [TermSource] = []
        var phrases: [PhraseSource] = []
        /// One IDF for every source of the slot, so that only the quality
        /// weights order an exact match, a stem variant, a correction and a
        /// completion: for a word, the IDF of its most frequent alternative.
        var idf: Float = 0
        /// True for quoted phrases, e-mails and URLs: their IDF is fixed and
        /// they take no part in proximity.
        var isPhrase = false
        /// Documents holding the word or a stem variant (words only).
        var wordFrequency = 0
    }

    /// A plain query word, kept for typo expansion and "did you mean".
    struct Word {
        var slot: Int
        var term: String
        /// Byte range of the word in the cut query.
        var utf8Range: Range<Int>
        /// Documents holding the word or a stem variant.
        var frequency: Int
        var isTypoEligible: Bool
        var hasPrefixExpansion = false
        var corrections: [(term: Int32, distance: Int)]?
    }

    var slots: [Slot] = []
    var phrases: [Phrase] = []
    var words: [Word] = []
    var excludedTerms: [Int32] = []
    var excludedPhrases: [Int] = []
    /// Per constraint, the facet and its allowed value ids (empty: nothing passes).
    var filters: [(facet: Int, values: [Int32])] = []
    /// Documents whose identifier equals a query word or the whole query.
    var pinned: [Int32] = []
}
