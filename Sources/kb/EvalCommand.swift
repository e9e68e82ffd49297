import ArgumentParser
import Foundation
import KnowledgeBase

/// `kb eval`: search quality on the relevance queries.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure search relevance: top-1, top-3 and MRR over a file of queries, and the misses.",
        discussion: """
        FILE has one 'query<TAB>expected' per line, expected being an article slug or \
        code:XX; '#' lines are comments. Default: Tests/Relevance/queries.tsv of this checkout.
        """
    )

    @Argument(help: "The queries file.")
    var file: String?

    @Flag(help: "Print the figures and misses as JSON.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions

    /// The project's relevance queries, relative to a kb checkout.
    static let shippedQueries = "Tests/Relevance/queries.tsv"

    func run() throws {
        let path = file ?? Self.shippedQueries
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
        let evaluation = RelevanceEvaluation(cases: cases, knowledgeBase: try contentOptions.loadKnowledgeBase())
        if json {
            try Terminal.printJSON(Report(evaluation))
            return
        }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        print("queries: \(evaluation.cases)")
        print("top-1:   \(percent(evaluation.top1))")
        print("top-3:   \(percent(evaluation.top3))")
        print("MRR:     \(String(format: "%.3f", evaluation.meanReciprocalRank))")
        if !evaluation.misses.isEmpty {
            print("\nmisses (expected not first):")
            for miss in evaluation.misses {
                let rank = miss.rank.map { "rank \($0)" } ?? "not in top 10"
                print("  \(miss.query)  →  \(miss.top ?? "nothing") (expected \(miss.expected), \(rank))")
            }
        }
    }

    struct Report: Encodable {
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

        init(_ evaluation: RelevanceEvaluation) {
            queries = evaluation.cases
            top1 = evaluation.top1
            top3 = evaluation.top3
            mrr = evaluation.meanReciprocalRank
            misses = evaluation.misses.map { MissRecord(query: $0.query, expected: $0.expected, rank: $0.rank, top: $0.top) }
        }
    }
}
