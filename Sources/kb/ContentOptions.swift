import ArgumentParser
import Foundation
import KBContent
import KBShippedContent
import KnowledgeBase

/// The `--content` option every content command takes, and how it resolves.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The content folder to read.",
            discussion: "Default: $KB_CONTENT if set, else ./Content if this folder has one, else the content built into kb.",
            valueName: "dir"
        )
    )
    var content: String?

    /// Where the content comes from, in the order kb looks.
    enum Origin: Equatable {
        /// `--content DIR`.
        case option(String)
        /// `KB_CONTENT`.
        case environment(String)
        /// `./Content` in the current folder (an author working in a checkout).
        case workingFolder(String)
        /// The copy built into the binary.
        case builtIn
    }

    /// The option, then `KB_CONTENT`, then `./Content` when the current folder has one,
    /// then the built-in copy.
    var origin: Origin {
        if let content, !content.isEmpty { return .option(content) }
        if let environment = ProcessInfo.processInfo.environment["KB_CONTENT"], !environment.isEmpty {
            return .environment(environment)
        }
        if Self.isFolder("Content") { return .workingFolder("Content") }
        return .builtIn
    }

    /// The files to read, or exit 2 with a clear message when a folder that was named does not exist.
    func contentFiles() throws -> ContentFiles {
        switch origin {
        case let .option(folder), let .environment(folder):
            guard Self.isFolder(folder) else {
                let source = origin == .option(folder) ? "--content" : "KB_CONTENT"
                Terminal.standardError("error: content folder '\(folder)' does not exist (from \(source)); give an existing folder, or leave \(source) out to use ./Content or the content built into kb")
                throw ExitCode(2)
            }
            return .folder(folder)
        case let .workingFolder(folder):
            return .folder(folder)
        case .builtIn:
            return ShippedContent.files
        }
    }

    /// Loads the knowledge base; on content errors, prints the first ones and exits 1.
    func loadKnowledgeBase() throws -> KnowledgeBase {
        let files = try contentFiles()
        do {
            return try KnowledgeBase.load(files: files)
        } catch {
            let errors = error.errors
            for diagnostic in errors.prefix(5) { Terminal.standardError(diagnostic.formatted) }
            if errors.count > 5 { Terminal.standardError("… and \(errors.count - 5) more") }
            Terminal.standardError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The content of the knowledge base (see ``loadKnowledgeBase()``).
    func loadValidContent() throws -> Content {
        try loadKnowledgeBase().content
    }

    /// Which content this resolves to, for `kb --version`: the folder and why, or
    /// `built-in` with the newest `updated` date of its articles.
    func describe() throws -> String {
        switch origin {
        case let .option(folder): return "\(folder) (--content)"
        case let .environment(folder): return "\(folder) (KB_CONTENT)"
        case let .workingFolder(folder): return "\(folder) (the current folder's)"
        case .builtIn:
            let files = ShippedContent.files
            let dates = files.files(under: "articles").compactMap { path -> String? in
                let text = String(decoding: files.data(path) ?? Data(), as: UTF8.self)
                return text.split(separator: "\n").first { $0.hasPrefix("updated:") }
                    .map { $0.dropFirst("updated:".count).trimmingCharacters(in: .whitespaces) }
            }
            return "built-in, updated \(dates.max() ?? "unknown")"
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
