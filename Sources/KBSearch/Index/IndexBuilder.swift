/// Builds an ``IndexStorage`` from documents in two passes.
///
/// Pass 1 reads the documents in order: it tokenizes each field, interns terms
/// in a ``TermTable``, groups the document's tokens by term and appends one
/// record per (term, document) with its per-field frequencies and its
/// delta-encoded positions. Pass 2 sorts the terms, scatters the records into
/// term-major posting arrays (a counting sort, so documents stay ascending
/// within a term), computes the BM25F weights now that average field lengths
/// are known, stems each distinct term once and builds the typo trie.
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

    // swiftlint:disable:next function_body_length
    static func build(documents: [SearchDocument], schema: SearchSchema, analyzer: Analyzer) -> IndexStorage {
        let fieldCount = schema.fields.count
        let fieldNames = schema.fields.map(\.name)
        let preferredSnippetField = fieldNames.firstIndex(of: schema.snippetField)
        let documentCount = documents.count
        let maxWeight = schema.fields.map(\.weight).max() ?? 1
        let titleField = schema.fields.firstIndex { $0.weight == maxWeight && !$0.isIdentifier }
            ?? schema.fields.firstIndex { $0.weight == maxWeight } ?? 0
        var titleFieldMask: UInt16 = 0
        for (f, field) in schema.fields.enumerated() where field.weight == maxWeight || field.isIdentifier {
            titleFieldMask |= 1 << UInt16(f)
        }
        var titleTexts: [String] = []
        titleTexts.reserveCapacity(documentCount)

        var table = TermTable(capacity: 1 << 15)
        var termIsStopWord: [Bool] = []
        var termStamp: [Int32] = []
        var termLocal: [Int32] = []

        // One record per (term, document): its frequency in each field and its positions.
        var recordTerms = GrowableBuffer<Int32>(capacity: 1 << 16)
        var recordDocuments = GrowableBuffer<Int32>(capacity: 1 << 16)
        var recordFrequencies = GrowableBuffer<UInt16>(capacity: 1 << 16)
        var recordPositionEnds = GrowableBuffer<UInt32>(capacity: 1 << 16)
        var recordPositionBytes = GrowableBuffer<UInt8>(capacity: 1 << 20)
        // The current document's tokens, and its distinct terms.
        var tokens = GrowableBuffer<Occurrence>(capacity: 1 << 12), tokenLocals = GrowableBuffer<Int32>()
        var localTerms = GrowableBuffer<Int32>(), localCounts = GrowableBuffer<Int32>()
        var localFrequencies = GrowableBuffer<UInt16>(), grouped = GrowableBuffer<UInt32>()
        defer {
            for buffer in [recordTerms, recordDocuments, tokenLocals, localTerms, localCounts] { buffer.deallocate() }
            for buffer in [recordPositionEnds, grouped] { buffer.deallocate() }
            tokens.deallocate()
            recordFrequencies.deallocate()
            localFrequencies.deallocate()
            recordPositionBytes.deallocate()
        }

        var fieldLengths = ContiguousArray<UInt32>(repeating: 0, count: documentCount * fieldCount)
        var fieldBases = ContiguousArray<UInt32>(repeating: 0, count: documentCount * fieldCount)
        var snippetTexts: [String] = []
        var snippetFields = ContiguousArray<UInt8>()
        var checkpointStarts = ContiguousArray<UInt32>()
        var checkpointPositions = ContiguousArray<UInt32>()
        var checkpointOffsets = ContiguousArray<UInt32>()
        var identifiers: [String: [Int32]] = [:]

        for (d, document) in documents.enumerated() {
            let doc = Int32(d)
            tokens.removeAll()
            var snippetField = preferredSnippetField ?? 0
            if document.fields[fieldNames[snippetField]]?.isEmpty ?? true,
               let firstNonEmpty = fieldNames.firstIndex(where: { !(document.fields[$0]?.isEmpty ?? true) }) {
                snippetField = firstNonEmpty
            }
            snippetFields.append(UInt8(snippetField))
            checkpointStarts.append(UInt32(checkpointPositions.count))
            var position = 0
            for f in 0..<fieldCount {
                var text = document.fields[fieldNames[f]] ?? ""
                let base = position
                fieldBases[d * fieldCount + f] = UInt32(base)
                let isSnippetField = f == snippetField
                if isSnippetField { snippetTexts.append(text) }
                if f == titleField { titleTexts.append(text) }
                var nextCheckpoint = base
                var lastUnit = -1
                var length: UInt32 = 0
                position = text.withUTF8 { utf8 in
                    Tokenizer.forEachToken(in: utf8, firstPosition: base) { token in
                        if isSnippetField, token.unitStart != lastUnit {
                            lastUnit = token.unitStart
                            if token.unitPosition >= nextCheckpoint {
                                checkpointPositions.append(UInt32(token.unitPosition))
                                checkpointOffsets.append(UInt32(token.unitStart))
                                nextCheckpoint = token.unitPosition + checkpointInterval
                            }
                        }
                        let (id, isNew) = table.insert(token.term)
                        if isNew {
                            let isStop = !token.isCompound
                                && analyzer.isStopWord(String(decoding: token.term, as: UTF8.self), hasDigit: token.hasDigit)
                            termIsStopWord.append(isStop)
                            termStamp.append(-1)
                            termLocal.append(0)
                        }
                        guard !termIsStopWord[Int(id)] else { return true }
                        tokens.append(Occurrence(term: id, position: UInt32(token.position), field: UInt16(f)))
                        length += 1
                        return true
                    }
                }
                fieldLengths[d * fieldCount + f] = length
                if schema.fields[f].isIdentifier {
                    let key = Self.key(text)
                    if !key.isEmpty { identifiers[key, default: []].append(doc) }
                }
                position += fieldGap
            }

            // Group the document's tokens by term: counts, then a counting sort of positions.
            localTerms.removeAll()
            localCounts.removeAll()
            localFrequencies.removeAll()
            tokenLocals.removeAll()
            termStamp.withUnsafeMutableBufferPointer { termStamp in
                termLocal.withUnsafeMutableBufferPointer { termLocal in
                    for k in 0..<tokens.count {
                        let term = Int(tokens[k].term)
                        if termStamp[term] != doc {
                            termStamp[term] = doc
                            termLocal[term] = Int32(localTerms.count)
                            localTerms.append(Int32(term))
                            localCounts.append(0)
                            localFrequencies.append(repeating: 0, count: fieldCount)
                        }
                        let local = Int(termLocal[term])
                        tokenLocals.append(Int32(local))
                        localCounts[local] += 1
                        let slot = local * fieldCount + Int(tokens[k].field)
                        if localFrequencies[slot] < UInt16.max { localFrequencies[slot] += 1 }
                    }
                }
            }
            var running: Int32 = 0
            for local in 0..<localCounts.count {
                let count = localCounts[local]
                localCounts[local] = running
                running += count
            }
            grouped.removeAll()
            grouped.append(repeating: 0, count: tokens.count)
            for k in 0..<tokens.count {
                let local = Int(tokenLocals[k])
                grouped[Int(localCounts[local])] = tokens[k].position
                localCounts[local] += 1
            }
            var groupStart = 0
            for local in 0..<localTerms.count {
                let groupEnd = Int(localCounts[local])
                recordTerms.append(localTerms[local])
                recordDocuments.append(doc)
                for f in 0..<fieldCount { recordFrequencies.append(localFrequencies[local * fieldCount + f]) }
                var previous: UInt32 = 0
                for k in groupStart..<groupEnd {
                    var delta = grouped[k] - previous
                    previous = grouped[k]
                    while delta >= 0x80 {
                        recordPositionBytes.append(UInt8(delta & 0x7F) | 0x80)
                        delta >>= 7
                    }
                    recordPositionBytes.append(UInt8(delta))
                }
                recordPositionEnds.append(UInt32(recordPositionBytes.count))
                groupStart = groupEnd
            }
        }
        checkpointStarts.append(UInt32(checkpointPositions.count))

        // Pass 2: sort the terms that have postings and renumber them.
        let recordCount = recordTerms.count
        var postingCounts = [Int32](repeating: 0, count: table.count)
        for r in 0..<recordCount { postingCounts[Int(recordTerms[r])] += 1 }
        var live = (0..<Int32(table.count)).filter { postingCounts[Int($0)] > 0 }
        table.bytes.withUnsafeBufferPointer { bytes in
            let offsets = table.offsets
            func key(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
            }
            live.sort { TermTable.compare(key($0), key($1)) < 0 }
        }
        var renumbered = [Int32](repeating: -1, count: table.count)
        var terms = TermTable(capacity: live.count)
        for (rank, old) in live.enumerated() {
            renumbered[Int(old)] = Int32(rank)
            _ = table.withKey(old) { terms.insert($0) }
        }
        let termCount = live.count

        // Scatter the records term-major.
        var postingStarts = ContiguousArray<UInt32>(repeating: 0, count: termCount + 1)
        var byteCounts = [Int](repeating: 0, count: termCount)
        var previousEnd: UInt32 = 0
        for r in 0..<recordCount {
            let term = Int(renumbered[Int(recordTerms[r])])
            postingStarts[term + 1] += 1
            byteCounts[term] += Int(recordPositionEnds[r] - previousEnd)
            previousEnd = recordPositionEnds[r]
        }
        var byteCursor = [Int](repeating: 0, count: termCount)
        var totalBytes = 0
        for term in 0..<termCount {
            postingStarts[term + 1] += postingStarts[term]
            byteCursor[term] = totalBytes
            totalBytes += byteCounts[term]
        }
        var postingCursor = postingStarts.map { Int($0) }

        let weights = schema.fields.map { Float($0.weight) }
        var averages = [Float](repeating: 0, count: fieldCount)
        for f in 0..<fieldCount {
            var sum = 0.0
            for d in 0..<documentCount { sum += Double(fieldLengths[d * fieldCount + f]) }
            averages[f] = documentCount > 0 ? Float(sum / Double(documentCount)) : 0
        }

        var postingDocuments = ContiguousArray<Int32>(repeating: 0, count: recordCount)
        var postingWeights = ContiguousArray<Float>(repeating: 0, count: recordCount)
        var postingMasks = ContiguousArray<UInt16>(repeating: 0, count: recordCount)
        var positionStarts = ContiguousArray<UInt32>(repeating: 0, count: recordCount + 1)
        var positionBytes = ContiguousArray<UInt8>(repeating: 0, count: totalBytes)
        positionStarts[recordCount] = UInt32(totalBytes)
        previousEnd = 0
        for r in 0..<recordCount {
            let term = Int(renumbered[Int(recordTerms[r])])
            let slot = postingCursor[term]
            postingCursor[term] += 1
            let doc = Int(recordDocuments[r])
            postingDocuments[slot] = Int32(doc)
            var weighted: Float = 0
            var mask: UInt16 = 0
            for f in 0..<fieldCount {
                let frequency = Float(recordFrequencies[r * fieldCount + f])
                guard frequency > 0 else { continue }
                mask |= 1 << f
                let ratio = averages[f] > 0 ? Float(fieldLengths[doc * fieldCount + f]) / averages[f] : 1
                weighted += weights[f] * frequency / (1 - b + b * ratio)
            }
            postingWeights[slot] = weighted * (k1 + 1) / (weighted + k1)
            postingMasks[slot] = mask
            let start = byteCursor[term]
            positionStarts[slot] = UInt32(start)
            let length = Int(recordPositionEnds[r] - previousEnd)
            positionBytes.withUnsafeMutableBufferPointer { bytes in
                (bytes.baseAddress! + start).update(from: recordPositionBytes.base + Int(previousEnd), count: length)
            }
            byteCursor[term] += length
            previousEnd = recordPositionEnds[r]
        }

        // Stem each distinct term once; group the terms by stem.
        var stems = TermTable(capacity: termCount)
        var termGroups = ContiguousArray<Int32>(repeating: 0, count: termCount)
        for term in 0..<Int32(termCount) {
            termGroups[Int(term)] = terms.withKey(term) { bytes in
                if Analyzer.isStemmable(bytes) {
                    let stem = analyzer.stemmer.stem(bytes)
                    return stem.withUnsafeBufferPointer { stems.insert($0).id }
                }
                return stems.insert(bytes).id
            }
        }
        let groupCount = stems.count
        var groupTermStarts = ContiguousArray<UInt32>(repeating: 0, count: groupCount + 1)
        for group in termGroups { groupTermStarts[Int(group) + 1] += 1 }
        for g in 0..<groupCount { groupTermStarts[g + 1] += groupTermStarts[g] }
        var groupCursor = groupTermStarts.map { Int($0) }
        var groupTerms = ContiguousArray<Int32>(repeating: 0, count: termCount)
        for term in 0..<termCount {
            let group = Int(termGroups[term])
            groupTerms[groupCursor[group]] = Int32(term)
            groupCursor[group] += 1
        }
        var groupFrequencies = ContiguousArray<Int32>(repeating: 0, count: groupCount)
        var documentStamp = [Int32](repeating: -1, count: documentCount)
        for g in 0..<groupCount {
            var frequency: Int32 = 0
            for k in Int(groupTermStarts[g])..<Int(groupTermStarts[g + 1]) {
                let term = Int(groupTerms[k])
                for p in Int(postingStarts[term])..<Int(postingStarts[term + 1]) {
                    let doc = Int(postingDocuments[p])
                    if documentStamp[doc] != Int32(g) {
                        documentStamp[doc] = Int32(g)
                        frequency += 1
                    }
                }
            }
            groupFrequencies[g] = frequency
        }

        let trie = terms.bytes.withUnsafeBufferPointer { bytes in
            let offsets = terms.offsets
            let eligible = (0..<Int32(termCount)).lazy.compactMap { id -> (id: Int32, bytes: UnsafeBufferPointer<UInt8>)? in
                let key = UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
                return key.count >= minimumTypoTermBytes && Analyzer.isStemmable(key) ? (id, key) : nil
            }
            return TermTrie(sortedTerms: eligible)
        }

        return IndexStorage(
            schema: schema, analyzer: analyzer,
            documentIDs: documents.map(\.id), fieldCount: fieldCount, fieldWeights: weights,
            averageFieldLengths: averages, fieldLengths: fieldLengths, fieldPositionBases: fieldBases,
            snippetTexts: snippetTexts, snippetFields: snippetFields,
            titleFieldMask: titleFieldMask, titleField: titleField, titleTexts: titleTexts,
            checkpointStarts: checkpointStarts, checkpointPositions: checkpointPositions,
            checkpointOffsets: checkpointOffsets,
            terms: terms, termGroups: termGroups, stems: stems,
            groupTermStarts: groupTermStarts, groupTerms: groupTerms,
            groupDocumentFrequencies: groupFrequencies, trie: trie,
            postingStarts: postingStarts, postingDocuments: postingDocuments,
            postingWeights: postingWeights, postingFieldMasks: postingMasks,
            positionStarts: positionStarts, positionBytes: positionBytes,
            identifiers: identifiers,
            facets: schema.facets.map { buildFacet($0, documents: documents) })
    }

    /// One indexed token of the document being read.
    private struct Occurrence: BitwiseCopyable {
        var term: Int32
        var position: UInt32
        var field: UInt16
    }

    private static func buildFacet(_ name: String, documents: [SearchDocument]) -> FacetIndex {
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
