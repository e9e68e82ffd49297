import Foundation

/// Wall-clock time and process memory, measured like the peers' `common.py`.
enum Measurement {
    /// Monotonic nanoseconds.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// (VmRSS, VmHWM) of this process in MiB.
    static func memory() -> (current: Double, peak: Double) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        var current = 0.0, peak = 0.0
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kib = Double(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { current = kib / 1024 }
            if fields[0] == "VmHWM:" { peak = kib / 1024 }
        }
        return (current, peak)
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    /// Latency figures of one mode: a warm-up pass, then `repeat` timed passes.
    static func run(queries: [String], repeat passes: Int, _ body: (String) -> Int) -> [(String, Double)] {
        for query in queries { _ = body(query) }
        var latencies: [Double] = []
        latencies.reserveCapacity(queries.count * passes)
        var answered = 0
        let wallStart = now()
        for pass in 0..<passes {
            for query in queries {
                let start = now()
                let hits = body(query)
                latencies.append(Double(now() - start) / 1e6)
                if pass == 0, hits > 0 { answered += 1 }
            }
        }
        let wall = Double(now() - wallStart) / 1e9
        latencies.sort()
        let mean = latencies.reduce(0, +) / Double(max(1, latencies.count))
        return [
            ("queries", Double(queries.count)), ("repeat", Double(passes)),
            ("p50_ms", round(percentile(latencies, 50), 4)), ("p90_ms", round(percentile(latencies, 90), 4)),
            ("p99_ms", round(percentile(latencies, 99), 4)), ("max_ms", round(latencies.last ?? 0, 4)),
            ("mean_ms", round(mean, 4)), ("qps", round(Double(latencies.count) / wall, 1)),
            ("hit_rate", round(Double(answered) / Double(max(1, queries.count)), 3)),
        ]
    }

    static func round(_ value: Double, _ digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
