/// A plain, read-only copy of what an index holds, for writing it out in another
/// form (the static site's offline search data). Ids are positions in the arrays:
/// term ids follow the terms' byte order, as in the index.
public struct SearchIndexExport: Sendable, Hashable {
    /// One document holding a term: its index and the term's saturated BM25F weight there.
    public struct Posting: Sendable, Hashable {
        public var document: Int
        public var weight: Float
        /// The term's positions in the document (fields are separated by gaps).
        public var positions: [Int]
    }

    /// One member of a synonym group, analyzed: folded terms and their stems.
    public struct SynonymMember: Sendable, Hashable {
        public var terms: [String]
        /// Position of each term relative to the first (stop words leave gaps).
        public var offsets: [Int]
        public var stems: [String]
    }

    /// The constants of the ranking and of matching, so another implementation can
    /// follow it without retyping any of them.
    public struct RankingConstants: Sendable, Hashable {
        public var exactWeight: Float
        public var synonymWeight: Float
        public var stemmedWeight: Float
        public var oneEditWeight: Float
        public var twoEditsWeight: Float
        public var prefixWeight: Float
        public var proximityWeight: Float
        public var proximityMaxDistance: Int
        /// Weight of the bonus for a title that is the query.
        public var exactTitleWeight: Float
        public var actionTitleWeight: Float
        /// The share of its score a document with an identifier keeps when the query does not name it.
        public var unnamedSpecificFactor: Float
        /// A query word in at most this many documents names the documents holding it.
        public var namingWordFrequency: Int
        public var rerankWindow: Int
        public var maxFuzzyExpansions: Int
        public var maxPrefixExpansions: Int
        /// Completions of a last word that is itself in the dictionary.
        public var maxPrefixExpansionsOfKnownWord: Int
        /// Occurrences of a term per document looked at for proximity.
        public var proximityPositions: Int
        public var rareWordFrequency: Int
        public var minimumAllWordsResults: Int
        public var k1: Float
        public var b: Float
        /// Characters (Unicode scalars) a word needs before it is corrected within 1 edit.
        public var minimumTypoCharacters: Int
        /// Characters a word needs before it is corrected within 2 edits (same first letter).
        public var minimumTwoEditsCharacters: Int
        /// Bytes a term needs to be offered as a correction (shorter terms are not in the typo trie).
        public var minimumTypoTermBytes: Int
        /// Bytes the last query word needs before it is completed as a prefix.
        public var minimumPrefixBytes: Int
        /// Slots (query words, phrases) a query has at most; further words are ignored.
        public var maxSlots: Int
        /// Characters and words of a query that are searched (``SearchLimits``).
        public var maxQueryCharacters: Int
        public var maxQueryWords: Int
        /// Bytes of the longest indexed word; longer runs only take a position.
        public var maxWordBytes: Int
    }

    public var documentIDs: [String]
    /// The schema's field names and weights, in position order.
    public var fieldNames: [String]
    public var fieldWeights: [Float]
    /// The mean length (in indexed terms) of each field over all documents.
    public var averageFieldLengths: [Float]
    /// Per document, each field's length in indexed terms.
    public var fieldLengths: [[Int]]
    /// Per document, the position each field starts at.
    public var fieldPositionBases: [[Int]]
    /// The field whose matches count as title matches (the heaviest non-identifier field).
    public var titleField: Int
    /// Every indexed term (folded, unstemmed), sorted by bytes.
    public var terms: [String]
    /// The stem group of each term.
    public var termGroups: [Int]
    /// The stem of each group.
    public var groupStems: [String]
    /// Documents holding any term of each group.
    public var groupDocumentFrequencies: [Int]
    /// Each term's postings, by ascending document.
    public var postings: [[Posting]]
    /// Identifier field values (lower-cased, as queries are folded) and their documents.
    public var identifiers: [String: [Int]]
    /// Words ignored when a whole query is compared with identifiers.
    public var identifierFillerWords: [String]
    /// The analyzer's stop words, folded and sorted.
    public var stopWords: [String]
    /// The stems of the analyzer's action words, sorted.
    public var actionStems: [String]
    /// The stems of the analyzer's subject words, sorted.
    public var subjectStems: [String]
    public var synonymGroups: [[SynonymMember]]
    /// The facets' names (folded, as queries name them) and, per document, the
    /// folded keys of its values in each facet.
    public var facetNames: [String]
    public var documentFacetKeys: [[[String]]]
    public var ranking: RankingConstants
}

