import Foundation
import Testing
@testable import KBContent

/// What the shipped content states must be stated once and truly: policy values are
/// written as placeholders, never typed again, and facts say only what the sources say.
@Suite("The shipped content states each value once, and truly")
struct ContentTruthTests {
    static var content: Content { ShippedContent.result.content }

    /// Every article file and the code table as an author typed them: placeholders removed.
    static func typedTexts() throws -> [(file: String, text: String)] {
        try rawTexts().map { ($0.file, Placeholders.fill($0.text) { _ in "" }) }
    }

    /// Every article file and the code table as written, placeholders and all.
    static func rawTexts() throws -> [(file: String, text: String)] {
        let folder = ShippedContent.directory + "/articles"
        let articles = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        return try (articles.map { "articles/" + $0 } + ["response-codes.yaml"]).map { file in
            (file, try String(contentsOfFile: ShippedContent.directory + "/" + file, encoding: .utf8))
        }
    }

    /// The policy values that only ever appear as placeholders: every API path and every
    /// menu path (a value with " > " in it).
    static var pathValues: [(path: String, value: String)] {
        content.policies.paths.compactMap { path in
            guard let value = content.policies.text(path) else { return nil }
            let apiPath = path.hasPrefix("api.") && path.hasSuffix("_path")
            return apiPath || value.contains(" > ") ? (path, value) : nil
        }
    }

    @Test("no article or code types an API path or a menu path that policies.yaml holds")
    func noTypedPaths() throws {
        let values = Self.pathValues
        #expect(values.contains { $0.path == "api.cancel_path" } && values.contains { $0.path == "users.menu" })
        #expect(values.count >= 16)
        for (file, text) in try Self.typedTexts() {
            for (path, value) in values {
                #expect(!text.contains(value), "\(file) types '\(value)'; write {{policy.\(path)}}")
            }
            #expect(!text.contains("/v2/"), "\(file) types a Core API path; make it an api.*_path policy")
        }
    }

    @Test("no article types the notification ports or the redirect statuses", arguments: [
        "notification.standard_ports", "notification.redirects_not_followed", "notification.redirects_followed",
    ])
    func noTypedNumberLists(_ path: String) throws {
        guard case let .list(items)? = Self.content.policies[path] else {
            Issue.record("\(path) is not a list in policies.yaml")
            return
        }
        for (file, text) in try Self.typedTexts() where file.hasPrefix("articles/") {
            for item in items {
                #expect(text.range(of: "\\b\(item)\\b", options: .regularExpression) == nil, "\(file) types \(item); write {{policy.\(path)}}")
            }
        }
    }

    @Test("the card cancel cut-off is written from its parts, its zone named as merchants know it")
    func cutoffFromParts() throws {
        let policies = Self.content.policies
        #expect(policies["cancellation.cutoff_label"] == nil, "the cut-off is stated once, by its parts")
        let label = try #require(policies.text("cancellation.time_zone_label"))
        let zone = try #require(TimeZone(identifier: policies.text("cancellation.time_zone") ?? ""))
        let hours = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_795_000_000)) / 3_600
        #expect(label.contains("UTC+\(hours)"), "time_zone_label '\(label)' disagrees with time_zone \(zone.identifier)")
        for (file, text) in try Self.rawTexts() {
            #expect(!text.contains("{{policy.cancellation.time_zone}}"), "\(file) names the zone by its tz id; write time_zone_label")
        }
        for (file, text) in try Self.typedTexts() {
            #expect(!text.contains(zone.identifier), "\(file) names the zone by its tz id")
            #expect(text.range(of: "D\\+[0-9]", options: .regularExpression) == nil, "\(file) types the cut-off day")
            #expect(!text.contains(policies.text("cancellation.cutoff_time") ?? "?"), "\(file) types the cut-off time")
        }
    }

    @Test("wherever the cut-off time is stated, so is the hedge that it can differ by acquiring bank")
    func cutoffHedge() throws {
        let time = try #require(Self.content.policies.text("cancellation.cutoff_time"))
        var stated = 0
        for article in Self.content.articles {
            for text in [article.body, article.answer, article.summary] where text.contains(time) {
                stated += 1
                if text == article.summary { continue }
                #expect(text.contains("acquiring bank"), "\(article.slug) states the cut-off without the hedge")
            }
        }
        #expect(stated >= 4)
    }

    @Test("api-status-codes files every status code of the facts, and 501 apart from retry later")
    func statusCodes() throws {
        let article = try #require(Self.content.article("api-status-codes"))
        let rows = article.body.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }.map { line in
            line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func row(filing code: Int) -> [String]? {
            rows.first { cells in
                cells.first?.components(separatedBy: ", ").contains { token in
                    if token == "\(code)" { return true }
                    if token == "\(code / 100)xx" { return true }
                    let ends = token.components(separatedBy: "–").compactMap { Int($0) }
                    return ends.count == 2 && (ends[0]...ends[1]).contains(code)
                } ?? false
            }
        }
        let codes = [200, 201, 202, 300, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 429,
                     500, 501, 502, 503, 504, 505, 900]
        for code in codes {
            #expect(row(filing: code) != nil, "api-status-codes does not list \(code)")
        }
        let notAvailable = try #require(row(filing: 501))
        #expect(!notAvailable.joined(separator: " ").lowercased().contains("retry later"), "501 (feature not available) is filed under retry later")
        #expect(notAvailable.joined(separator: " ").lowercased().contains("don't retry"))
        #expect(article.answer.contains("501"))
        #expect(article.answer.contains("idempotency key"), "the reply keeps the caveat about asking support before retrying a 5xx")
    }

    @Test("the refund dispute wait is given for GoPay only, as the facts give it")
    func refundWaitIsGoPays() throws {
        let placeholder = "{{policy.refund.gopay_dispute_after_working_days}}"
        #expect(Self.content.policies["refund.dispute_after_working_days"] == nil)
        var uses = 0
        for (file, text) in try Self.rawTexts() {
            let sentences = text.components(separatedBy: ". ").flatMap { $0.components(separatedBy: CharacterSet(charactersIn: ";\n")) }
            for sentence in sentences where sentence.contains(placeholder) {
                uses += 1
                #expect(sentence.contains("GoPay"), "\(file): the wait is not said to be GoPay's: \(sentence)")
            }
        }
        #expect(uses >= 2)
    }

    @Test("the role table of add-portal-users names exactly the roles of policies.yaml")
    func roleTable() throws {
        let article = try #require(Self.content.article("add-portal-users"))
        let roles = try #require(Self.content.policies["users.roles"])
        guard case let .list(names) = roles else { Issue.record("users.roles is not a list"); return }
        let table = article.body.components(separatedBy: "## Which role to choose").last ?? ""
        let firstCells = table.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }.compactMap { line in
            line.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(firstCells.dropFirst() == names[...], "the table's roles drift from users.roles")
    }

    @Test("no text hedges a number with a plural in brackets")
    func noBracketPlurals() throws {
        for (file, text) in try Self.typedTexts() {
            #expect(!text.contains("(s)"), "\(file) writes a plural as (s); phrase it so any number reads well")
        }
    }
}
