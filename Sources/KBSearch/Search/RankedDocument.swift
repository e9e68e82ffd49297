/// A matching document with the keys it is ranked by.
struct RankedDocument {
    var document: Int32
    var score: Float
    /// Query slots matched; 0 when every slot is required (all are matched then).
    var matchedSlots: Int32
    var isPinned: Bool

    /// Identifier matches first, then more matched words, then score; ties by document order.
    @inline(__always)
    func ranks(above other: RankedDocument) -> Bool {
        if isPinned != other.isPinned { return isPinned }
        if matchedSlots != other.matchedSlots { return matchedSlots > other.matchedSlots }
        if score != other.score { return score > other.score }
        return document < other.document
    }
}

/// The best `capacity` documents seen so far: a binary heap whose root is the
/// worst of them.
///
/// - Complexity: `insert` is O(log *k*) for capacity *k*.
struct TopDocuments {
    private(set) var heap: [RankedDocument] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 1024))
    }

    mutating func insert(_ candidate: RankedDocument) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(candidate)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent].ranks(above: heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if candidate.ranks(above: heap[0]) {
            heap[0] = candidate
            var parent = 0
            while true {
                var worst = parent
                let left = 2 * parent + 1, right = left + 1
                if left < heap.count, heap[worst].ranks(above: heap[left]) { worst = left }
                if right < heap.count, heap[worst].ranks(above: heap[right]) { worst = right }
                guard worst != parent else { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// The documents, best first.
    func sorted() -> [RankedDocument] {
        heap.sorted { $0.ranks(above: $1) }
    }
}
