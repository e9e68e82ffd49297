import ArgumentParser
import Foundation
import KBAnalytics

/// `kb analytics`: looking after the analytics database.
struct AnalyticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Look after kb serve's analytics database.",
        subcommands: [Purge.self]
    )

    /// `kb analytics purge --before DATE`.
    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete every search, click and feedback recorded before a date.",
            discussion: "kb serve also deletes, daily, what is older than --analytics-retention-days (180)."
        )

        @Option(help: ArgumentHelp("Delete what was recorded before this day (UTC).", valueName: "yyyy-mm-dd"))
        var before: String

        @Option(help: ArgumentHelp("The analytics database: a SQLite file or a postgres:// URL.", valueName: "path|url"))
        var analytics = AnalyticsLocation.defaultPath

        func validate() throws {
            guard ReportQuery.date(before) != nil else {
                throw ValidationError("--before must be a date such as 2026-06-01, not '\(before)'")
            }
            if AnalyticsLocation(analytics) == .off { throw ValidationError("--analytics off has nothing to purge") }
        }

        func run() async throws {
            guard let store = try await AnalyticsLocation(analytics).open(mustExist: true),
                  let date = ReportQuery.date(before) else { return }
            let deleted = try await store.purge(before: date)
            print("kb: deleted \(deleted) events recorded before \(before) from \(store.label)")
        }
    }
}
