extension IndexBuilder {
    /// Where each document's fields and snippet text lie, built by ``DocumentReading``.
    struct DocumentLayout {
        /// Indexed tokens of field `f` in document `d`, at `d * fieldCount + f`.
        var fieldLengths: ContiguousArray<UInt32>
        /// First position of field `f` in document `d`, at `d * fieldCount + f`.
        var fieldBases: ContiguousArray<UInt32>
        var snippetTexts: [String] = []
        var snippetFields = ContiguousArray<UInt8>()
        var titleTexts: [String] = []
        /// Snippet restart points: each document's range, then (position, byte offset) pairs.
        var checkpointStarts = ContiguousArray<UInt32>()
        var checkpointPositions = ContiguousArray<UInt32>()
        var checkpointOffsets = ContiguousArray<UInt32>()
        /// Folded identifier → documents.
        var identifiers: [String: [Int32]] = [:]

        init(documentCount: Int, fieldCount: Int) {
            fieldLengths = ContiguousArray(repeating: 0, count: documentCount * fieldCount)
            fieldBases = ContiguousArray(repeating: 0, count: documentCount * fieldCount)
            snippetTexts.reserveCapacity(documentCount)
            titleTexts.reserveCapacity(documentCount)
        }
    }

    /// One record per (term, document), in document order: the term's frequency in each
    /// field and its positions, delta-encoded. Owns its buffers.
    struct PostingRecords: ~Copyable {
        /// The term of each record, as a first-seen id.
        var terms = GrowableBuffer<Int32>(capacity: 1 << 16)
        var documents = GrowableBuffer<Int32>(capacity: 1 << 16)
        /// `fieldCount` frequencies per record.
        var frequencies = GrowableBuffer<UInt16>(capacity: 1 << 16)
        /// The end of each record's positions in `positionBytes`.
        var positionEnds = GrowableBuffer<UInt32>(capacity: 1 << 16)
        /// Positions as LEB128 deltas from the previous position of the record.
        var positionBytes = GrowableBuffer<UInt8>(capacity: 1 << 20)

        var count: Int { terms.count }

        deinit {
            terms.deallocate()
            documents.deallocate()
            frequencies.deallocate()
            positionEnds.deallocate()
            positionBytes.deallocate()
        }
    }

    /// Pass 1: reads the documents in order into a first-seen ``TermTable``, a
    /// ``DocumentLayout`` and ``PostingRecords``.
    struct DocumentReading: ~Copyable {
        let schema: SearchSchema
        let fieldNames: [String]
        let roles: FieldRoles
        let analyzer: Analyzer
        /// Every term met, stop words included, in first-seen order.
        private(set) var terms = TermTable(capacity: 1 << 15)
        private var termIsStopWord: [Bool] = []
        private(set) var layout: DocumentLayout
        private(set) var records = PostingRecords()
        private var grouping = TermGrouping()

        init(schema: SearchSchema, roles: FieldRoles, analyzer: Analyzer, documentCount: Int) {
            self.schema = schema
            self.fieldNames = schema.fields.map(\.name)
            self.roles = roles
            self.analyzer = analyzer
            self.layout = DocumentLayout(documentCount: documentCount, fieldCount: schema.fields.count)
        }

        /// Reads document number `doc`: its fields' tokens, then one record per distinct term.
        mutating func read(_ document: SearchDocument, number doc: Int32) {
            grouping.tokens.removeAll()
            let snippetField = snippetField(of: document)
            layout.snippetFields.append(UInt8(snippetField))
            layout.checkpointStarts.append(UInt32(layout.checkpointPositions.count))
            var position = 0
            for f in 0..<fieldNames.count {
                position = readField(f, of: document, number: doc, snippetField: snippetField, from: position)
                position += fieldGap
            }
            grouping.groupTokens(document: doc, fieldCount: fieldNames.count)
            grouping.appendRecords(document: doc, fieldCount: fieldNames.count, to: &records)
        }

        /// The layout, once every document is read (it closes the last restart-point range).
        mutating func finish() -> DocumentLayout {
            layout.checkpointStarts.append(UInt32(layout.checkpointPositions.count))
            return layout
        }

        /// The preferred snippet field, or the first non-empty one when it is empty.
        private func snippetField(of document: SearchDocument) -> Int {
            let preferred = roles.snippetField ?? 0
            if document.fields[fieldNames[preferred]]?.isEmpty ?? true,
               let firstNonEmpty = fieldNames.firstIndex(where: { !(document.fields[$0]?.isEmpty ?? true) }) {
                return firstNonEmpty
            }
            return preferred
        }

