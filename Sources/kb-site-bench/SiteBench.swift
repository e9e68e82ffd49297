import ArgumentParser
import Dispatch
import Foundation
import KBContent
import KBSite
import KnowledgeBase

/// Renders the shared bench corpus to a help site through KBSite and prints pages/s as
/// JSON lines shaped like the Hugo peer's (`../shared/bench/peers/hugo_site.sh`), so
/// `run_all.sh` can put both in one file. Not a test: run it with `scripts/site-bench.sh`.
@main
struct SiteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb-site-bench",
        abstract: "Time kb's site build on the bench corpus (render to memory, and full build to disk).",
        discussion: """
        Each timed pass reads every Markdown file, parses it, renders every page (one per \
        document, one per folder, home, codes, 404) and, for full-build, writes the site. \
        One untimed warm-up pass comes first. Prints one JSON line per mode. Without \
        --search no search index is built, as the Hugo peer builds none.
        """
    )

    @Option(help: ArgumentHelp("The corpus folder or .tar.gz (default: $KB_CORPUS_DIR).", valueName: "path"))
    var corpus: String?

    @Option(help: "Timed passes per mode (default: $KB_REPEAT, else 3).")
    var passes: Int?

    @Option(help: "Use only the first N documents (for profiling under valgrind).")
    var limit: Int?

    @Option(help: "Which modes to time: render-to-memory, full-build, or both.")
    var mode: Mode = .both

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case renderToMemory = "render-to-memory", fullBuild = "full-build", both
    }

    @Flag(help: "Also export the offline search index (the Hugo peer builds none, so it is off by default).")
    var search = false

    @Option(help: ArgumentHelp("Where full builds write the site (default: a temporary folder, removed after).", valueName: "dir"))
    var out: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let corpusPath = corpus ?? environment["KB_CORPUS_DIR"] else {
            throw ValidationError("give --corpus DIR_OR_TAR_GZ or set KB_CORPUS_DIR, e.g. --corpus ../shared/bench/corpus/kbbench-corpus.tar.gz")
        }
        let passes = max(passes ?? environment["KB_REPEAT"].flatMap(Int.init) ?? 3, 1)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kb-site-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var corpus = try BenchCorpus.locate(corpusPath, scratch: scratch)
        if let limit { corpus = corpus.prefix(limit) }
        let output = out ?? scratch.appendingPathComponent("site").path

        // Warm-up: one untimed pass, which also gives the page count and output size.
        let options = SiteOptions(search: search)
        let warm = try Self.pass(corpus, options: options, writeTo: nil).site
        let modes = mode == .both ? [Mode.renderToMemory, .fullBuild] : [mode]
        for mode in modes.map(\.rawValue) {
            var times: [Double] = []
            var phases: [Phases] = []
            for _ in 0..<passes {
                try? FileManager.default.removeItem(atPath: output)
                sync()
                let phase = try Self.pass(corpus, options: options, writeTo: mode == "full-build" ? output : nil).phases
                phases.append(phase)
                times.append(phase.total)
            }
            let median = times.sorted()[times.count / 2]
            let middle = phases.sorted { $0.total < $1.total }[phases.count / 2]
            let line: [String: Any] = [
                "peer": "kb", "mode": search ? mode + "+search" : mode, "engine": "kb site build (KBSite, libxml2, cmark-gfm)",
                "host_cpus": ProcessInfo.processInfo.activeProcessorCount,
                "docs": corpus.files.count, "html_pages": warm.pageCount, "builds": passes,
                "build_s_median": Self.rounded(median, 3), "build_s_min": Self.rounded(times.min() ?? 0, 3),
                "build_s_all": times.map { Self.rounded($0, 3) },
                "pages_per_s": Self.rounded(Double(warm.pageCount) / median, 1),
                "docs_per_s": Self.rounded(Double(corpus.files.count) / median, 1),
                "output_mb": Self.rounded(Double(warm.byteCount) / 1_048_576, 2),
                "peak_rss_mb": Self.rounded(Self.peakResidentMegabytes(), 1),
                "read_parse_s": Self.rounded(middle.readAndParse, 3),
                "knowledge_base_s": Self.rounded(middle.knowledgeBase, 3),
                mode == "full-build" ? "render_write_s" : "render_s": Self.rounded(mode == "full-build" ? middle.renderAndWrite : middle.render, 3),
            ]
            let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// Seconds spent in each part of one pass.
    struct Phases {
        var readAndParse = 0.0
        /// Building the knowledge base (search index, simulators) from the parsed content.
        var knowledgeBase = 0.0
        /// Rendering to memory.
        var render = 0.0
        /// Rendering with the files written at the same time (full build).
        var renderAndWrite = 0.0
        /// Whether the site exports the search index (then the index build is part of the site build).
        var search = false
        /// The site build: Hugo has no search index, so without search the index build is left out.
        var total: Double { readAndParse + (search ? knowledgeBase : 0) + render + renderAndWrite }
    }

    /// One build: read, parse and render every document; write the site when `folder` is set.
    static func pass(
        _ corpus: BenchCorpus, options: SiteOptions, writeTo folder: String?
    ) throws -> (site: StaticSite, phases: Phases) {
        var phases = Phases()
        phases.search = options.search
        var started = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { started = now }
            return Double(now - started) / 1e9
        }
        let content = corpus.load()
        phases.readAndParse = lap()
        // The knowledge base (its search index) is what every front end builds from; it
        // is timed apart, as the index build the site's render does not include.
        let knowledgeBase = try KnowledgeBase(content: content, version: "")
        phases.knowledgeBase = lap()
        let builder = SiteBuilder(knowledgeBase: knowledgeBase, options: options)
        guard let folder else {
            let site = try builder.build()
            phases.render = lap()
            return (site, phases)
        }
        // As `kb site build` does it: pages are written while the next ones render.
        let site = try SiteWriter(destination: folder).build(builder)
        phases.renderAndWrite = lap()
        return (site, phases)
    }

    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    /// VmHWM from /proc/self/status, in MiB (0 where there is no /proc).
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
