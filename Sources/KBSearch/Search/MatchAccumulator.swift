#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-query scratch arrays of ``SearchIndex/match(_:mode:keep:fieldMask:pruning:)``,
/// in one allocation of 22 bytes per document.
///
/// `masks[d]` has bit `s` set when document `d` matched slot `s` (bits 30
/// and 31 mark pinned and excluded documents). A document is in `touched`
/// when it matched a slot or is pinned; every other document's mask is zero,
/// unless it is excluded (and so never a result). `scores` and `slotScores`
/// are only read for documents whose mask says they were written, so only the
/// masks are zeroed; so are `qualities` (the weakest of the matched slots'
/// best match qualities) and `slotQualities`.
struct MatchAccumulator {
    let storage: IndexStorage
    let plan: QueryPlan
    let fieldMask: UInt16
    let masks: UnsafeMutablePointer<UInt32>
    let scores: UnsafeMutablePointer<Float>
    private let slotScores: UnsafeMutablePointer<Float>
    let touched: UnsafeMutablePointer<Int32>
    private let slotTouched: UnsafeMutablePointer<Int32>
    let qualities: UnsafeMutablePointer<UInt8>
    private let slotQualities: UnsafeMutablePointer<UInt8>
    private(set) var touchedCount = 0
    private var phraseCache: [[(document: Int32, weight: Float)]?]
    private let documentCount: Int

    init(storage: IndexStorage, plan: QueryPlan, fieldMask: UInt16) {
        self.storage = storage
        self.plan = plan
        self.fieldMask = fieldMask
        let n = storage.documentCount
        documentCount = n
        let block = UnsafeMutableRawPointer.allocate(byteCount: n * 22, alignment: 8)
        memset(block, 0, n * 4)
        masks = block.bindMemory(to: UInt32.self, capacity: n)
        scores = (block + n * 4).bindMemory(to: Float.self, capacity: n)
        slotScores = (block + n * 8).bindMemory(to: Float.self, capacity: n)
        touched = (block + n * 12).bindMemory(to: Int32.self, capacity: n)
        slotTouched = (block + n * 16).bindMemory(to: Int32.self, capacity: n)
        qualities = (block + n * 20).bindMemory(to: UInt8.self, capacity: n)
        slotQualities = (block + n * 21).bindMemory(to: UInt8.self, capacity: n)
        phraseCache = Array(repeating: nil, count: plan.phrases.count)
    }

    func deallocate() {
        UnsafeMutableRawPointer(masks).deallocate()
    }

    /// Forgets every document (masks back to zero).
    mutating func reset() {
        for k in 0..<touchedCount { masks[Int(touched[k])] = 0 }
        touchedCount = 0
    }

    /// Sets `bit` on a document, touching it if new.
    mutating func mark(_ document: Int32, with bit: UInt32) {
        let d = Int(document)
        if masks[d] == 0 {
            touched[touchedCount] = document
            touchedCount += 1
            scores[d] = 0
            qualities[d] = 0
        }
        masks[d] |= bit
    }

    mutating func touchEveryDocument() {
        for d in 0..<documentCount where masks[d] == 0 {
            touched[touchedCount] = Int32(d)
            touchedCount += 1
            scores[d] = 0
            qualities[d] = 0
        }
    }

    /// Marks the documents holding an excluded term or phrase.
    mutating func markExclusions() {
        for term in plan.excludedTerms {
            for p in storage.postings(of: term) { masks[Int(storage.postingDocuments[p])] |= SearchIndex.excludedBit }
        }
        for phrase in plan.excludedPhrases {
            for (document, _) in SearchIndex(storage: storage).phraseMatches(plan.phrases[phrase], fieldMask: .max) {
                masks[Int(document)] |= SearchIndex.excludedBit
            }
        }
    }

    /// Scores slot `s` over all its postings: every document holding a source is matched.
    mutating func addSlot(_ s: Int) {
        add(slot: s, required: 0)
    }

    /// Scores the slots rarest first, keeping only the documents that matched
    /// every slot so far; afterwards `touched` holds the documents matching all.
    mutating func addAllSlotsConjunctively() {
        let costs = plan.slots.indices.map { cost(of: $0) }
        let order = plan.slots.indices.sorted { costs[$0] < costs[$1] }
        var required: UInt32 = 0
        for s in order {
            if required != 0 {
                keepOnly(required)
                guard touchedCount > 0 else { return }
            }
            add(slot: s, required: required)
            required |= 1 << UInt32(s)
        }
        keepOnly(required)
    }