        /// Tokenizes field `f` from position `base`: its length and base, its snippet restart
        /// points and text, its title text, its identifier, and its tokens (stop words only
        /// take a position). Returns the next unused position.
        private mutating func readField(
            _ f: Int, of document: SearchDocument, number doc: Int32, snippetField: Int, from base: Int
        ) -> Int {
            var text = document.fields[fieldNames[f]] ?? ""
            let slot = Int(doc) * fieldNames.count + f
            layout.fieldBases[slot] = UInt32(base)
            let isSnippetField = f == snippetField
            if isSnippetField { layout.snippetTexts.append(text) }
            if f == roles.titleField { layout.titleTexts.append(text) }
            var nextCheckpoint = base
            var lastUnit = -1
            var length: UInt32 = 0
            let next = text.withUTF8 { utf8 in
                Tokenizer.forEachToken(in: utf8, firstPosition: base) { token in
                    if isSnippetField, token.unitStart != lastUnit {
                        lastUnit = token.unitStart
                        if token.unitPosition >= nextCheckpoint {
                            layout.checkpointPositions.append(UInt32(token.unitPosition))
                            layout.checkpointOffsets.append(UInt32(token.unitStart))
                            nextCheckpoint = token.unitPosition + checkpointInterval
                        }
                    }
                    let id = intern(token)
                    guard !termIsStopWord[Int(id)] else { return true }
                    grouping.tokens.append(Occurrence(term: id, position: UInt32(token.position), field: UInt16(f)))
                    length += 1
                    return true
                }
            }
            layout.fieldLengths[slot] = length
            if schema.fields[f].isIdentifier {
                let key = IndexBuilder.key(text)
                if !key.isEmpty { layout.identifiers[key, default: []].append(doc) }
            }
            return next
        }

        /// The first-seen id of a token's term, noting whether a new term is a stop word.
        private mutating func intern(_ token: RawToken) -> Int32 {
            let (id, isNew) = terms.insert(token.term)
            if isNew {
                let isStop = !token.isCompound
                    && analyzer.isStopWord(String(decoding: token.term, as: UTF8.self), hasDigit: token.hasDigit)
                termIsStopWord.append(isStop)
                grouping.addTerm()
            }
            return id
        }
    }

    /// One indexed token of the document being read.
    struct Occurrence: BitwiseCopyable {
        var term: Int32
        var position: UInt32
        var field: UInt16
    }

    /// The current document's tokens grouped by term: its distinct terms in first-seen
    /// order, each one's frequency per field, and its positions (a counting sort).
    /// Scratch space reused from one document to the next; owns its buffers.
    struct TermGrouping: ~Copyable {
        /// The current document's indexed tokens, in position order.
        var tokens = GrowableBuffer<Occurrence>(capacity: 1 << 12)
        /// Per term (first-seen id): the last document it was seen in, and its local index there.
        private var termStamp: [Int32] = []
        private var termLocal: [Int32] = []
        /// Per token, its term's local index.
        private var tokenLocals = GrowableBuffer<Int32>()
        /// Per local term: its first-seen id, its token count (then its range's end in `grouped`),
        /// and its frequency in each field.
        private var localTerms = GrowableBuffer<Int32>()
        private var localCounts = GrowableBuffer<Int32>()
        private var localFrequencies = GrowableBuffer<UInt16>()
        /// The positions, grouped by local term.
        private var grouped = GrowableBuffer<UInt32>()

        init() {}

        deinit {
            tokens.deallocate()
            tokenLocals.deallocate()
            localTerms.deallocate()
            localCounts.deallocate()
            localFrequencies.deallocate()
            grouped.deallocate()
        }

        /// Makes room for one more first-seen term.
        mutating func addTerm() {
            termStamp.append(-1)
            termLocal.append(0)
        }

        /// Groups `tokens` by term: local terms, per-field frequencies, then the positions
        /// of each term together, in order.
        mutating func groupTokens(document doc: Int32, fieldCount: Int) {
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
        }

        /// Appends one record per local term: its frequencies and its delta-encoded positions.
        func appendRecords(document doc: Int32, fieldCount: Int, to records: inout PostingRecords) {
            var groupStart = 0
            for local in 0..<localTerms.count {
                let groupEnd = Int(localCounts[local])
                records.terms.append(localTerms[local])
                records.documents.append(doc)
                for f in 0..<fieldCount { records.frequencies.append(localFrequencies[local * fieldCount + f]) }
                var previous: UInt32 = 0
                for k in groupStart..<groupEnd {
                    var delta = grouped[k] - previous
                    previous = grouped[k]
                    while delta >= 0x80 {
                        records.positionBytes.append(UInt8(delta & 0x7F) | 0x80)
                        delta >>= 7
                    }
                    records.positionBytes.append(UInt8(delta))
                }
                records.positionEnds.append(UInt32(records.positionBytes.count))
                groupStart = groupEnd
            }
        }
    }
}
