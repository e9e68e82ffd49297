import Foundation

extension AnalyticsReport {
    /// Runs the report's queries (``AnalyticsSchema``) through `rows`, which any store
    /// provides, and assembles the report: the same queries and the same assembly for
    /// SQLite and PostgreSQL.
    static func assemble(
        _ query: ReportQuery,
        rows: (_ sql: String, _ values: [EventValue]) async throws -> [[EventValue]]
    ) async throws -> AnalyticsReport {
        let since = EventValue.integer(query.since.milliseconds)
        let lang = EventValue.text(query.language ?? "")
        let filter = [since, lang, lang]
        // Searches are keyed by their ids, which begin with their time.
        let searchFilter = [EventValue.text(SearchID.timePrefix(of: query.since)), lang, lang]
        let limit = EventValue.integer(Int64(max(1, query.limit)))

        let totalRow = try await rows(AnalyticsSchema.totals, searchFilter + searchFilter + filter + filter).first ?? []
        let totals = Totals(
            searches: totalRow.int(0), zeroResults: totalRow.int(1), clicks: totalRow.int(2), feedback: totalRow.int(3)
        )
        let days = try await rows(AnalyticsSchema.days, searchFilter).map { row in
            Day(day: row.text(0), searches: row.int(1), zeroResults: row.int(2))
        }
        let queryRow = { (row: [EventValue]) in
            Query(query: row.text(0), lang: row.text(1), count: row.int(2), zeroResults: row.int(3))
        }
        let top = try await rows(AnalyticsSchema.topQueries, searchFilter + [limit]).map(queryRow)
        let zero = try await rows(AnalyticsSchema.zeroResultQueries, searchFilter + [limit]).map(queryRow)
        let ranked = try await rows(AnalyticsSchema.pastRank3Queries, filter + [limit]).map { row in
            RankedQuery(query: row.text(0), lang: row.text(1), clicks: row.int(2), pastRank3: row.int(3))
        }
        var pages = try await rows(AnalyticsSchema.pages, filter + [limit]).map { row in
            Page(kind: row.text(0), id: row.text(1), helpful: row.int(2), notHelpful: row.int(3), reasons: [:], comments: [])
        }
        var positions: [String: Int] = [:]
        for (index, page) in pages.enumerated() { positions[page.kind + ":" + page.id] = index }
        for row in try await rows(AnalyticsSchema.reasons, filter) {
            if let index = positions[row.text(0) + ":" + row.text(1)] { pages[index].reasons[row.text(2)] = row.int(3) }
        }
        for row in try await rows(AnalyticsSchema.comments, filter + [.integer(1000)]) {
            guard let index = positions[row.text(0) + ":" + row.text(1)], pages[index].comments.count < 3 else { continue }
            let at = Date(milliseconds: Int64(row.int(2))).formatted(.iso8601)
            pages[index].comments.append(Comment(at: at, helpful: row.int(3) != 0, text: row.text(4)))
        }
        return AnalyticsReport(
            since: query.since.formatted(.iso8601), lang: query.language, totals: totals, days: days,
            topQueries: top, zeroResultQueries: zero, pastRank3Queries: ranked, pages: pages
        )
    }
}

extension [EventValue] {
    func int(_ index: Int) -> Int {
        guard index < count else { return 0 }
        switch self[index] {
        case let .integer(value): return Int(value)
        case let .text(text): return Int(text) ?? 0
        case .null: return 0
        }
    }

    func text(_ index: Int) -> String {
        guard index < count else { return "" }
        switch self[index] {
        case let .text(text): return text
        case let .integer(value): return String(value)
        case .null: return ""
        }
    }
}
