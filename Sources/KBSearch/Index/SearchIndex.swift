/// An immutable full-text index over documents made of weighted text fields
/// and keyword facets, with BM25F ranking, phrase and proximity scoring, typo
/// tolerance, prefix matching, snippets, facet counts and suggestions.
///
/// Build it once from all the documents; it never changes afterwards. It is a
/// value whose storage (flat arrays, see `docs/search.md`) is shared by its
/// copies and read without locks, so any number of threads can search one
/// index at the same time. Only stemming a query word that is not in the
/// dictionary takes a lock (libstemmer is not thread-safe).
///
/// ```swift
/// let schema = SearchSchema(
///     fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
///     facets: ["category"], snippetField: "body")
/// let index = SearchIndex(documents: documents, schema: schema, analyzer: Analyzer())
/// let results = index.search("cancel transaction category:payments")
/// ```
public struct SearchIndex: Sendable {
    /// Everything, behind one reference: copying an index (or capturing it in
    /// a closure) costs one retain.
    let storage: IndexStorage

    /// The schema the index was built with.
    public var schema: SearchSchema { storage.schema }

    /// The analyzer used for documents and queries.
    public var analyzer: Analyzer { storage.analyzer }

    /// Builds an index of `documents`.
    ///
    /// - Precondition: at most 2²⁶ (67 million) documents.
    /// - Complexity: O(*n* + *t* log *t*) for *n* tokens and *t* distinct terms.
    public init(documents: [SearchDocument], schema: SearchSchema, analyzer: Analyzer) {
        precondition(documents.count <= RankedDocument.maxDocuments, "an index holds at most 2^26 documents")
        self.storage = IndexBuilder.build(documents: documents, schema: schema, analyzer: analyzer)
    }

    init(storage: IndexStorage) {
        self.storage = storage
    }

    /// The number of documents.
    public var documentCount: Int { storage.documentCount }

    /// The number of distinct indexed terms (folded, unstemmed).
    public var termCount: Int { storage.terms.count }

    /// The memory held by the index in bytes, stored snippet texts included.
    public var approximateByteSize: Int { storage.byteSize }

    /// ``approximateByteSize`` by part of the index, for reports and metrics.
    public var approximateByteSizes: [(component: String, bytes: Int)] {
        storage.byteSizes.map { ($0.name, $0.bytes) }
    }

    /// The id of the document at `documentIndex`.
    public func documentID(at documentIndex: Int) -> String {
        storage.documentIDs[documentIndex]
    }
}

extension SearchIndex {
    /// How many documents hold `term` (an analyzed term: folded, as ``Analyzer/tokens(_:)``
    /// gives it) or another word of its stem group ("declined" counts documents with
    /// "decline", "declines"), when `term` itself is indexed; 0 when it is not. What weighs
    /// a long text's words by their rarity; search.js reads the same from its index.
    public func documentFrequency(of term: String) -> Int {
        guard let id = storage.terms.id(of: term) else { return 0 }
        return Int(storage.groupDocumentFrequencies[Int(storage.termGroups[Int(id)])])
    }
}
