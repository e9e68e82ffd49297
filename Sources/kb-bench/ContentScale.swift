import Foundation
import KBContent
import KBSearch
import KnowledgeBase

/// `kb-bench --content DIR`: a kb content folder loaded as `kb serve` loads it (read,
/// parse, check, index), then every query searched as the API searches (snippets,
/// facets, suggestion), for `make scale`. One JSON line: articles, load seconds, the
/// index's own bytes, search latencies and peak RSS.
enum ContentScale {
    static func measure(directory: String, queriesFile: String, passes: Int) throws -> String {
        let text = try String(contentsOfFile: queriesFile, encoding: .utf8)
        let queries = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let start = Measurement.now()
        let knowledgeBase = try KnowledgeBase.load(directory: directory)
        let loadSeconds = Double(Measurement.now() - start) / 1e9
        let afterLoad = Measurement.memory()
        let latencies = Measurement.run(queries: queries, repeat: passes) { query in
            knowledgeBase.search(query).hits.count
        }
        let fields: [(String, String)] = [
            ("articles", String(knowledgeBase.content.articles.count)),
            ("documents", String(knowledgeBase.index.documentCount)),
            ("load_s", String(Measurement.round(loadSeconds, 3))),
            ("index_bytes", String(knowledgeBase.index.approximateByteSize)),
            ("rss_after_load_mb", String(Measurement.round(afterLoad.current, 1))),
            ("peak_rss_mb", String(Measurement.round(Measurement.memory().peak, 1))),
        ] + latencies.map { ($0.0, String($0.1)) }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }
}
