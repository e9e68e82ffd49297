import ArgumentParser
import Foundation
import KBContent
import KnowledgeBase

/// The `--content` option every content command takes, and how it resolves.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The content folder to read.",
            discussion: "Default: $KB_CONTENT if set, else the Content folder shipped with this kb.",
            valueName: "dir"
        )
    )
    var content: String?

    /// The folder to read: the option, then `KB_CONTENT`, then the shipped Content.
    var resolvedDirectory: String {
        if let content, !content.isEmpty { return content }
        if let environment = ProcessInfo.processInfo.environment["KB_CONTENT"], !environment.isEmpty {
            return environment
        }
        return Self.shippedContent
    }

    /// The repository's `Content/`, found from this source file's path at build time.
    static var shippedContent: String {
        let source = URL(fileURLWithPath: #filePath)
        return source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content").path
    }

    /// The content folder, or exit 2 with a clear message when it does not exist.
    func existingDirectory() throws -> String {
        let directory = resolvedDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.standardError("error: content folder '\(directory)' does not exist; pass --content DIR or set KB_CONTENT")
            throw ExitCode(2)
        }
        return directory
    }

    /// Loads the knowledge base; on content errors, prints the first ones and exits 1.
    func loadKnowledgeBase() throws -> KnowledgeBase {
        let directory = try existingDirectory()
        do {
            return try KnowledgeBase.load(directory: directory)
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
}
