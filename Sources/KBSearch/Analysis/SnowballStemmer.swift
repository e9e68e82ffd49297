import CStemmer
import Synchronization

/// A Snowball stemmer from libstemmer (English or Indonesian), safe to share between threads.
///
/// libstemmer's `sb_stemmer_stem` returns a buffer owned by the stemmer that is
/// valid only until the next call, and a stemmer must not be used by two threads
/// at once: every call takes the mutex and copies the result out before
/// releasing it. The index stems each distinct term once at build time, so the
/// search path only stems words that are not in the dictionary.
final class SnowballStemmer: Sendable {
    /// Owns the C stemmer; only touched inside the mutex.
    private struct Handle: ~Copyable, @unchecked Sendable {
        let pointer: OpaquePointer?

        init(_ algorithm: String) {
            pointer = sb_stemmer_new(algorithm, "UTF_8")
        }

        deinit {
            if let pointer { sb_stemmer_delete(pointer) }
        }
    }

    private let handle: Mutex<Handle>

    /// A stemmer for libstemmer's algorithm name: `english`, `indonesian`.
    init(algorithm: String = "english") {
        handle = Mutex(Handle(algorithm))
    }

    /// Returns the stem of an already folded, lower-case word.
    func stem(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = word.baseAddress, word.count > 0 else { return [] }
        return handle.withLock { handle -> [UInt8] in
            guard let pointer = handle.pointer,
                  let result = sb_stemmer_stem(pointer, base, Int32(word.count))
            else { return Array(word) }
            let length = Int(sb_stemmer_length(pointer))
            return Array(UnsafeBufferPointer(start: result, count: length))
        }
    }

    func stem(_ word: String) -> String {
        var word = word
        let bytes = word.withUTF8 { stem($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
