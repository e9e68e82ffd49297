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

    @Test("relevance in each language: top-1 ≥ 90 %, top-3 ≥ 97 %", arguments: [
        (Language.english, "queries.tsv"), (Language.indonesian, "queries.id.tsv"),
    ])
    func relevance(_ language: Language, _ name: String) throws {
        let file = URL(fileURLWithPath: shippedContent).deletingLastPathComponent()
            .appendingPathComponent("Tests/Relevance/\(name)")
        let cases = try RelevanceEvaluation.parseCases(String(contentsOf: file, encoding: .utf8))
        #expect(cases.count >= 80)
        let edition = Self.knowledgeBase.edition(language)
        #expect(edition.language == language)
        let evaluation = RelevanceEvaluation(cases: cases, knowledgeBase: edition)
        let misses = evaluation.misses.map { "\($0.query) → \($0.top ?? "-") (want \($0.expected))" }
        #expect(evaluation.top1 >= 0.90, "top-1 \(evaluation.top1); misses: \(misses)")
        #expect(evaluation.top3 >= 0.97, "top-3 \(evaluation.top3); misses: \(misses)")
    }

    @Test("the relevance file format is checked")
    func relevanceFile() throws {
        #expect(try RelevanceEvaluation.parseCases("# c\nquery\texpected\nlocked\tunlock-account\tnote\n")
            == [RelevanceEvaluation.Case(query: "locked", expected: "unlock-account")])
        #expect(throws: RelevanceFileError.self) { try RelevanceEvaluation.parseCases("no tab here\n") }
    }
}
