import KBSearch

/// Measures search quality on a list of queries, each with the result that must
/// come first: top-1, top-3 and mean reciprocal rank.
public struct RelevanceEvaluation: Sendable {
    /// One query and what it must find: an article slug, or `code:XX`.
    public struct Case: Sendable, Hashable {
        public var query: String
        public var expected: String
        /// The kind of miss the query tests (`general`, `sense`, `name`, `two-topics`), `nil` for none.
        public var missKind: String?
        /// Kept out of tuning: reported apart, its misses listed only on request.
        public var heldOut: Bool
        public init(query: String, expected: String, missKind: String? = nil, heldOut: Bool = false) {
            self.query = query
            self.expected = expected
            self.missKind = missKind
            self.heldOut = heldOut
        }
    }

    /// A query whose expected result was not first.
    public struct Miss: Sendable, Hashable {
        public var query: String
        public var expected: String
        /// 1-based rank of the expected result in the top 10, `nil` when absent.
        public var rank: Int?
        /// What came first instead.
        public var top: String?
        /// The query is in the part kept out of tuning.
        public var heldOut = false
    }

    public var cases: Int
    public var top1: Double
    public var top3: Double
    public var meanReciprocalRank: Double
    public var misses: [Miss]

    /// Reads a TSV of `query<TAB>expected[<TAB>style[<TAB>miss kind[<TAB>part]]]` lines; `#`
    /// comments and the `query` header line are skipped; a miss kind of `-` is none, and a part
    /// of `held-out` marks a query kept out of tuning. Throws on a line without an expected result.
    public static func parseCases(_ text: String) throws(RelevanceFileError) -> [Case] {
        var cases: [Case] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmed(of: [" ", "\r"])
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if columns.first == "query" { continue }
            guard columns.count >= 2, !columns[0].isEmpty, !columns[1].isEmpty else {
                throw RelevanceFileError(line: number + 1, text: String(line))
            }
            let missKind = columns.count > 3 && !["", "-"].contains(columns[3]) ? columns[3] : nil
            let heldOut = columns.count > 4 && columns[4] == "held-out"
            cases.append(Case(query: columns[0], expected: columns[1], missKind: missKind, heldOut: heldOut))
        }
        return cases
    }

    /// Runs every case through the knowledge base's search.
    public init(cases: [Case], knowledgeBase: KnowledgeBase) {
        self.init(cases: cases) { query in
            knowledgeBase.search(query, options: SearchOptions(limit: 10)).hits
                .map { $0.kind == .code ? $0.kind.documentID($0.id) : $0.id }
        }
    }

    /// Scores any ranking: `ranked` gives the ids (slugs, `code:XX`) a query finds, best first.
    public init(cases: [Case], ranked: (String) throws -> [String]) rethrows {
        var found1 = 0, found3 = 0, reciprocal = 0.0
        var misses: [Miss] = []
        for testCase in cases {
            let ids = try ranked(testCase.query)
            let rank = ids.prefix(10).firstIndex(of: testCase.expected).map { $0 + 1 }
            if rank == 1 { found1 += 1 }
            if let rank, rank <= 3 { found3 += 1 }
            if let rank { reciprocal += 1 / Double(rank) }
            if rank != 1 {
                misses.append(Miss(query: testCase.query, expected: testCase.expected, rank: rank, top: ids.first,
                                   heldOut: testCase.heldOut))
            }
        }
        let count = max(cases.count, 1)
        self.cases = cases.count
        top1 = Double(found1) / Double(count)
        top3 = Double(found3) / Double(count)
        meanReciprocalRank = reciprocal / Double(count)
        self.misses = misses
    }
}

/// A relevance file line that is not `query<TAB>expected`.
public struct RelevanceFileError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var text: String
    public var description: String {
        "line \(line): expected 'query<TAB>expected', got '\(text)'"
    }
}

extension String {
    fileprivate func trimmed(of set: Set<Character>) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
