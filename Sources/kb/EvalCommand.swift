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
        FILE has one 'query<TAB>expected[<TAB>style<TAB>miss kind<TAB>part]' per line, expected \
        being an article slug or code:XX; '#' lines are comments. Default: both languages' files \
        of this checkout, Tests/Relevance/queries.tsv (English) and queries.id.tsv (Bahasa \
        Indonesia), each searched in its language and reported separately; --lang picks one. \
        Queries whose part is 'held-out' were kept out of tuning: their figures are printed \
        apart, and their misses only with --show-held-out. --peers ranks the same content for \
        the same queries with SQLite FTS5 and tantivy (scripts/eval-peers.sh, which installs \
        tantivy into .venv-peers on first use) and prints the three side by side.
        """
    )

    @Argument(help: "The queries file.")
    var file: String?

    @Flag(help: "Print the figures and misses as JSON.")
    var json = false

    @Flag(help: "List the misses of the held-out queries too (not while tuning).")
    var showHeldOut = false

    @Flag(help: "Also rank with SQLite FTS5 and tantivy and print the figures side by side.")
    var peers = false

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
            let edition = knowledgeBase.edition(language)
            var report = Report(cases: cases, knowledgeBase: edition, language: language, file: path, showHeldOut: showHeldOut)
            if peers {
                report.peers = try PeerEvaluation.run(cases: cases, knowledgeBase: edition)
            }
            reports.append(report)
        }
        if json {
            try Terminal.printJSON(reports.count == 1 ? AnyEncodable(reports[0]) : AnyEncodable(reports))
            return
        }
        for (index, report) in reports.enumerated() {
            if index > 0 { print("") }
            report.printText()
        }
    }

    /// One report or a list of them, as JSON.
    struct AnyEncodable: Encodable {
        let value: any Encodable
        init(_ value: any Encodable) { self.value = value }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    /// Top-1, top-3 and MRR of one set of queries.
    struct Figures: Encodable {
        var queries: Int
        var top1: Double
        var top3: Double
        var mrr: Double

        init(_ evaluation: RelevanceEvaluation) {
            queries = evaluation.cases
            top1 = evaluation.top1
            top3 = evaluation.top3
            mrr = evaluation.meanReciprocalRank
        }

        var line: String {
            "top-1 \(Self.percent(top1))  top-3 \(Self.percent(top3))  MRR \(String(format: "%.3f", mrr))"
        }

        static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    }

    struct Report: Encodable {
        var lang: String
        var file: String
        var queries: Int
        var top1: Double
        var top3: Double
        var mrr: Double
        /// The held-out queries' figures, when the file marks some.
        var heldOut: Figures?
        /// Top-1 of the queries of each miss kind.
        var kinds: [String: Figures]
        var misses: [MissRecord]
        /// Held-out misses left out of `misses` (listed with --show-held-out).
        var hiddenMisses: Int
        var peers: [PeerEvaluation.Row]?

        struct MissRecord: Encodable {
            var query: String
            var expected: String
            var rank: Int?
            var top: String?
            var heldOut: Bool
        }

        init(cases: [RelevanceEvaluation.Case], knowledgeBase: KnowledgeBase, language: Language, file: String, showHeldOut: Bool) {
            let evaluation = RelevanceEvaluation(cases: cases, knowledgeBase: knowledgeBase)
            lang = language.code
            self.file = file
            queries = evaluation.cases
            top1 = evaluation.top1
            top3 = evaluation.top3
            mrr = evaluation.meanReciprocalRank
            let heldOutCases = cases.filter(\.heldOut)
            heldOut = heldOutCases.isEmpty ? nil : Figures(RelevanceEvaluation(cases: heldOutCases, knowledgeBase: knowledgeBase))
            kinds = Dictionary(grouping: cases.filter { $0.missKind != nil }, by: { $0.missKind ?? "" })
                .mapValues { Figures(RelevanceEvaluation(cases: $0, knowledgeBase: knowledgeBase)) }
            let shown = evaluation.misses.filter { showHeldOut || !$0.heldOut }
            hiddenMisses = evaluation.misses.count - shown.count
            misses = shown.map { MissRecord(query: $0.query, expected: $0.expected, rank: $0.rank, top: $0.top, heldOut: $0.heldOut) }
        }

        func printText() {
            print("queries: \(queries) (\(lang), \(file))")
            print("top-1:   \(Figures.percent(top1))")
            print("top-3:   \(Figures.percent(top3))")
            print("MRR:     \(String(format: "%.3f", mrr))")
            if let heldOut {
                print("held-out: \(heldOut.queries) queries, \(heldOut.line)")
            }
            for (kind, figures) in kinds.sorted(by: { $0.key < $1.key }) {
                print("kind \(kind): \(figures.queries) queries, \(figures.line)")
            }
            if let peers { PeerEvaluation.printTable(peers) }
            if !misses.isEmpty {
                print("\nmisses (expected not first):")
                for miss in misses {
                    let rank = miss.rank.map { "rank \($0)" } ?? "not in top 10"
                    let mark = miss.heldOut ? " [held-out]" : ""
                    print("  \(miss.query)  →  \(miss.top ?? "nothing") (expected \(miss.expected), \(rank))\(mark)")
                }
            }
            if hiddenMisses > 0 {
                print("\n\(hiddenMisses) held-out \(hiddenMisses == 1 ? "miss" : "misses") not listed (--show-held-out lists them)")
            }
        }
    }
}
