import Dispatch
import Foundation
import KBContent

/// The bench corpus as help-site content: one article per Markdown file, one category
/// per folder (as Hugo gets one list page per folder).
struct BenchCorpus: Sendable {
    /// Every `.md` file below the root, relative to it, sorted.
    let files: [String]
    let root: URL
    var rootPath: String { root.path }

    /// The corpus folder, unpacking a `.tar.gz` into `scratch` first (untimed).
    static func locate(_ path: String, scratch: URL) throws -> BenchCorpus {
        var root = URL(fileURLWithPath: path)
        if path.hasSuffix(".tar.gz") || path.hasSuffix(".tgz") {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar", "-xzf", path, "-C", scratch.path]
            try tar.run()
            tar.waitUntilExit()
            guard tar.terminationStatus == 0 else {
                throw BenchError("tar could not unpack '\(path)' (exit \(tar.terminationStatus)); check that the file is a .tar.gz")
            }
            let entries = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { !$0.hasPrefix(".") }
            root = entries.count == 1 ? scratch.appendingPathComponent(entries[0]) : scratch
        }
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        let files = (enumerator?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".md") }.sorted()
        guard !files.isEmpty else {
            throw BenchError("no .md files below '\(root.path)'; give --corpus the corpus folder or its .tar.gz")
        }
        return BenchCorpus(files: files, root: root)
    }

    /// The corpus cut to its first `count` documents.
    func prefix(_ count: Int) -> BenchCorpus {
        BenchCorpus(files: Array(files.prefix(count)), root: root)
    }

    /// Reads and parses every file on all cores and returns the content to build.
    func load() -> Content {
        var articles = [Article?](repeating: nil, count: files.count)
        articles.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = article(files[index])
            }
        }
        var categories: [String: KBContent.Category] = [:]
        for (file, article) in zip(files, articles) {
            guard let article, categories[article.category] == nil else { continue }
            let folder = Self.folder(file)
            categories[article.category] = KBContent.Category(id: article.category, title: folder, description: "Documents in \(folder).", order: 0)
        }
        return Content(
            articles: articles.compactMap { $0 }, categories: Array(categories.values),
            responseCodes: [], policies: Policies(), synonyms: []
        )
    }

    private func article(_ relative: String) -> Article? {
        guard let data = FileManager.default.contents(atPath: rootPath + "/" + relative) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let document = MarkdownParser.parse(text)
        let name = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
        let title = Self.title(of: text) ?? name
        let summary = document.blocks.lazy.compactMap { block -> String? in
            if case let .paragraph(inlines) = block { return inlines.plainText } else { return nil }
        }.first ?? title
        return Article(
            slug: Self.slug(relative), title: title, summary: String(summary.prefix(200)),
            category: Self.slug(folderOf: relative), tags: [], questions: [], related: [], flow: nil,
            updated: "2026-01-01", answer: "", body: text, document: document, sourcePath: relative
        )
    }

    /// The first `# ` heading outside code fences, as the Hugo peer takes it (scanned
    /// as bytes: this runs for every document of every pass).
    static func title(of text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var inCode = false
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var first = lineStart
                while first < lineEnd, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") { first += 1 }
                let rest = lineEnd - first
                if rest >= 3, (bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~")),
                   bytes[first + 1] == bytes[first], bytes[first + 2] == bytes[first] {
                    inCode.toggle()
                } else if !inCode, rest >= 2, bytes[first] == UInt8(ascii: "#"), bytes[first + 1] == UInt8(ascii: " ") {
                    let title = String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 2)..<lineEnd]), as: UTF8.self)
                    return title.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                lineStart = lineEnd + 1
            }
            return nil
        }
    }

    static func folder(_ relative: String) -> String {
        let folder = (relative as NSString).deletingLastPathComponent
        return folder.isEmpty ? "corpus" : folder
    }

    static func slug(folderOf relative: String) -> String { slug(folder(relative)) }

    /// A path as a file-name-safe id: letters and digits kept, everything else `-`.
    static func slug(_ path: String) -> String {
        var id = ""
        for scalar in path.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            id.unicodeScalars.append(keep ? scalar : "-")
        }
        return id
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
