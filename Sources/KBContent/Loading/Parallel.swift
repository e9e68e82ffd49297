import Foundation

/// Independent pieces of work spread over every core.
public enum Parallel {
    /// `transform(k)` for every `k` in `0..<count`, in that order, computed on every core
    /// (strided, so long and short pieces mix); on one thread when there are fewer than
    /// `minimumPerWorker` pieces a core. `transform` must be safe to call from several
    /// threads at once.
    public static func map<T: Sendable>(_ count: Int, minimumPerWorker: Int = 1, _ transform: @Sendable (Int) -> T) -> [T] {
        let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { results.deallocate() }
        // Each worker initializes its own slots; they are read after every worker is done.
        nonisolated(unsafe) let slots = results
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumPerWorker)))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for k in stride(from: worker, to: count, by: workers) {
                (slots.baseAddress! + k).initialize(to: transform(k))
            }
        }
        return (0..<count).map { (results.baseAddress! + $0).move() }
    }
}
