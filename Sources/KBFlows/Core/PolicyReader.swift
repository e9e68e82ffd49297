import Foundation
import KBContent

/// Reads typed policy values for one flow, turning a missing or malformed value into
/// a ``FlowPolicyError`` that names the path.
struct PolicyReader {
    let policies: Policies
    let flow: String

    init(_ policies: Policies, flow: String) {
        self.policies = policies
        self.flow = flow
    }

    func text(_ path: String) throws(FlowPolicyError) -> String {
        PolicyReadLog.current?.record(path)
        guard case let .text(value)? = policies[path], !value.trimmingSpaces().isEmpty else {
            throw problem(path, "a text value")
        }
        return value
    }

    func integer(_ path: String, in range: ClosedRange<Int>) throws(FlowPolicyError) -> Int {
        PolicyReadLog.current?.record(path)
        guard let value = policies.integer(path), range.contains(value) else {
            throw problem(path, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A list with at least one item (a single text counts as a list of one).
    func list(_ path: String, expected: String = "a list of values") throws(FlowPolicyError) -> [String] {
        PolicyReadLog.current?.record(path)
        switch policies[path] {
        case let .list(items)? where !items.isEmpty && items.allSatisfy({ !$0.isEmpty }):
            return items
        case let .text(value)? where !value.isEmpty:
            return [value]
        default:
            throw problem(path, expected)
        }
    }

    func integers(_ path: String, in range: ClosedRange<Int>) throws(FlowPolicyError) -> [Int] {
        let expected = "a list of whole numbers from \(range.lowerBound) to \(range.upperBound)"
        let items = try list(path, expected: expected)
        let numbers = items.compactMap { Int($0) }.filter { range.contains($0) }
        guard numbers.count == items.count else { throw problem(path, expected) }
        return numbers
    }

    /// A time of day written `HH:MM`.
    func timeOfDay(_ path: String) throws(FlowPolicyError) -> (hour: Int, minute: Int) {
        let value = try text(path)
        let parts = value.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw problem(path, "a time of day written HH:MM, e.g. 16:00", found: value)
        }
        return (hour, minute)
    }

    func timeZone(_ path: String) throws(FlowPolicyError) -> TimeZone {
        let value = try text(path)
        guard let zone = TimeZone(identifier: value) else {
            throw problem(path, "a time zone identifier, e.g. Asia/Jakarta", found: value)
        }
        return zone
    }

    private func problem(_ path: String, _ expected: String, found: String? = nil) -> FlowPolicyError {
        let shown = found ?? policies[path]?.rendered
        let message = shown.map { "is '\($0)', not \(expected)" } ?? "is missing"
        return FlowPolicyError(flow: flow, path: path, message, hint: "set it to \(expected) in policies.yaml")
    }
}

/// The policy paths a simulator read while it was made, in the order first read: what
/// ``FlowRegistry`` records as ``AnyFlow/policyPaths``.
///
/// Set for the duration of one simulator's `init(content:)` as a task-local value (it
/// works from synchronous code too), so nothing is shared between two registries.
final class PolicyReadLog: @unchecked Sendable {
    @TaskLocal static var current: PolicyReadLog?

    private let lock = NSLock()
    private var seen: Set<String> = []
    private var ordered: [String] = []

    func record(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(path).inserted { ordered.append(path) }
    }

    /// Every path read, each once, in the order first read.
    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return ordered
    }
}
