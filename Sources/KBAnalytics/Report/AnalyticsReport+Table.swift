extension AnalyticsReport {
    /// The report as plain-text tables for a terminal: columns padded to their widest
    /// cell, numbers right-aligned, an empty list said in a line.
    public func tableText() -> String {
        var out = "Search and feedback report, since \(since)" + (lang.map { ", language \($0)" } ?? "") + "\n\n"
        let rate = totals.searches == 0 ? 0 : 100 * totals.zeroResults / totals.searches
        out += "searches \(totals.searches), with no results \(totals.zeroResults) (\(rate) %), clicks \(totals.clicks), feedback \(totals.feedback)\n"
        out += Self.table("Searches per day", ["day", "searches", "no results"], days.map { [$0.day, "\($0.searches)", "\($0.zeroResults)"] })
        out += Self.table(
            "Queries with no results", ["query", "lang", "count", "suggestion"],
            zeroResultQueries.map { [$0.query, $0.lang, "\($0.count)", $0.suggestion ?? "-"] }
        )
        out += Self.table(
            "Top queries", ["query", "lang", "count", "no results"],
            topQueries.map { [$0.query, $0.lang, "\($0.count)", "\($0.zeroResults)"] }
        )
        out += Self.table(
            "Queries whose clicks go mostly past rank 3", ["query", "lang", "clicks", "past rank 3"],
            pastRank3Queries.map { [$0.query, $0.lang, "\($0.clicks)", "\($0.pastRank3)"] }
        )
        out += Self.table(
            "Articles and codes by helpfulness, lowest first", ["page", "yes", "no", "reasons"],
            pages.map { page in
                [page.kind + " " + page.id, "\(page.helpful)", "\(page.notHelpful)",
                 page.reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")]
            }
        )
        let comments = pages.flatMap { page in page.comments.map { (page, $0) } }
        if !comments.isEmpty {
            out += "\nRecent comments\n"
            for (page, comment) in comments {
                out += "  \(page.kind) \(page.id) (\(comment.helpful ? "yes" : "no"), \(comment.at)): \(comment.text)\n"
            }
        }
        return out
    }

    static func table(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
        var out = "\n\(title)\n"
        guard !rows.isEmpty else { return out + "  (none)\n" }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let numeric = header.indices.map { column in rows.allSatisfy { Int($0[column]) != nil } }
        for (index, row) in all.enumerated() {
            let cells = row.indices.map { column -> String in
                let cell = row[column], pad = String(repeating: " ", count: widths[column] - cell.count)
                if column == row.count - 1, !numeric[column] { return cell }
                return numeric[column] ? pad + cell : cell + pad
            }
            let line = "  " + cells.joined(separator: "  ")
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            if index == 0 { out += "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}
