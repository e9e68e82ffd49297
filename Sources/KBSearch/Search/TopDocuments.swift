/// The best `capacity` ranking keys seen so far: a binary min-heap whose root
/// is the worst of them.
///
/// - Complexity: `insert` is O(1) for a key that does not make the cut, O(log *k*)
///   otherwise, for capacity *k*.
struct TopDocuments {
    private var heap: [UInt64] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(min(capacity, 1024))
    }

    /// True once `capacity` keys are kept.
    var isFull: Bool { heap.count == capacity }

    /// The worst key kept (the heap's root); 0 while empty.
    var worst: UInt64 { heap.first ?? 0 }

    @inline(__always)
    mutating func insert(_ key: UInt64) {
        if heap.count == capacity {
            guard capacity > 0, key > heap[0] else { return }
            replaceWorst(with: key)
        } else {
            append(key)
        }
    }

    private mutating func append(_ key: UInt64) {
        heap.append(key)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent] > heap[child] else { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func replaceWorst(with key: UInt64) {
        heap.withUnsafeMutableBufferPointer { heap in
            heap[0] = key
            var parent = 0
            while true {
                var worst = parent
                let left = 2 * parent + 1, right = left + 1
                if left < heap.count, heap[left] < heap[worst] { worst = left }
                if right < heap.count, heap[right] < heap[worst] { worst = right }
                guard worst != parent else { break }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// The documents, best first.
    func sorted() -> [RankedDocument] {
        heap.sorted(by: >).map(RankedDocument.init(key:))
    }
}
