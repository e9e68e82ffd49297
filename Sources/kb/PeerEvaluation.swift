import ArgumentParser
import Foundation
import KBContent
import KnowledgeBase

/// `kb eval --peers`: the same content and queries ranked by SQLite FTS5 and tantivy, scored
/// by ``RelevanceEvaluation`` like kb's own ranking. The content goes to
/// scripts/eval-peers.sh as JSON, and each peer's ranked ids come back.
enum PeerEvaluation {
    /// The script, relative to a kb checkout.
    static let script = "scripts/eval-peers.sh"

    /// One engine's figures on the whole file and on the held-out part.
    struct Row: Encodable {
        var engine: String
        var detail: String
        var all: EvalCommand.Figures
        var heldOut: EvalCommand.Figures?
    }

    private struct Input: Encodable {
        struct Document: Encodable { var id, title, body: String }
        var lang: String
        var docs: [Document]
        var queries: [String]
    }

    private struct Output: Decodable {
        struct Peer: Decodable { var engine: String; var ranked: [[String]] }
        var fts5: Peer
        var tantivy: Peer
    }

    static func run(cases: [RelevanceEvaluation.Case], knowledgeBase: KnowledgeBase) throws -> [Row] {
        guard FileManager.default.isExecutableFile(atPath: script) else {
            Terminal.standardError("error: kb eval --peers needs \(script); run it in a kb checkout")
            throw ExitCode(2)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-eval-peers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("input.json")
        let outputURL = folder.appendingPathComponent("output.json")
        let input = Input(
            lang: knowledgeBase.language.code,
            docs: knowledgeBase.peerDocuments.map { Input.Document(id: $0.id, title: $0.title, body: $0.body) },
            queries: cases.map(\.query)
        )
        try JSONEncoder().encode(input).write(to: inputURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", script, inputURL.path, outputURL.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: outputURL),
              let output = try? JSONDecoder().decode(Output.self, from: data) else {
            Terminal.standardError("error: \(script) failed (exit \(process.terminationStatus)); see its message above")
            throw ExitCode(3)
        }

        let heldOut = cases.filter(\.heldOut)
        func row(_ engine: String, _ detail: String, evaluate: ([RelevanceEvaluation.Case]) -> RelevanceEvaluation) -> Row {
            Row(engine: engine, detail: detail, all: EvalCommand.Figures(evaluate(cases)),
                heldOut: heldOut.isEmpty ? nil : EvalCommand.Figures(evaluate(heldOut)))
        }
        func peer(_ name: String, _ peer: Output.Peer) -> Row {
            let byQuery = Dictionary(zip(cases.map(\.query), peer.ranked), uniquingKeysWith: { first, _ in first })
            return row(name, peer.engine) { RelevanceEvaluation(cases: $0) { byQuery[$0] ?? [] } }
        }
        return [
            row("kb", "KBSearch") { RelevanceEvaluation(cases: $0, knowledgeBase: knowledgeBase) },
            peer("fts5", output.fts5),
            peer("tantivy", output.tantivy),
        ]
    }

    static func printTable(_ rows: [Row]) {
        func cell(_ figures: EvalCommand.Figures?) -> String {
            guard let figures else { return "" }
            let top1 = EvalCommand.Figures.percent(figures.top1), top3 = EvalCommand.Figures.percent(figures.top3)
            return top1.leftPad(8) + top3.leftPad(8) + String(format: "%.3f", figures.mrr).leftPad(7)
        }
        let hasHeldOut = rows.contains { $0.heldOut != nil }
        print("\nside by side (same content, same queries):")
        print("engine  " + "top-1".leftPad(8) + "top-3".leftPad(8) + "MRR".leftPad(7)
              + (hasHeldOut ? "   held-out:" + "top-1".leftPad(8) + "top-3".leftPad(8) + "MRR".leftPad(7) : ""))
        for row in rows {
            print(row.engine.padding(toLength: 8, withPad: " ", startingAt: 0) + cell(row.all)
                  + (hasHeldOut ? "            " + cell(row.heldOut) : ""))
        }
        for row in rows where row.engine != "kb" { print("  \(row.engine): \(row.detail)") }
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
