import Foundation
import Testing
import KBContent
import KBSearch
@testable import KnowledgeBase

@Suite("Searching the help center")
struct SearchTests {
    static let knowledgeBase = try! KnowledgeBase.load(directory: shippedContent)

    @Test("what people type finds the right article or code first", arguments: [
        ("acount locked", SearchResponse.Hit.Kind.article, "unlock-account"),
        ("51", .code, "51"),
        ("code 51", .code, "51"),
        ("rc 05", .code, "05"),
        ("n7", .code, "N7"),
        ("insufficient funds", .code, "51"),
        ("do not honor", .code, "05"),
        ("2fa lost", .article, "forgot-2fa-code"),
        ("notification url not called", .article, "notification-not-received"),
    ])
    func firstHit(_ query: String, _ kind: SearchResponse.Hit.Kind, _ id: String) throws {
        let hit = try #require(Self.knowledgeBase.search(query).hits.first)
        #expect(hit.kind == kind && hit.id == id, "\(query) → \(hit.kind):\(hit.id)")
    }

    @Test("the response keeps the DESIGN.md shape")
    func shape() throws {
        let response = Self.knowledgeBase.search("cancel transaction", options: SearchOptions(limit: 3))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(response)) as? [String: Any]
        #expect(json?["query"] as? String == "cancel transaction")
        #expect((json?["total"] as? Int ?? 0) >= 1)
        let hits = json?["hits"] as? [[String: Any]] ?? []
        #expect(hits.count == 3)
        for key in ["kind", "id", "title", "score", "snippet", "url"] {
            #expect(hits.first?[key] != nil, "hit has \(key)")
        }
        #expect(hits.first?["url"] as? String == "/articles/cancel-transaction.html")
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test("filters by kind and category, and counts facets over all matches")
    func filters() {
        var options = SearchOptions(limit: 20)
        options.filters["kind"] = ["code"]
        let codes = Self.knowledgeBase.search("card declined", options: options)
        #expect(!codes.hits.isEmpty)
        #expect(codes.hits.allSatisfy { $0.kind == .code })
        let inline = Self.knowledgeBase.search("kind:article category:payments refund")
        #expect(inline.hits.allSatisfy { $0.kind == .article })
        #expect(inline.hits.first?.id == "refund-transaction")
        let all = Self.knowledgeBase.search("refund")
        #expect(all.facets["kind"]?["article"] ?? 0 >= 1)
    }

    @Test("suggests titles for a prefix")
    func suggest() {
        let titles = Self.knowledgeBase.suggest("refu").map(\.id)
        #expect(titles.contains("refund-transaction"))
    }

    /// The relevance queries of a language, from Tests/Relevance.
    static func relevanceCases(_ name: String) throws -> [RelevanceEvaluation.Case] {
        let file = URL(fileURLWithPath: shippedContent).deletingLastPathComponent()
            .appendingPathComponent("Tests/Relevance/\(name)")
        return try RelevanceEvaluation.parseCases(String(contentsOf: file, encoding: .utf8))
    }

    /// For issue 15's 217 English queries the floors are its targets, both met (top-1 95 %,
    /// top-3 99 %); the Indonesian floors are what that file reaches.
    @Test("relevance in each language: top-1 and top-3 over the whole file", arguments: [
        (Language.english, "queries.tsv", 0.95, 0.99), (Language.indonesian, "queries.id.tsv", 0.98, 1.0),
    ])
    func relevance(_ language: Language, _ name: String, _ top1: Double, _ top3: Double) throws {
        let cases = try Self.relevanceCases(name)
        #expect(cases.count >= (language == .english ? 200 : 80))
        let edition = Self.knowledgeBase.edition(language)
        #expect(edition.language == language)
        let evaluation = RelevanceEvaluation(cases: cases, knowledgeBase: edition)
        let misses = evaluation.misses.filter { !$0.heldOut }.map { "\($0.query) → \($0.top ?? "-") (want \($0.expected))" }
        #expect(evaluation.top1 >= top1, "top-1 \(evaluation.top1); misses outside the held-out part: \(misses)")
        #expect(evaluation.top3 >= top3, "top-3 \(evaluation.top3); misses outside the held-out part: \(misses)")
    }

    /// The held-out part was written with the rest and never looked at while tuning; its
    /// misses are not printed here either. Floor: issue 15's target (90 %), met.
    @Test("the held-out English queries: a fifth of the file, top-1 ≥ 90 %")
    func heldOut() throws {
        let cases = try Self.relevanceCases("queries.tsv")
        let heldOut = cases.filter(\.heldOut)
        #expect(heldOut.count * 5 >= cases.count - 10 && heldOut.count * 5 <= cases.count + 25)
        let evaluation = RelevanceEvaluation(cases: heldOut, knowledgeBase: Self.knowledgeBase)
        #expect(evaluation.top1 >= 0.90, "held-out top-1 \(evaluation.top1)")
    }

    @Test("each kind of miss of issue 15 has at least 10 queries")
    func missKinds() throws {
        let kinds = Dictionary(grouping: try Self.relevanceCases("queries.tsv").compactMap(\.missKind), by: { $0 })
        for kind in ["general", "sense", "name", "two-topics"] {
            #expect(kinds[kind, default: []].count >= 10, "\(kind)")
        }
    }

    @Test("the expected answers of the relevance files exist", arguments: ["queries.tsv", "queries.id.tsv"])
    func expectedAnswersExist(_ name: String) throws {
        let content = Self.knowledgeBase.content
        for testCase in try Self.relevanceCases(name) {
            let (kind, id) = SearchResponse.Hit.Kind.parse(documentID: testCase.expected)
            let exists = kind == .code ? content.responseCode(id) != nil : content.article(id) != nil
            #expect(exists, "\(testCase.query) → \(testCase.expected)")
        }
    }

    @Test("the relevance file format is checked")
    func relevanceFile() throws {
        #expect(try RelevanceEvaluation.parseCases("# c\nquery\texpected\nlocked\tunlock-account\tnote\n")
            == [RelevanceEvaluation.Case(query: "locked", expected: "unlock-account")])
        #expect(try RelevanceEvaluation.parseCases("card blocked\tcode:04\tcode name\tsense\theld-out\nx\ty\tz\t-\n")
            == [RelevanceEvaluation.Case(query: "card blocked", expected: "code:04", missKind: "sense", heldOut: true),
                RelevanceEvaluation.Case(query: "x", expected: "y")])
        #expect(throws: RelevanceFileError.self) { try RelevanceEvaluation.parseCases("no tab here\n") }
    }
}