extension SearchIndex {
    /// Everything a search needs besides snippets, as plain values.
    ///
    /// - Complexity: O(*t* + *p* + *q* + *d*) for *t* terms, *p* postings, *q* positions and *d* documents.
    public func export() -> SearchIndexExport {
        let termCount = storage.terms.count
        var postings: [[SearchIndexExport.Posting]] = []
        postings.reserveCapacity(termCount)
        var positions: [UInt32] = []
        for term in 0..<Int32(termCount) {
            postings.append(storage.postings(of: term).map { p in
                positions.removeAll(keepingCapacity: true)
                storage.appendPositions(of: p, to: &positions)
                return .init(document: Int(storage.postingDocuments[p]), weight: storage.postingWeights[p],
                             positions: positions.map(Int.init))
            })
        }
        let fieldCount = storage.fieldCount
        let perDocument = { (values: ContiguousArray<UInt32>) -> [[Int]] in
            (0..<storage.documentCount).map { d in (0..<fieldCount).map { Int(values[d * fieldCount + $0]) } }
        }
        return SearchIndexExport(
            documentIDs: storage.documentIDs,
            fieldNames: schema.fields.map(\.name),
            fieldWeights: storage.fieldWeights,
            averageFieldLengths: storage.averageFieldLengths,
            fieldLengths: perDocument(storage.fieldLengths),
            fieldPositionBases: perDocument(storage.fieldPositionBases),
            titleField: storage.titleField,
            terms: (0..<Int32(termCount)).map { storage.terms.string($0) },
            termGroups: storage.termGroups.map(Int.init),
            groupStems: (0..<Int32(storage.stems.count)).map { storage.stems.string($0) },
            groupDocumentFrequencies: storage.groupDocumentFrequencies.map(Int.init),
            postings: postings,
            identifiers: storage.identifiers.mapValues { $0.map(Int.init) },
            identifierFillerWords: schema.identifierFillerWords.sorted(),
            stopWords: analyzer.stopWords.sorted(),
            actionStems: analyzer.actionStems.sorted(),
            subjectStems: analyzer.subjectStems.sorted(),
            synonymGroups: analyzer.synonyms.map { group in
                group.members.map { .init(terms: $0.terms, offsets: $0.offsets, stems: $0.stems) }
            },
            facetNames: storage.facets.map { IndexBuilder.key($0.name) },
            documentFacetKeys: (0..<Int32(storage.documentCount)).map { document in
                storage.facets.map { facet in
                    facet.values(of: document).map { IndexBuilder.key(facet.valueNames[Int(facet.documentValues[$0])]) }
                }
            },
            ranking: .init(
                exactWeight: Ranking.exactWeight, synonymWeight: Ranking.synonymWeight,
                stemmedWeight: Ranking.stemmedWeight, oneEditWeight: Ranking.oneEditWeight,
                twoEditsWeight: Ranking.twoEditsWeight, prefixWeight: Ranking.prefixWeight,
                proximityWeight: Ranking.proximityWeight, proximityMaxDistance: Int(Ranking.proximityMaxDistance),
                exactTitleWeight: Ranking.exactTitleWeight, actionTitleWeight: Ranking.actionTitleWeight,
                unnamedSpecificFactor: Ranking.unnamedSpecificFactor, namingWordFrequency: Ranking.namingWordFrequency,
                rerankWindow: Ranking.rerankWindow, maxFuzzyExpansions: Ranking.maxFuzzyExpansions,
                maxPrefixExpansions: Ranking.maxPrefixExpansions,
                maxPrefixExpansionsOfKnownWord: Ranking.maxPrefixExpansionsOfKnownWord,
                proximityPositions: Ranking.proximityPositions, rareWordFrequency: Ranking.rareWordFrequency,
                minimumAllWordsResults: SearchOptions.minimumAllWordsResults, k1: IndexBuilder.k1, b: IndexBuilder.b,
                minimumTypoCharacters: Ranking.minimumTypoCharacters,
                minimumTwoEditsCharacters: Ranking.minimumTwoEditsCharacters,
                minimumTypoTermBytes: IndexBuilder.minimumTypoTermBytes, minimumPrefixBytes: Ranking.minimumPrefixBytes,
                maxSlots: Self.maxSlots, maxQueryCharacters: SearchLimits.maxQueryCharacters,
                maxQueryWords: SearchLimits.maxQueryWords, maxWordBytes: Tokenizer.maxWordBytes
            )
        )
    }
}
