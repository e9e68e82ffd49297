import Foundation
import KBAnalytics
import Synchronization

/// `kb-bench --analytics-writer N`: the analytics writer alone. N search events made as
/// `kb serve` makes them for cached answers (`distinct` queries in turn, 300 by default,
/// each event a copy with a fresh id and time) are written to a new SQLite file through
/// the store, in batches like the recorder's; the events are made before the clock
/// starts. With `distinct` as large as the count, every search has a query of its own
/// (the long tail: each one added to `queries`). One JSON line: events, distinct
/// queries, batch size, CPU (all threads) and wall time per event, file size.
/// With `keep`, the file is written there (it must not exist) and kept.
enum AnalyticsWriterBench {
    static func measure(events count: Int, batch: Int, distinct: Int, keep: String?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-bench-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        if let keep, FileManager.default.fileExists(atPath: keep) { throw BenchError("\(keep) exists; give a new file") }
        let path = keep ?? folder.appendingPathComponent("analytics.sqlite").path
        let templates = (0..<min(distinct, count)).map { index in
            SearchEvent(query: "query number \(index) about a locked account", language: index % 3 == 0 ? "id" : "en",
                        hits: index % 7, topIDs: ["article:unlock-account", "article:two-factor-authentication", "code:51"],
                        tookMicros: 40 + index % 50, source: .api)
        }
        let start = Date()
        let events: [AnalyticsEvent] = (0..<count).map { index in
            var event = templates[index % templates.count]
            event.date = start.addingTimeInterval(Double(index) / 20_000)
            event.id = SearchID(at: event.date)
            return .search(event)
        }
        let store = try SQLiteAnalyticsStore(path: path)
        let cpuStart = cpuNanoseconds(), wallStart = Measurement.now()
        try blocking {
            var offset = 0
            while offset < events.count {
                let end = min(offset + batch, events.count)
                try await store.write(Array(events[offset..<end]))
                offset = end
            }
        }
        let cpu = Double(cpuNanoseconds() - cpuStart) / 1000 / Double(count)
        let wall = Double(Measurement.now() - wallStart) / 1000 / Double(count)
        try blocking { try await store.close() }
        let bytes = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: path + $0)[.size] as? Int }.reduce(0, +)
        return "{\"events\": \(count), \"distinct\": \(templates.count), \"batch\": \(batch), \"cpu_us_per_event\": \(Measurement.round(cpu, 3)), "
            + "\"wall_us_per_event\": \(Measurement.round(wall, 3)), \"file_mb\": \(Measurement.round(Double(bytes) / 1_048_576, 1))}"
    }

    /// This process's CPU time (user and system, every thread), in nanoseconds.
    private static func cpuNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Runs `body` to its end from synchronous code.
    private static func blocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Mutex<(any Error)??>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await body()
                outcome.withLock { $0 = .some(nil) }
            } catch {
                outcome.withLock { $0 = .some(error) }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 ?? nil }) { throw error }
    }
}