    /// Drops the touched documents whose mask lacks a bit of `required`.
    private mutating func keepOnly(_ required: UInt32) {
        var kept = 0
        for k in 0..<touchedCount {
            let document = touched[k]
            if masks[Int(document)] & required == required {
                touched[kept] = document
                kept += 1
            } else {
                masks[Int(document)] = 0
            }
        }
        touchedCount = kept
    }

    /// Postings walked (or an estimate for phrases) to score a slot.
    private func cost(of s: Int) -> Int {
        var total = 0
        for source in plan.slots[s].terms { total += storage.documentFrequency(of: source.term) }
        for source in plan.slots[s].phrases {
            total += plan.phrases[source.phrase].words.map { $0.reduce(0) { $0 + storage.documentFrequency(of: $1) } }.min() ?? 0
        }
        return total
    }

    /// Offers slot `s`'s sources to the documents: each keeps its best source.
    /// With `required`, only documents already holding those bits are offered,
    /// and a source's postings are found by binary search for each of them
    /// when that is cheaper than walking the postings.
    private mutating func add(slot s: Int, required: UInt32) {
        let slot = plan.slots[s]
        let bit = UInt32(1) << UInt32(s)
        var slotCount = 0
        let restrictFields = fieldMask != .max
        let fieldMask = fieldMask
        let (masks, scores, slotScores, slotTouched) = (masks, scores, slotScores, slotTouched)
        let (qualities, slotQualities) = (qualities, slotQualities)
        var touchedCount = touchedCount
        let touched = touched
        let candidates = touchedCount
        @inline(__always) func offer(_ document: Int32, _ value: Float, _ quality: UInt8) {
            let d = Int(document)
            let mask = masks[d]
            if mask & bit == 0 {
                guard mask & required == required else { return }
                if mask == 0 {
                    touched[touchedCount] = document
                    touchedCount += 1
                    scores[d] = 0
                    qualities[d] = 0
                }
                masks[d] = mask | bit
                slotScores[d] = value
                slotQualities[d] = quality
                slotTouched[slotCount] = document
                slotCount += 1
            } else {
                if value > slotScores[d] { slotScores[d] = value }
                if quality < slotQualities[d] { slotQualities[d] = quality }
            }
        }
        storage.postingDocuments.withUnsafeBufferPointer { docs in
            storage.postingWeights.withUnsafeBufferPointer { weights in
                storage.postingFieldMasks.withUnsafeBufferPointer { fieldMasks in
                    for source in slot.terms {
                        let factor = source.weight * slot.idf
                        let quality = UInt8(source.quality.rawValue)
                        let postings = storage.postings(of: source.term)
                        if required != 0, candidates * (Int.bitWidth - postings.count.leadingZeroBitCount) < postings.count {
                            for k in 0..<candidates {
                                let document = touched[k]
                                guard let p = storage.posting(of: source.term, in: document),
                                      !restrictFields || fieldMasks[p] & fieldMask != 0 else { continue }
                                offer(document, factor * weights[p], quality)
                            }
                        } else if restrictFields {
                            for p in postings where fieldMasks[p] & fieldMask != 0 {
                                offer(docs[p], factor * weights[p], quality)
                            }
                        } else {
                            for p in postings { offer(docs[p], factor * weights[p], quality) }
                        }
                    }
                }
            }
        }
        for source in slot.phrases {
            if phraseCache[source.phrase] == nil {
                phraseCache[source.phrase] = SearchIndex(storage: storage)
                    .phraseMatches(plan.phrases[source.phrase], fieldMask: fieldMask)
            }
            let factor = source.weight * slot.idf
            let quality = UInt8(source.quality.rawValue)
            for (document, weight) in phraseCache[source.phrase]! { offer(document, factor * weight, quality) }
        }
        for k in 0..<slotCount {
            let d = Int(slotTouched[k])
            scores[d] += slotScores[d]
            qualities[d] = max(qualities[d], slotQualities[d])
        }
        self.touchedCount = touchedCount
    }
}
