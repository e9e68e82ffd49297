import Dispatch

/// Runs independent work on every core. Results keep their input order.
enum Parallel {
    /// `transform` applied to `0..<count` on all cores.
    ///
    /// - Complexity: O(count) calls of `transform`, spread over the available cores.
    static func map<Result>(count: Int, _ transform: @escaping @Sendable (Int) -> Result) -> [Result] {
        let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            _ = slots.deinitialize()
            slots.deallocate()
        }
        // Each iteration writes only its own slot, so no two threads touch the same memory.
        nonisolated(unsafe) let shared = slots
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared[index] = transform(index)
        }
        return slots.map { $0! }
    }
}
