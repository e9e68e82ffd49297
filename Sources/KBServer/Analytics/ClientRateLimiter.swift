import Foundation
import Synchronization

/// A token bucket per client address, held in memory only (never stored, never
/// logged): each client may send ``burst`` requests at once and earns ``rate`` more
/// each second, in the manner of nginx's `limit_req`.
final class ClientRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let burst: Int
    let rate: Double
    /// Clients tracked at most; past it, the buckets that are full again are forgotten.
    let maxClients: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(burst: Int, rate: Double, maxClients: Int = 10_000) {
        self.burst = max(1, burst)
        self.rate = max(0.001, rate)
        self.maxClients = maxClients
    }

    /// Takes a token for `client`: `nil` when it may go ahead, else the whole seconds
    /// until it may (for `Retry-After`).
    func acquire(_ client: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: Double(burst), updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(Double(burst), bucket.tokens + seconds * rate)
            bucket.updated = now
            defer {
                if buckets.count > maxClients { forgetFull(&buckets, now: now) }
            }
            guard bucket.tokens >= 1 else {
                buckets[client] = bucket
                return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
            }
            bucket.tokens -= 1
            buckets[client] = bucket
            return nil
        }
    }

    private func forgetFull(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        let full = Double(burst) / rate
        buckets = buckets.filter { _, bucket in
            let idle = now - bucket.updated
            return Double(idle.components.seconds) < full
        }
    }
}
