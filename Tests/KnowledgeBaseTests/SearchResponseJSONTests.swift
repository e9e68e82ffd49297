import Foundation
import Testing
import KBSearch
@testable import KnowledgeBase

/// The server writes search responses with ``SearchResponse/jsonBytes()``; these tests
/// hold its output byte for byte equal to `JSONEncoder`'s, the shape's reference.
@Suite("Search responses as JSON bytes")
struct SearchResponseJSONTests {
    static let knowledgeBase = SearchTests.knowledgeBase

    private func reference(_ response: SearchResponse) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(response), as: UTF8.self)
    }

    @Test("every relevance query, and queries with quotes, slashes, controls and non-ASCII, match JSONEncoder")
    func matchesJSONEncoder() throws {
        let file = URL(fileURLWithPath: shippedContent).deletingLastPathComponent()
            .appendingPathComponent("Tests/Relevance/queries.tsv")
        var queries = try RelevanceEvaluation.parseCases(String(contentsOf: file, encoding: .utf8)).map(\.query)
        queries += [#""do not" honor\"#, "a/b https://x.example/y", "tab\there\u{1}\u{1F}", "kartu ditolak é ü 日本 🙂", "zzqqxx", "acount lokced"]
        for query in queries {
            for options in [SearchOptions(), SearchOptions(limit: 1, offset: 2), SearchOptions(limit: 50)] {
                let response = Self.knowledgeBase.search(query, options: options)
                let bytes = String(decoding: response.jsonBytes(), as: UTF8.self)
                #expect(bytes == (try reference(response)), "\(query)")
            }
        }
    }

    @Test("suggestion, truncation, odd scores and empty facets are written as JSONEncoder writes them")
    func edges() throws {
        let hitJSON = #"{"kind":"article","id":"x\"y","title":"T\\itle\n","score":0.1,"snippet":"a\u0000b\u007fc\u2028","highlights":[[0,1],[3,4]],"url":"/articles/x.html","lang":"en"}"#
        let hit = try JSONDecoder().decode(SearchResponse.Hit.self, from: Data(hitJSON.utf8))
        #expect(hit.snippet.unicodeScalars.first { $0.value < 0x20 } != nil)
        var response = SearchResponse(
            query: "q", lang: "id", total: 3, hits: [hit], facets: [:], suggestion: "did you", truncated: true, tookMicros: 12
        )
        for score in [0.1, 3.0, 12.345, 1e20, 123456.789, 0.000001, 0] {
            response.hits[0].score = score
            #expect(String(decoding: response.jsonBytes(), as: UTF8.self) == (try reference(response)), "score \(score)")
        }
        response.facets = ["kind": [:], "category": ["b": 1, "a": 2]]
        response.suggestion = nil
        response.hits = []
        #expect(String(decoding: response.jsonBytes(), as: UTF8.self) == (try reference(response)))
    }
}
