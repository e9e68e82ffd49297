import ArgumentParser
import Foundation
import KBContent
import KnowledgeBase

/// `kb eval`: search quality on the relevance queries.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure search relevance: top-1, top-3 and MRR over a file of queries, and the misses.",
        discussion: """
        FILE has one 'query<TAB>expected' per line, expected being an article slug or \
        code:XX; '#' lines are comments. Default: both languages' files of this checkout, \
        Tests/Relevance/queries.tsv (English) and queries.id.tsv (Bahasa Indonesia), each \
        searched in its language and reported separately; --lang picks one.
        """
    )

    @Argument(help: "The queries file.")
    var file: String?

    @Flag(help: "Print the figures and misses as JSON.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    /// The project's relevance queries, relative to a kb checkout: one file per language.
    static let shippedQueries: [(Language, String)] = [
        (.english, "Tests/Relevance/queries.tsv"),
        (.indonesian, "Tests/Relevance/queries.id.tsv"),
    ]

    func run() throws {
        let knowledgeBase = try contentOptions.loadKnowledgeBase()
        let files: [(Language, String)]
        if let file {
            let language = try languageOptions.requested() ?? (file.hasSuffix(".id.tsv") ? .indonesian : .source)
            files = [(language, file)]
        } else {
            let only = try languageOptions.requested()
            files = Self.shippedQueries.filter { only == nil || $0.0 == only }
        }
        var reports: [Report] = []
        for (language, path) in files {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                let hint = file == nil ? "; run kb eval in a kb checkout, or give the queries file" : ""
                Terminal.standardError("error: cannot read '\(path)'\(hint)")
                throw ExitCode(2)
            }
            let cases: [RelevanceEvaluation.Case]
            do {
                cases = try RelevanceEvaluation.parseCases(text)
            } catch {
                Terminal.standardError("error: \(path):\(error)")
                throw ExitCode(2)
            }
            let evaluation = RelevanceEvaluation(cases: cases, knowledgeBase: knowledgeBase.edition(language))
            reports.append(Report(evaluation, language: language, file: path))
        }
        if json {
            try Terminal.printJSON(reports.count == 1 ? AnyEncodable(reports[0]) : AnyEncodable(reports))
            return
        }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        for (index, report) in reports.enumerated() {
            if index > 0 { print("") }
            print("queries: \(report.queries) (\(report.lang), \(report.file))")
            print("top-1:   \(percent(report.top1))")
            print("top-3:   \(percent(report.top3))")
            print("MRR:     \(String(format: "%.3f", report.mrr))")
            if !report.misses.isEmpty {
                print("\nmisses (expected not first):")
                for miss in report.misses {
                    let rank = miss.rank.map { "rank \($0)" } ?? "not in top 10"
                    print("  \(miss.query)  →  \(miss.top ?? "nothing") (expected \(miss.expected), \(rank))")
                }
            }
        }
    }

    /// One report or a list of them, as JSON.
    struct AnyEncodable: Encodable {
        let value: any Encodable
        init(_ value: any Encodable) { self.value = value }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    struct Report: Encodable {
        var lang: String
        var file: String
        var queries: Int
        var top1: Double
        var top3: Double
        var mrr: Double
        var misses: [MissRecord]

        struct MissRecord: Encodable {
            var query: String
            var expected: String
            var rank: Int?
            var top: String?
        }

        init(_ evaluation: RelevanceEvaluation, language: Language, file: String) {
            lang = language.code
            self.file = file
            queries = evaluation.cases
            top1 = evaluation.top1
            top3 = evaluation.top3
            mrr = evaluation.meanReciprocalRank
            misses = evaluation.misses.map { MissRecord(query: $0.query, expected: $0.expected, rank: $0.rank, top: $0.top) }
        }
    }
}
