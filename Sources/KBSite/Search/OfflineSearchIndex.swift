import Foundation
import KBContent
import KBSearch
import KnowledgeBase

/// The site's search data: the knowledge base's KBSearch index, exported into one
/// compact JSON value that `search.js` searches in the browser. The format is in
/// `docs/site.md`; ``formatVersion`` changes when it does.
///
/// Everything language-specific is computed here, in Swift: the BM25F weight of
/// every posting, the stem group of every term, and the inflected forms of the
/// indexed words that Snowball maps to the same stem (so the script needs no
/// stemmer to find "locking" from "locked").
struct OfflineSearchIndex: Encodable {
    static let formatVersion = 5

    /// One search result's display data.
    struct Document: Encodable {
        /// `a` for an article, `c` for a response code.
        var kind: String
        /// The slug or the code.
        var id: String
        var title: String
        /// The page, relative to the site's root.
        var url: String
        var summary: String

        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(kind)
            try array.encode(id)
            try array.encode(title)
            try array.encode(url)
            try array.encode(summary)
        }
    }

    let index: SearchIndexExport
    let documents: [Document]
    /// Word forms that are not indexed terms, each with the Snowball stem of an indexed
    /// term or synonym it inflects.
    let forms: [String: String]

    init(knowledgeBase: KnowledgeBase) {
        let index = knowledgeBase.index.export()
        let content = knowledgeBase.content
        self.index = index
        documents = index.documentIDs.map { documentID in
            let (kind, key) = SearchResponse.Hit.Kind.parse(documentID: documentID)
            if kind == .code, let code = content.responseCode(key) {
                return Document(kind: "c", id: code.code, title: "\(code.code) — \(code.name)",
                                url: SiteLayout.codePath(code.code), summary: code.meaning)
            }
            let article = content.article(key)
            return Document(kind: "a", id: key, title: article?.title ?? key,
                            url: SiteLayout.articlePath(key), summary: article?.summary ?? "")
        }
        forms = Self.wordForms(index, analyzer: knowledgeBase.index.analyzer)
    }

    /// Word forms the script cannot stem itself: inflections of every indexed word and
    /// synonym term that Snowball stems like the word ("lock" gives "locks", "locking"…;
    /// in Bahasa Indonesia, affixed forms of every stem: "kunci" gives "dikunci"…),
    /// and the beginnings of indexed words whose stem the index knows ("locke" → "lock"),
    /// as search as you type meets them. Forms that are indexed terms are left out.
    ///
    /// - Complexity: O(*t* × *s*) stemmings for *t* terms and *s* suffix rules.
    static func wordForms(_ index: SearchIndexExport, analyzer: Analyzer) -> [String: String] {
        let indexed = Set(index.terms)
        var bases: [(word: String, stem: String)] = []
        for (id, term) in index.terms.enumerated() where isLetters(term) {
            bases.append((term, index.groupStems[index.termGroups[id]]))
        }
        for stem in index.groupStems where isLetters(stem) { bases.append((stem, stem)) }
        for group in index.synonymGroups {
            for member in group {
                for (term, stem) in zip(member.terms, member.stems) where isLetters(term) {
                    bases.append((term, stem))
                    if !indexed.contains(term) { bases.append((stem, stem)) }
                }
            }
        }
        let indonesian = analyzer.language == .indonesian
        let inflect = indonesian ? indonesianInflections(of:) : inflections(of:)
        var forms: [String: String] = [:]
        var tried: Set<String> = []
        for (word, stem) in bases where !indonesian || word == stem {
            for candidate in [word] + inflect(word) where !indexed.contains(candidate) && forms[candidate] == nil {
                guard tried.insert(candidate + "\u{0}" + stem).inserted else { continue }
                if analyzer.stem(candidate) == stem { forms[candidate] = stem }
            }
        }
        // A word being typed ("locke") is stemmed too; keep the partial words whose stem
        // is one the index or a synonym knows.
        var knownStems = Set(index.groupStems)
        for group in index.synonymGroups { for member in group { knownStems.formUnion(member.stems) } }
        for term in index.terms where isLetters(term) {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count > 3 else { continue }
            for length in 3..<scalars.count {
                let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
                guard !indexed.contains(prefix), forms[prefix] == nil, tried.insert(prefix).inserted else { continue }
                let stem = analyzer.stem(prefix)
                if knownStems.contains(stem) { forms[prefix] = stem }
            }
        }
        return forms
    }

    /// English inflections and the derivations Snowball strips, of a lower-case word:
    /// plurals, past, -ing, -er, -ly, and -ant, -ance, -ment, -ation, -able… ("account"
    /// gives "accountant"), with a final e dropped, a final consonant doubled, or y → i.
    /// Only the ones Snowball maps back to the word's stem are kept by the caller.
    static func inflections(of word: String) -> [String] {
        let suffixes = [
            "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ant", "ants", "ance", "ence", "ent", "ment", "ments",
            "ion", "ions", "ation", "ations", "al", "able", "ive", "ize", "ized", "ity", "ness", "ful", "ous", "ist",
        ]
        var result = suffixes.map { word + $0 }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3 else { return result }
        let last = scalars[scalars.count - 1]
        let stem = String(String.UnicodeScalarView(scalars.dropLast()))
        if last == "e" {
            result += ["ing", "ed", "er", "ers", "ation", "ations", "able", "ive", "ity", "ant"].map { stem + $0 }
        }
        if last == "y" {
            result += ["ies", "ied", "ily", "iness"].map { stem + $0 }
        }
        let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
        let previous = scalars[scalars.count - 2]
        if !vowels.contains(last), last != "w", last != "x", last != "y", vowels.contains(previous),
           !vowels.contains(scalars[scalars.count - 3]) {
            result += ["ed", "ing", "er", "ers"].map { word + String(last) + $0 }
        }
        return result
    }

    /// Indonesian affixed forms of a root (a Snowball stem), the ones Snowball
    /// Indonesian strips: the root with -kan, -an, -i and -nya ("langkahnya"), and with
    /// the prefixes di-, ter-, ke-, ber- and meN-/peN- (the nasal the first letter takes,
    /// and k, p, t, s dropped where the language drops them: "kunci" gives "mengunci",
    /// "pakai" "memakai"), each alone or with -kan, -an, -i or -nya ("dikuncikan",
    /// "pembatalan", "ditolaknya"). Rarer stacks (-lah, -kah, -pun, -nya after a suffix
    /// and a prefix) are left out to keep the index small; only the forms Snowball maps
    /// back to the root are kept by the caller.
    static func indonesianInflections(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, let first = scalars.first else { return [] }
        let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
        var starts = ["di", "ter", "ke", "ber"].map { $0 + word }
        switch first {
        case "a", "e", "i", "o", "u", "g", "h":
            starts += ["meng" + word, "peng" + word]
        case "k":
            starts += ["meng" + rest, "peng" + rest]
        case "p":
            starts += ["mem" + rest, "pem" + rest]
        case "b", "f", "v":
            starts += ["mem" + word, "pem" + word]
        case "t":
            starts += ["men" + rest, "pen" + rest]
        case "s":
            starts += ["meny" + rest, "peny" + rest]
        case "c", "d", "j", "z":
            starts += ["men" + word, "pen" + word]
        default:
            starts += ["me" + word, "pe" + word]
        }
        let suffixes = ["", "kan", "an", "i"]
        var result = suffixes.dropFirst().map { word + $0 } + suffixes.map { word + $0 + "nya" }
        for start in starts {
            result += suffixes.map { start + $0 } + [start + "nya"]
        }
        return result
    }

    private static func isLetters(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    // MARK: Encoding

    private enum CodingKeys: String, CodingKey {
        case version = "v", docs, fields, lengths, bases, title, terms, tg, stems, gdf, post, pos, forms, ids, filler, stop, act, subj
        case syn, facets, docFacets, k
    }

    private enum RankingKeys: String, CodingKey {
        case exact, synonym, stemmed, oneEdit, twoEdits, prefix, proximity, proximityMaxDistance, exactTitle, actionTitle, rerank
        case unnamedSpecific, namingFrequency
        case maxFuzzy, maxPrefix, maxPrefixKnown, proximityPositions, rare, minAll, k1, b
        case typoMinChars, twoEditsMinChars, typoTermMinBytes, prefixMinBytes, maxSlots, maxQueryChars, maxQueryWords
        case maxWordBytes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .version)
        try container.encode(documents, forKey: .docs)
        var fields = container.nestedUnkeyedContainer(forKey: .fields)
        for (k, name) in index.fieldNames.enumerated() {
            var field = fields.nestedUnkeyedContainer()
            try field.encode(name)
            try field.encode(index.fieldWeights[k])
            try field.encode(index.averageFieldLengths[k])
        }
        try container.encode(index.fieldLengths, forKey: .lengths)
        try container.encode(index.fieldPositionBases, forKey: .bases)
        try container.encode(index.titleField, forKey: .title)
        try container.encode(index.terms, forKey: .terms)
        try container.encode(index.termGroups, forKey: .tg)
        try container.encode(index.groupStems, forKey: .stems)
        try container.encode(index.groupDocumentFrequencies, forKey: .gdf)
        var postings = container.nestedUnkeyedContainer(forKey: .post)
        var positions = container.nestedUnkeyedContainer(forKey: .pos)
        for termPostings in index.postings {
            var flat = postings.nestedUnkeyedContainer()
            var perPosting = positions.nestedUnkeyedContainer()
            for posting in termPostings {
                try flat.encode(posting.document)
                try flat.encode(posting.weight)
                var previous = 0
                try perPosting.encode(posting.positions.map { position in
                    defer { previous = position }
                    return position - previous
                })
            }
        }
        // Grouped by stem, joined by spaces; a form that starts with its stem is written as
        // the rest of it, any other form whole after "=": {"lock": "er ing", "happi": "=happy"}.
        var byStem: [String: [String]] = [:]
        for (form, stem) in forms {
            byStem[stem, default: []].append(form.hasPrefix(stem) ? String(form.dropFirst(stem.count)) : "=" + form)
        }
        try container.encode(byStem.mapValues { $0.sorted().joined(separator: " ") }, forKey: .forms)
        try container.encode(index.identifiers, forKey: .ids)
        try container.encode(index.identifierFillerWords, forKey: .filler)
        try container.encode(index.stopWords, forKey: .stop)
        try container.encode(index.actionStems, forKey: .act)
        try container.encode(index.subjectStems, forKey: .subj)
        var synonyms = container.nestedUnkeyedContainer(forKey: .syn)
        for group in index.synonymGroups {
            var members = synonyms.nestedUnkeyedContainer()
            for member in group {
                var parts = members.nestedUnkeyedContainer()
                try parts.encode(member.terms)
                try parts.encode(member.offsets)
                try parts.encode(member.stems)
            }
        }
        try container.encode(index.facetNames, forKey: .facets)
        try container.encode(index.documentFacetKeys, forKey: .docFacets)
        let ranking = index.ranking
        var constants = container.nestedContainer(keyedBy: RankingKeys.self, forKey: .k)
        try constants.encode(ranking.exactWeight, forKey: .exact)
        try constants.encode(ranking.synonymWeight, forKey: .synonym)
        try constants.encode(ranking.stemmedWeight, forKey: .stemmed)
        try constants.encode(ranking.oneEditWeight, forKey: .oneEdit)
        try constants.encode(ranking.twoEditsWeight, forKey: .twoEdits)
        try constants.encode(ranking.prefixWeight, forKey: .prefix)
        try constants.encode(ranking.proximityWeight, forKey: .proximity)
        try constants.encode(ranking.proximityMaxDistance, forKey: .proximityMaxDistance)
        try constants.encode(ranking.exactTitleWeight, forKey: .exactTitle)
        try constants.encode(ranking.actionTitleWeight, forKey: .actionTitle)
        try constants.encode(ranking.unnamedSpecificFactor, forKey: .unnamedSpecific)
        try constants.encode(ranking.namingWordFrequency, forKey: .namingFrequency)
        try constants.encode(ranking.rerankWindow, forKey: .rerank)
        try constants.encode(ranking.maxFuzzyExpansions, forKey: .maxFuzzy)
        try constants.encode(ranking.maxPrefixExpansions, forKey: .maxPrefix)
        try constants.encode(ranking.maxPrefixExpansionsOfKnownWord, forKey: .maxPrefixKnown)
        try constants.encode(ranking.proximityPositions, forKey: .proximityPositions)
        try constants.encode(ranking.rareWordFrequency, forKey: .rare)
        try constants.encode(ranking.minimumAllWordsResults, forKey: .minAll)
        try constants.encode(ranking.k1, forKey: .k1)
        try constants.encode(ranking.b, forKey: .b)
        try constants.encode(ranking.minimumTypoCharacters, forKey: .typoMinChars)
        try constants.encode(ranking.minimumTwoEditsCharacters, forKey: .twoEditsMinChars)
        try constants.encode(ranking.minimumTypoTermBytes, forKey: .typoTermMinBytes)
        try constants.encode(ranking.minimumPrefixBytes, forKey: .prefixMinBytes)
        try constants.encode(ranking.maxSlots, forKey: .maxSlots)
        try constants.encode(ranking.maxQueryCharacters, forKey: .maxQueryChars)
        try constants.encode(ranking.maxQueryWords, forKey: .maxQueryWords)
        try constants.encode(ranking.maxWordBytes, forKey: .maxWordBytes)
    }

    /// `search-index.js`: one statement that hands the index to `search.js` as a global,
    /// so the page loads it with a `<script>` tag, which works from `file://` (fetch does not).
    func javaScript() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var file = Data("/* kb offline search index, format \(Self.formatVersion): written by kb site build; see docs/site.md. */\n".utf8)
        file.append(Data("globalThis.KB_SEARCH_INDEX = ".utf8))
        file.append(try encoder.encode(self))
        file.append(Data(";\n".utf8))
        return file
    }
}
