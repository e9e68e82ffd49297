import ArgumentParser
import Foundation
import KBAnalytics
import KBContent
import KBServer
import KnowledgeBase

/// `kb report`: what readers searched for and did not find, and which pages did not help.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report searches, queries with no results, bad rankings and feedback from kb serve's analytics.",
        discussion: """
        Reads the analytics that kb serve records (--analytics on kb serve): searches per \
        day, top queries, queries with no results (with what kb would suggest), queries \
        whose clicks go mostly past rank 3, and articles and codes by helpfulness, lowest \
        first, with reasons and recent comments. --json prints the same data as GET /v1/report.
        """
    )

    @Option(help: ArgumentHelp("The analytics database: a SQLite file or a postgres:// URL.", valueName: "path|url"))
    var analytics = AnalyticsLocation.defaultPath

    @Option(help: ArgumentHelp("The period: a span back from now (30d, 12h, 2w) or a date (2026-11-01, UTC).", valueName: "span|date"))
    var since = "30d"

    @Option(help: ArgumentHelp("Only searches and feedback in this language.", valueName: "en|id"))
    var lang: String?

    @Option(help: "Rows in each list.")
    var limit = 20

    @Flag(help: "Print the report as JSON (the shape of GET /v1/report).")
    var json = false

    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        if let lang, Language(tag: lang) == nil { throw ValidationError("--lang must be en or id, not '\(lang)'") }
        if ReportQuery.since(since) == nil {
            throw ValidationError("--since must be a span such as 30d, 12h or 2w, or a date such as 2026-11-01, not '\(since)'")
        }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000, not \(limit)") }
        if AnalyticsLocation(analytics) == .off { throw ValidationError("--analytics off has nothing to report") }
    }

    func run() async throws {
        guard let store = try await AnalyticsLocation(analytics).open(mustExist: true) else { return }
        let query = ReportQuery(since: ReportQuery.since(since) ?? Date(), language: lang.flatMap(Language.init(tag:))?.code, limit: limit)
        var report = try await store.report(query)
        if let knowledgeBase = try? contentOptions.loadKnowledgeBase() {
            report = report.withSuggestions(from: knowledgeBase)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(report.tableText().utf8))
        }
    }
}
