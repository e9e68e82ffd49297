import ArgumentParser
import Foundation
import KBContent
import KBTerminal
import KnowledgeBase

/// `kb check`: reads the whole content folder and reports every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content for errors, with file:line:column and a hint for each.",
        discussion: """
        Every problem of the run is reported, not only the first. Exit status: 0 when \
        there are no errors (warnings allowed unless --strict), 1 when there are errors, 2 for bad usage.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var contentOptions: ContentOptions

    @Option(help: "Output format: text (compiler-style lines) or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let files = try contentOptions.contentFiles()
        let directory = files.label
        let result = KnowledgeBase.check(files: files)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        let content = result.content
        let failed = errors > 0 || (strict && warnings > 0)

        switch format {
        case .json:
            try Terminal.printJSON(Report(
                ok: !failed, errors: errors, warnings: warnings, version: result.version,
                articles: content.articles.count, codes: content.responseCodes.count,
                categories: content.categories.count, diagnostics: result.diagnostics
            ))
        case .text:
            let style = Terminal.style
            for diagnostic in result.diagnostics {
                let label = diagnostic.severity == .error ? style.red("error:") : style.yellow("warning:")
                print(diagnostic.formatted.replacingOccurrences(of: " \(diagnostic.severity.rawValue):", with: " \(label)", options: [], range: nil))
            }
            let counts = "\(content.articles.count) articles, \(content.responseCodes.count) codes, \(content.categories.count) categories"
            let verdict = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            print("kb check: \(directory): \(counts): \(failed ? style.red(verdict) : style.green(verdict))")
        }
        if failed { throw ExitCode.failure }
    }

    struct Report: Encodable {
        var ok: Bool
        var errors: Int
        var warnings: Int
        var version: String
        var articles: Int
        var codes: Int
        var categories: Int
        var diagnostics: [Diagnostic]
    }
}
