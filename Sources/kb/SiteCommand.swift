import ArgumentParser
import Foundation
import KBSite
import KnowledgeBase

/// `kb site`: the static help site.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build the static help site.",
        subcommands: [Build.self]
    )

    /// `kb site build`: every page of the help site, written into one folder.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Write the whole help site into a folder.",
            discussion: """
            The folder works as it is: open its index.html, or serve it from any address; \
            every link inside it is relative. Every language has the same pages: English at \
            the root, Bahasa Indonesia under id/. The site is written into a new folder beside \
            the target, which then replaces the target, so a failed build leaves the previous \
            site as it was. A non-empty folder that kb did not write is never replaced.

            Exit status: 0 written, 1 content errors or a write failure, 2 bad usage.
            """
        )

        @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
        var out = "_site"

        @Option(help: ArgumentHelp(
            "The site's public address, e.g. https://help.example.com/ (adds canonical links and sitemap.xml).",
            valueName: "url"
        ))
        var baseURL: String?

        @Option(help: ArgumentHelp(
            "A kb server's address, e.g. https://kb.example.com/: flow pages get a form that runs the simulator there "
                + "(without it, flow pages have their tables and commands only).",
            valueName: "url"
        ))
        var simulatorURL: String?

        @Option(help: ArgumentHelp(
            "A kb server's base URL: article and code pages get \"Was this helpful?\", posting to its /v1/feedback.",
            valueName: "url"
        ))
        var feedbackURL: String?

        @OptionGroup var contentOptions: ContentOptions

        func validate() throws {
            if out.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--out needs a folder path, e.g. --out _site")
            }
            _ = try normalizedBaseURL()
            _ = try normalizedSimulatorURL()
            _ = try feedbackEndpoint()
        }

        func run() throws {
            let clock = ContinuousClock()
            let started = clock.now
            let knowledgeBase = try contentOptions.loadKnowledgeBase()
            var options = SiteOptions(baseURL: try normalizedBaseURL(), feedbackEndpoint: try feedbackEndpoint())
            if let server = try normalizedSimulatorURL() { options.simulatorForm = .remote(server) }
            let progress = ProgressLine()
            let site: StaticSite
            do {
                let builder = SiteBuilder(knowledgeBase: knowledgeBase, options: options)
                site = try SiteWriter(destination: out).build(builder) { done, total in
                    progress.show("building pages \(done)/\(total)")
                }
            } catch {
                progress.clear()
                Terminal.standardError("error: \(error)")
                throw ExitCode.failure
            }
            progress.clear()
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let bytes = site.byteCount
            print(
                "kb site build: \(out): \(site.pageCount) pages, \(site.files.count) files, "
                    + "\(bytes.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) bytes "
                    + "in \(String(format: "%.2f", seconds)) s"
            )
        }

        private func feedbackEndpoint() throws -> String? {
            guard let feedbackURL else { return nil }
            do {
                return try SiteOptions.feedbackEndpoint(serverURL: feedbackURL)
            } catch {
                throw ValidationError("--feedback-url: \(error)")
            }
        }

        private func normalizedBaseURL() throws -> String? { try Self.normalized(baseURL, option: "--base-url") }

        private func normalizedSimulatorURL() throws -> String? { try Self.normalized(simulatorURL, option: "--simulator-url") }

        /// An address option as a base URL (ending in `/`); its errors name the option.
        private static func normalized(_ url: String?, option: String) throws -> String? {
            guard let url else { return nil }
            do {
                return try SiteOptions.normalizedBaseURL(url)
            } catch {
                throw ValidationError("\(option): \(error)")
            }
        }
    }
}

/// One line of progress on stderr, redrawn in place; silent when stderr is not a terminal.
private struct ProgressLine {
    let isEnabled = isatty(STDERR_FILENO) == 1

    func show(_ text: String) {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func clear() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
