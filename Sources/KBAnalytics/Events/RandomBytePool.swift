#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Random bytes from the system's generator, fetched 4 KiB at a time: one system call
/// for about 400 search ids instead of two for each (`SystemRandomNumberGenerator`
/// makes one per 8 bytes). Each byte is handed out once.
final class RandomBytePool: Sendable {
    /// The pool search ids draw from.
    static let shared = RandomBytePool()

    private struct State {
        var bytes: [UInt8]
        var next: Int
    }

    private let state: Mutex<State>

    init(size: Int = 4096) {
        state = Mutex(State(bytes: [UInt8](repeating: 0, count: max(16, size)), next: max(16, size)))
    }

    /// A random value of `type`, made of the pool's next bytes.
    func next<Value: FixedWidthInteger & UnsignedInteger & Sendable>(_ type: Value.Type = Value.self) -> Value {
        state.withLock { Self.take(from: &$0) }
    }

    /// Two random values, drawn under one lock (a search id takes 80 bits at once).
    func next<First: FixedWidthInteger & UnsignedInteger & Sendable, Second: FixedWidthInteger & UnsignedInteger & Sendable>(
        _ first: First.Type, _ second: Second.Type
    ) -> (First, Second) {
        state.withLock { state in
            let first: First = Self.take(from: &state)
            return (first, Self.take(from: &state))
        }
    }

    /// The next `Value`'s worth of bytes, refilling the pool first when it has too few.
    private static func take<Value: FixedWidthInteger & UnsignedInteger>(from state: inout State) -> Value {
        let width = MemoryLayout<Value>.size
        if state.next + width > state.bytes.count {
            fill(&state.bytes)
            state.next = 0
        }
        var value: Value = 0
        for index in state.next..<(state.next + width) {
            value = value << 8 | Value(state.bytes[index])
        }
        state.next += width
        return value
    }

    private static func fill(_ bytes: inout [UInt8]) {
        #if canImport(Glibc)
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) }
        }
        #else
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        #endif
    }
}
