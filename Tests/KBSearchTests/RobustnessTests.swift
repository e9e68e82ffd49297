import Testing
import KBSearch

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Hostile {
    static let pieces = [
        "\"", "-", ":", "kind:", ":code", "-\"", "\"\"", " ", "\t", "\n", "\u{0}", "\u{7}", "\u{1B}[31m",
        "\u{301}", "\u{200D}", "\u{FEFF}", "🙂", "👩‍👩‍👧", "é", "ß", "ﬁ", "①", "½", "Ｎ７", "٣", "日本語", "Привет",
        "שלום", "مرحبا", "support@midtrans.com", "http://", "https://x.y/", "www.", "@", "a@b", ".", "..", "'", "’",
        "05", "N7", "51", "code", "card", "unlock", "account", "transaction", "-card", "tag:login", "category:",
        "x:y:z", "\\", "%", "*", "?", "AND", "OR", "NOT", "(", ")", "[", "]", "{", "}", "<script>", "&amp;",
    ]

    static func randomScalar(_ rng: inout SplitMix) -> Character {
        while true {
            let value: UInt32
            switch rng.next() % 4 {
            case 0: value = UInt32(rng.next() % 0x80)
            case 1: value = UInt32(rng.next() % 0x800)
            case 2: value = UInt32(rng.next() % 0x10000)
            default: value = UInt32(rng.next() % 0x110000)
            }
            if let scalar = Unicode.Scalar(value) { return Character(scalar) }
        }
    }

    static func randomString(_ rng: inout SplitMix) -> String {
        var text = ""
        let parts = Int(rng.next() % 12)
        for _ in 0..<parts {
            if rng.next() % 2 == 0 {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            } else {
                for _ in 0..<Int(rng.next() % 6) { text.append(randomScalar(&rng)) }
            }
        }
        return text
    }
}

@Suite struct RobustnessTests {
    func checkSane(_ results: SearchResults, _ index: SearchIndex, limit: Int = 10) {
        #expect(results.hits.count <= limit)
        #expect(results.total >= results.hits.count)
        #expect(results.query.count <= SearchLimits.maxQueryCharacters)
        #expect(Set(results.hits.map(\.documentIndex)).count == results.hits.count)
        for hit in results.hits {
            #expect((0..<index.documentCount).contains(hit.documentIndex))
            #expect(hit.id == index.documentID(at: hit.documentIndex))
            #expect(hit.score.isFinite && hit.score >= 0)
            #expect(hit.snippet.text.count <= 200)
            let characters = hit.snippet.text.count
            #expect(hit.snippet.highlightRanges.allSatisfy { $0.upperBound <= characters })
        }
        for (_, counts) in results.facets {
            #expect(counts.values.allSatisfy { $0 > 0 && $0 <= results.total })
        }
    }

    @Test func randomAndHostileQueriesNeverFail() {
        var rng = SplitMix(state: 20_260_101)
        for _ in 0..<3000 {
            let query = Hostile.randomString(&rng)
            let limit = Int(rng.next() % 12)
            let results = HelpCenter.index.search(query, options: SearchOptions(limit: limit, offset: Int(rng.next() % 3)))
            checkSane(results, HelpCenter.index, limit: limit)
            _ = HelpCenter.index.suggest(prefix: query, limit: 3)
        }
    }

    @Test(arguments: [
        "", " ", "\"", "\"\"\"", "-", "--", "- - -", ":", "::::", "kind:", ":code", "-\"", "\u{0}", "\u{0}\u{0}card",
        "\u{301}", "\u{301}\u{301}card", "🙂", "🙂🙂🙂", "\u{7F}\u{80}\u{9F}", "-\"unlock account\"", "\"-\"", "'''",
        String(repeating: "-", count: 1000), String(repeating: "\"", count: 1001), String(repeating: ":", count: 999),
        String(repeating: "card ", count: 20_000), String(repeating: "é", count: 100_000),
        String(repeating: "a", count: 100_000), String(repeating: "\u{301}", count: 50_000),
        String(repeating: "x@y.", count: 25_000), String(repeating: "https://", count: 12_000),
    ])
    func degenerateQueriesNeverFail(query: String) {
        let results = HelpCenter.index.search(query)
        checkSane(results, HelpCenter.index)
        #expect(results.wasTruncated == (query.count > SearchLimits.maxQueryCharacters))
        _ = HelpCenter.index.suggest(prefix: query)
    }

    @Test func hostileDocumentsIndexAndSearch() {
        var rng = SplitMix(state: 7)
        var bodies = (0..<200).map { _ in Hostile.randomString(&rng) }
        bodies += ["", String(repeating: "é ", count: 50_000), String(repeating: "a.", count: 20_000),
                   String(repeating: "x@y.zz ", count: 5000), String(repeating: "\u{301}", count: 10_000)]
        let index = plainIndex(bodies, titles: bodies.map { String($0.prefix(20)) })
        index._checkInvariants()
        for _ in 0..<500 {
            checkSane(index.search(Hostile.randomString(&rng)), index)
        }
    }

    @Test func emptyIndex() {
        let index = plainIndex([])
        #expect(index.documentCount == 0 && index.termCount == 0)
        let results = index.search("anything")
        #expect(results.hits.isEmpty && results.total == 0)
        #expect(index.suggest(prefix: "a").isEmpty)
        index._checkInvariants()
    }

    @Test func concurrentSearchesAgree() async {
        let queries = ["unknownish words here", "cancellations", "whitelisted logins", "do not honor", "acount"]
        let expected = queries.map { HelpCenter.ids($0) }
        await withTaskGroup(of: Bool.self) { group in
            for k in 0..<40 {
                group.addTask {
                    let q = k % queries.count
                    return HelpCenter.ids(queries[q]) == expected[q]
                }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}

@Suite struct IndexTests {
    @Test func invariantsHoldOnTheHelpCenter() {
        HelpCenter.index._checkInvariants()
        #expect(HelpCenter.index.documentCount == HelpCenter.documents.count)
        #expect(HelpCenter.index.termCount > 50)
        #expect(HelpCenter.index.approximateByteSize > 0)
    }

    @Test func bothExactAndStemmedFormsAreSearchable() {
        let index = plainIndex(["cancelled orders", "cancel order"])
        let cancelled = index.search("cancelled")
        #expect(cancelled.hits.map(\.id) == ["d0", "d1"])
        #expect(cancelled.hits.map(\.matchQuality) == [.exact, .stemmed])
        #expect(index.search("cancel", options: SearchOptions(prefixMatching: false)).hits.map(\.id) == ["d1", "d0"])
        #expect(index.search("cancellations").hits.count == 2)   // not indexed, but its stem is
    }
}
