import Foundation
import KBContent
import Testing
@testable import KBFlows

/// The shipped `Content/`, loaded once, and helpers to run flows on it.
enum Shipped {
    static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
    }

    static let result = ContentLoader(directory: directory).load()
    static var content: Content { result.content }

    /// The shipped content with some policy values replaced.
    static func content(with changes: [String: PolicyValue]) -> Content {
        var values = content.policies.values
        for (path, value) in changes { values[path] = value }
        return Content(
            articles: content.articles, categories: content.categories, responseCodes: content.responseCodes,
            policies: Policies(values: values), synonyms: content.synonyms
        )
    }

    /// The article file's text as written, placeholders and all.
    static func rawMarkdown(_ slug: String) throws -> String {
        try String(contentsOfFile: directory + "/articles/\(slug).md", encoding: .utf8)
    }

    /// The raw Markdown of the section under `anchor` (its heading to the next heading
    /// of the same or a higher level), or `nil` when no heading has that anchor.
    static func rawSection(_ slug: String, _ anchor: String) throws -> String? {
        var lines = try rawMarkdown(slug).components(separatedBy: "\n")
        if lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") { lines = Array(lines[(end + 1)...]) }
        var generator = AnchorGenerator()
        var inFence = false
        var headings: [(line: Int, level: Int, anchor: String)] = []
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            let level = line.prefix { $0 == "#" }.count
            let text = Placeholders.fill(String(line.dropFirst(level)).trimmingCharacters(in: .whitespaces)) {
                $0.hasPrefix("policy.") ? content.policies.text(String($0.dropFirst(7))) : nil
            }.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
            headings.append((index, level, generator.anchor(for: text)))
        }
        guard let start = headings.firstIndex(where: { $0.anchor == anchor }) else { return nil }
        let heading = headings[start]
        let end = headings[(start + 1)...].first { $0.level <= heading.level }?.line ?? lines.count
        return lines[heading.line..<end].joined(separator: "\n")
    }

    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// A moment written in ISO 8601 (without an offset: in Jakarta).
    static func time(_ text: String) -> Date {
        guard let date = FlowTime.parse(text, in: jakarta) else { preconditionFailure("bad time \(text)") }
        return date
    }

    static func context(_ now: String, _ zone: TimeZone = jakarta) -> FlowContext {
        FlowContext(now: time(now), timeZone: zone)
    }

    /// The registry made from the shipped content.
    static func flow(_ id: String) throws -> AnyFlow {
        try #require(try FlowRegistry(content: content).flow(id))
    }

    /// Runs a flow of the shipped content on string inputs.
    static func run(_ id: String, _ values: [String: String], now: String = "2026-11-26T10:00:00") throws -> FlowReport {
        try flow(id).run(FlowInput(values.mapValues { .text($0) }), context: context(now))
    }

    /// The error a flow gives for these inputs.
    static func error(_ id: String, _ values: [String: String], now: String = "2026-11-26T10:00:00") throws -> FlowInputError? {
        try flow(id).problem(with: FlowInput(values.mapValues { .text($0) }), context: context(now))
    }
}
