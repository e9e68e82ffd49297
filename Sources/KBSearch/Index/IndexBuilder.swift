/// Builds an ``IndexStorage`` from documents, in named steps.
///
/// 1. ``FieldRoles``: which field is the title, which fields suggestions search, which
///    field snippets come from.
/// 2. ``DocumentReading`` (pass 1) reads the documents in order: it tokenizes each
///    field, interns terms in a ``TermTable`` in first-seen order, lays out field
///    lengths, position bases, snippet texts and restart points, identifiers, and
///    appends one ``PostingRecords`` record per (term, document) with its per-field
///    frequencies and delta-encoded positions.
/// 3. ``SortedTerms`` (pass 2) sorts the terms that have postings and renumbers them.
/// 4. ``Postings`` scatters the records term-major (a counting sort, so documents stay
///    ascending within a term) with their BM25F weights, now that average field
///    lengths are known.
/// 5. ``StemGroups`` stems each distinct term once and groups the terms by stem, with
///    each group's document frequency.
/// 6. ``typoTrie(of:)`` builds the trie of letter-only terms for typo tolerance, and
///    ``facet(_:of:)`` each facet's values.
///
/// - Complexity: O(*n* + *t* log *t*) for *n* tokens and *t* distinct terms.
enum IndexBuilder {
    /// BM25 term-frequency saturation.
    static let k1: Float = 1.2
    /// BM25 length normalisation, the same for every field.
    static let b: Float = 0.75
    /// Positions left empty between two fields, so phrases never span them.
    static let fieldGap = 16
    /// Positions between two snippet restart points.
    static let checkpointInterval = 16
    /// Terms shorter than this (in bytes) are left out of the typo trie: no correction
    /// is offered for them or to them.
    static let minimumTypoTermBytes = 3

    static func build(documents: [SearchDocument], schema: SearchSchema, analyzer: Analyzer) -> IndexStorage {
        let roles = FieldRoles(schema: schema)
        var reading = DocumentReading(schema: schema, roles: roles, analyzer: analyzer, documentCount: documents.count)
        for (d, document) in documents.enumerated() {
            reading.read(document, number: Int32(d))
        }
        let layout = reading.finish()
        let sorted = SortedTerms(reading.terms, records: reading.records)
        let fieldWeights = schema.fields.map { Float($0.weight) }
        let averages = averageFieldLengths(layout.fieldLengths, fieldCount: schema.fields.count,
                                           documentCount: documents.count)
        let postings = Postings(scattering: reading.records, sorted: sorted, fieldLengths: layout.fieldLengths,
                                fieldWeights: fieldWeights, averageFieldLengths: averages)
        let groups = StemGroups(terms: sorted.terms, analyzer: analyzer)
        let groupFrequencies = groups.documentFrequencies(postings: postings, documentCount: documents.count)

        return IndexStorage(
            schema: schema, analyzer: analyzer,
            documentIDs: documents.map(\.id), fieldCount: schema.fields.count, fieldWeights: fieldWeights,
            averageFieldLengths: averages, fieldLengths: layout.fieldLengths, fieldPositionBases: layout.fieldBases,
            snippetTexts: layout.snippetTexts, snippetFields: layout.snippetFields,
            titleFieldMask: roles.titleFieldMask, titleField: roles.titleField, titleTexts: layout.titleTexts,
            checkpointStarts: layout.checkpointStarts, checkpointPositions: layout.checkpointPositions,
            checkpointOffsets: layout.checkpointOffsets,
            terms: sorted.terms, termGroups: groups.termGroups, stems: groups.stems,
            groupTermStarts: groups.groupTermStarts, groupTerms: groups.groupTerms,
            groupDocumentFrequencies: groupFrequencies, trie: typoTrie(of: sorted.terms),
            postingStarts: postings.starts, postingDocuments: postings.documents,
            postingWeights: postings.weights, postingFieldMasks: postings.fieldMasks,
            positionStarts: postings.positionStarts, positionBytes: postings.positionBytes,
            identifiers: layout.identifiers,
            facets: schema.facets.map { facet($0, of: documents) })
    }

    /// The mean length (in indexed terms) of each field over all documents; 0 with no documents.
    static func averageFieldLengths(_ fieldLengths: ContiguousArray<UInt32>, fieldCount: Int, documentCount: Int) -> [Float] {
        (0..<fieldCount).map { f in
            var sum = 0.0
            for d in 0..<documentCount { sum += Double(fieldLengths[d * fieldCount + f]) }
            return documentCount > 0 ? Float(sum / Double(documentCount)) : 0
        }
    }

    /// The byte trie over the letter-only terms of ``minimumTypoTermBytes`` or more, for typo tolerance.
    static func typoTrie(of terms: TermTable) -> TermTrie {
        terms.bytes.withUnsafeBufferPointer { bytes in
            let offsets = terms.offsets
            let eligible = (0..<Int32(terms.count)).lazy.compactMap { id -> (id: Int32, bytes: UnsafeBufferPointer<UInt8>)? in
                let key = UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
                return key.count >= minimumTypoTermBytes && Analyzer.isStemmable(key) ? (id, key) : nil
            }
            return TermTrie(sortedTerms: eligible)
        }
    }

    /// One facet's values, in first-seen order, and each document's values (each once).
    static func facet(_ name: String, of documents: [SearchDocument]) -> FacetIndex {
        var valueIDs: [String: Int32] = [:]
        var valueNames: [String] = []
        var starts = ContiguousArray<UInt32>([0])
        var values = ContiguousArray<Int32>()
        for document in documents {
            let first = values.count
            for value in document.facets[name] ?? [] {
                let key = key(value)
                guard !key.isEmpty else { continue }
                let id: Int32
                if let known = valueIDs[key] {
                    id = known
                } else {
                    id = Int32(valueNames.count)
                    valueIDs[key] = id
                    valueNames.append(value)
                }
                if !values[first...].contains(id) { values.append(id) }
            }
            starts.append(UInt32(values.count))
        }
        return FacetIndex(name: name, valueNames: valueNames, valueIDs: valueIDs,
                          documentValueStarts: starts, documentValues: values)
    }

    /// A value's folded words joined by spaces: how identifiers and facet values
    /// are compared ("N7" → "n7", "Two-Factor" → "two factor").
    static func key(_ value: String) -> String {
        var words: [String] = []
        Tokenizer.forEachToken(in: value) { token in
            if !token.isCompound { words.append(String(decoding: token.term, as: UTF8.self)) }
            return true
        }
        return words.joined(separator: " ")
    }
}

extension IndexBuilder {
    /// What each field of the schema is for.
    struct FieldRoles {
        /// The first highest-weighted field that is not an identifier (else the first
        /// highest-weighted field): its text is kept for suggestions and the exact-title bonus.
        let titleField: Int
        /// The fields suggestions search: the highest-weighted fields and the identifier fields.
        let titleFieldMask: UInt16
        /// The field snippets are cut from, when a document has text in it.
        let snippetField: Int?

        init(schema: SearchSchema) {
            let maxWeight = schema.fields.map(\.weight).max() ?? 1
            titleField = schema.fields.firstIndex { $0.weight == maxWeight && !$0.isIdentifier }
                ?? schema.fields.firstIndex { $0.weight == maxWeight } ?? 0
            var mask: UInt16 = 0
            for (f, field) in schema.fields.enumerated() where field.weight == maxWeight || field.isIdentifier {
                mask |= 1 << UInt16(f)
            }
            titleFieldMask = mask
            snippetField = schema.fields.firstIndex { $0.name == schema.snippetField }
        }
    }
}
