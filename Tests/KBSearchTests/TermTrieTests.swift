import Testing
@testable import KBSearch

@Suite struct TermTrieTests {
    /// Optimal string alignment distance, the slow way.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test func findsExactlyTheTermsWithinTheBudget() {
        var rng = SplitMix(state: 42)
        let alphabet = Array("abcde".utf8)
        func word() -> [UInt8] { (0..<(2 + Int(rng.next() % 8))).map { _ in alphabet[Int(rng.next() % 5)] } }
        let terms = Array(Set((0..<250).map { _ in word() })).sorted { $0.lexicographicallyPrecedes($1) }
        let pointers = terms.map { bytes -> UnsafeMutableBufferPointer<UInt8> in
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
            return buffer
        }
        defer { pointers.forEach { $0.deallocate() } }
        let trie = TermTrie(sortedTerms: pointers.enumerated().map { (Int32($0.offset), UnsafeBufferPointer($0.element)) })
        for _ in 0..<60 {
            let query = word()
            for edits in 0...2 {
                var found: [Int32: Int] = [:]
                query.withUnsafeBufferPointer { bytes in
                    trie.forEachTerm(within: edits, of: bytes) { found[$0] = $1 }
                }
                var expected: [Int32: Int] = [:]
                for (id, term) in terms.enumerated() {
                    let d = Self.distance(query, term)
                    if d <= edits { expected[Int32(id)] = d }
                }
                #expect(found == expected, "query \(String(decoding: query, as: UTF8.self)), \(edits) edits")
                var sameFirst: [Int32: Int] = [:]
                query.withUnsafeBufferPointer { bytes in
                    trie.forEachTerm(within: edits, of: bytes, keepingFirstByte: true) { sameFirst[$0] = $1 }
                }
                #expect(sameFirst == expected.filter { terms[Int($0.key)].first == query.first })
            }
        }
    }
}
