import Testing
import KBContent
import KBSearch
@testable import KnowledgeBase

/// Every relevance query, English and Indonesian, searched against the shipped content's
/// index with pruning and exhaustively: the same hits with bitwise equal scores, totals,
/// facet counts and suggestions (``SearchIndex/pruningDifference(_:options:)``).
@Suite struct RelevancePruningTests {
    @Test("relevance queries find the same with and without pruning", arguments: [
        (Language.english, "queries.tsv"), (Language.indonesian, "queries.id.tsv"),
    ])
    func relevanceQueriesAgree(_ language: Language, _ name: String) throws {
        let cases = try SearchTests.relevanceCases(name)
        #expect(cases.count >= (language == .english ? 200 : 80))
        let index = SearchTests.knowledgeBase.edition(language).index
        for query in cases.map(\.query) {
            for mode in [SearchOptions.MatchMode.any, .default] {
                for typos in [false, true] {
                    let options = SearchOptions(limit: 10, mode: mode, typoTolerance: typos, prefixMatching: typos)
                    let difference = index.pruningDifference(query, options: options)
                    #expect(difference == nil, "\(query) (\(mode), typos \(typos))")
                }
            }
        }
    }
}
