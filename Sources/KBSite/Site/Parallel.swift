import Dispatch

/// Runs independent work on every core, in batches, so progress can be reported
/// between batches from the calling thread. Results keep their input order.
enum Parallel {
    /// `transform` applied to `0..<count`; `progress` gets the number done after each batch.
    ///
    /// - Complexity: O(count) calls of `transform`, spread over the available cores.
    static func map<Result>(
        count: Int, batchSize: Int = 256, progress: ((Int) -> Void)? = nil,
        _ transform: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes only its own slot, so no two threads touch the same memory.
        nonisolated(unsafe) let shared = slots
        var start = 0
        while start < count {
            let first = start
            let end = min(first + batchSize, count)
            DispatchQueue.concurrentPerform(iterations: end - first) { offset in
                shared[first + offset] = transform(first + offset)
            }
            start = end
            progress?(start)
        }
        return slots.map { $0! }
    }
}
