import ArgumentParser
import Foundation

/// The `kb` command: parses arguments, calls the libraries, prints.
@main
struct KB: AsyncParsableCommand {
    /// kb's own version.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "The Midtrans merchant help center: articles and bank response codes in a terminal and over HTTP.",
        discussion: """
        Content comes from --content DIR, else the KB_CONTENT environment variable, \
        else ./Content when the current folder has one, else the content built into kb. \
        `kb --version` says which.

        Colour is used only when output goes to a terminal and NO_COLOR is not set.

        EXIT STATUS
          0  success
          1  nothing found, or the content has errors (kb check)
          2  bad usage: an unknown option, command or value
        """,
        subcommands: [
            SearchCommand.self, ShowCommand.self, CodeCommand.self, AnswerCommand.self, SimulateCommand.self,
            ListCommand.self, CheckCommand.self, EvalCommand.self, SiteCommand.self, ServeCommand.self,
            ExplainCommand.self, ReportCommand.self, AnalyticsCommand.self,
        ]
    )

    @Flag(help: "Print kb's version and which content it reads.")
    var version = false

    @OptionGroup var contentOptions: ContentOptions

    /// `kb` alone prints the help; `kb --version` the version and the content.
    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print("kb \(Self.version)")
        print("content: \(try contentOptions.describe())")
    }

    /// Runs the command; usage errors exit with status 2 rather than ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            self.exit(withError: error)
        }
    }
}
