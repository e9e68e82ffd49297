extension IndexBuilder {
    /// Pass 2, first step: the terms that have postings (stop words have none), sorted by
    /// their bytes, and the sorted id of each first-seen id.
    struct SortedTerms {
        /// The terms in ascending byte order: their ids are the index's term ids.
        let terms: TermTable
        /// First-seen id → sorted id; -1 for a term without postings.
        let sortedIDs: [Int32]

        init(_ table: TermTable, records: borrowing PostingRecords) {
            var postingCounts = [Int32](repeating: 0, count: table.count)
            for r in 0..<records.count { postingCounts[Int(records.terms[r])] += 1 }
            var live = (0..<Int32(table.count)).filter { postingCounts[Int($0)] > 0 }
            table.bytes.withUnsafeBufferPointer { bytes in
                let offsets = table.offsets
                func key(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])])
                }
                live.sort { TermTable.compare(key($0), key($1)) < 0 }
            }
            var sortedIDs = [Int32](repeating: -1, count: table.count)
            var terms = TermTable(capacity: live.count)
            for (rank, old) in live.enumerated() {
                sortedIDs[Int(old)] = Int32(rank)
                _ = table.withKey(old) { terms.insert($0) }
            }
            self.terms = terms
            self.sortedIDs = sortedIDs
        }

        /// The sorted term id of record `r`.
        @inline(__always)
        func term(of r: Int, in records: borrowing PostingRecords) -> Int {
            Int(sortedIDs[Int(records.terms[r])])
        }
    }

    /// The posting arrays, term-major, documents ascending within a term: each posting's
    /// document, saturated BM25F weight, field mask and positions.
    struct Postings {
        /// Each term's postings range (one more element than terms).
        private(set) var starts: ContiguousArray<UInt32>
        private(set) var documents: ContiguousArray<Int32>
        private(set) var weights: ContiguousArray<Float>
        private(set) var fieldMasks: ContiguousArray<UInt16>
        /// Each posting's range in `positionBytes` (one more element than postings).
        private(set) var positionStarts: ContiguousArray<UInt32>
        private(set) var positionBytes: ContiguousArray<UInt8>

        /// Scatters the records into their terms' ranges (a counting sort: records come in
        /// document order, so documents stay ascending), weighing each one.
        init(
            scattering records: borrowing PostingRecords, sorted: SortedTerms, fieldLengths: ContiguousArray<UInt32>,
            fieldWeights: [Float], averageFieldLengths: [Float]
        ) {
            let recordCount = records.count
            let (starts, byteStarts, totalBytes) = Self.ranges(of: records, sorted: sorted)
            var postingCursor = starts.map { Int($0) }
            var byteCursor = byteStarts
            self.starts = starts
            documents = ContiguousArray(repeating: 0, count: recordCount)
            weights = ContiguousArray(repeating: 0, count: recordCount)
            fieldMasks = ContiguousArray(repeating: 0, count: recordCount)
            positionStarts = ContiguousArray(repeating: 0, count: recordCount + 1)
            positionBytes = ContiguousArray(repeating: 0, count: totalBytes)
            positionStarts[recordCount] = UInt32(totalBytes)
            let fieldCount = fieldWeights.count
            var previousEnd: UInt32 = 0
            for r in 0..<recordCount {
                let term = sorted.term(of: r, in: records)
                let slot = postingCursor[term]
                postingCursor[term] += 1
                let doc = Int(records.documents[r])
                documents[slot] = Int32(doc)
                var mask: UInt16 = 0
                var weighted: Float = 0
                for f in 0..<fieldCount {
                    let frequency = Float(records.frequencies[r * fieldCount + f])
                    guard frequency > 0 else { continue }
                    mask |= 1 << f
                    let ratio = averageFieldLengths[f] > 0
                        ? Float(fieldLengths[doc * fieldCount + f]) / averageFieldLengths[f] : 1
                    weighted += fieldWeights[f] * frequency / (1 - b + b * ratio)
                }
                weights[slot] = Ranking.saturate(weighted)
                fieldMasks[slot] = mask
                let start = byteCursor[term]
                positionStarts[slot] = UInt32(start)
                let length = Int(records.positionEnds[r] - previousEnd)
                let source = records.positionBytes.base + Int(previousEnd)
                positionBytes.withUnsafeMutableBufferPointer { bytes in
                    (bytes.baseAddress! + start).update(from: source, count: length)
                }
                byteCursor[term] += length
                previousEnd = records.positionEnds[r]
            }
        }

        /// Each term's first posting (with the end after the last term), each term's first
        /// byte of positions, and the total bytes of positions.
        private static func ranges(
            of records: borrowing PostingRecords, sorted: SortedTerms
        ) -> (starts: ContiguousArray<UInt32>, byteStarts: [Int], totalBytes: Int) {
            let termCount = sorted.terms.count
            var starts = ContiguousArray<UInt32>(repeating: 0, count: termCount + 1)
            var byteCounts = [Int](repeating: 0, count: termCount)
            var previousEnd: UInt32 = 0
            for r in 0..<records.count {
                let term = sorted.term(of: r, in: records)
                starts[term + 1] += 1
                byteCounts[term] += Int(records.positionEnds[r] - previousEnd)
                previousEnd = records.positionEnds[r]
            }
            var byteStarts = [Int](repeating: 0, count: termCount)
            var totalBytes = 0
            for term in 0..<termCount {
                starts[term + 1] += starts[term]
                byteStarts[term] = totalBytes
                totalBytes += byteCounts[term]
            }
            return (starts, byteStarts, totalBytes)
        }

        /// The postings range of a term.
        func range(of term: Int) -> Range<Int> {
            Int(starts[term])..<Int(starts[term + 1])
        }
    }
}
