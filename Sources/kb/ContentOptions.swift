import ArgumentParser
import Foundation
import KBContent

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

    /// Loads the content; on errors, says so on stderr and exits 1.
    func loadValidContent() throws -> Content {
        let directory = resolvedDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.standardError("error: content folder '\(directory)' does not exist; pass --content DIR or set KB_CONTENT")
            throw ExitCode(2)
        }
        let result = ContentLoader(directory: directory).load()
        guard result.isValid else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            for diagnostic in errors.prefix(5) { Terminal.standardError(diagnostic.formatted) }
            if errors.count > 5 { Terminal.standardError("… and \(errors.count - 5) more") }
            Terminal.standardError("error: the content in '\(directory)' has \(errors.count) error(s); run `kb check` and fix them")
            throw ExitCode.failure
        }
        return result.content
    }
}
