import Foundation
import KBContent
import KBSearch
import KnowledgeBase
import Testing
@testable import KBSite

/// The site's offline search (search.js over search-index.js, run with node) against
/// `kb search` (KBSearch in Swift): the same first three results, in order, for every
/// relevance query.
@Suite("Offline search")
struct OfflineSearchTests {
    static let knowledgeBase = SiteFixtures.knowledgeBase(SiteFixtures.shippedContent)
    /// The Indonesian edition: its index is built with the Indonesian analyzer.
    static let indonesian = SiteFixtures.shippedKnowledgeBase.edition(.indonesian)

    /// How many results, in order, search.js and `kb search` must agree on.
    static let comparedResults = 3

    /// The queries of a relevance file in `Tests/Relevance` (the queries `kb eval` scores).
    static func relevanceQueries(_ name: String) -> [String] {
        let file = SiteFixtures.testsFolder.deletingLastPathComponent().appendingPathComponent("Relevance/\(name)")
        let lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n") ?? []
        return lines.filter { !$0.hasPrefix("#") && !$0.hasPrefix("query\t") }
            .compactMap { $0.split(separator: "\t").first.map(String.init) }
    }

    /// Tests/Relevance/queries.tsv, and words being typed.
    static let queries: [String] = {
        let typing = [
            "locke", "denie", "give accountant access", "accountant dashboard", "unlocking", "cancelling a transac",
            "refund mon", "ip whitel", "2fa", "51", "code n7", "rc 05", "\"two factor\"", "refund -settlement",
            "kind:code expired", "category:payments cancel",
        ]
        return relevanceQueries("queries.tsv") + typing
    }()

    /// Tests/Relevance/queries.id.tsv, affixed words KBSearch stems, and words being typed.
    static let indonesianQueries: [String] = {
        let typing = [
            "terkun", "akun dikuncikan", "membatalkan transaksi", "pembatalan transak", "pengembalian dana",
            "mengaktifkan 2fa", "kode 51", "rc 05", "\"kode respons\"", "refund -settlement", "kind:code dana",
            "category:payments batal", "whitelist ip", "notifikasinya tidak masuk",
        ]
        return relevanceQueries("queries.id.tsv") + typing
    }()

    static var nodePath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return paths.map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// search.js mirrors the engine's ranking step by step (same sources, the same
    /// Float32 additions in the same order), so every query must agree on its first three
    /// results, in order; a drift in either is listed on failure. In Bahasa Indonesia the
    /// index it reads is the Indonesian edition's (Indonesian stems, word forms and stop
    /// words). Without node the test fails: `make deps` installs it.
    @Test("search.js puts the same three results first, in order, as kb search, in each language",
          arguments: [Language.english, .indonesian])
    func sameFirstResults(_ language: Language) throws {
        guard Self.nodePath != nil else {
            Issue.record("node is not installed, so search.js cannot be compared with kb search: run `make deps`")
            return
        }
        let knowledgeBase = language == .english ? Self.knowledgeBase : Self.indonesian
        #expect(knowledgeBase.language == language)
        let queries = language == .english ? Self.queries : Self.indonesianQueries
        #expect(queries.count > 100)
        let offline = try Self.runNode(queries, results: Self.comparedResults, knowledgeBase: knowledgeBase)
        #expect(offline.count == queries.count)
        var disagreements: [String] = []
        for (query, top) in zip(queries, offline) {
            let options = SearchOptions(limit: Self.comparedResults, snippets: false)
            let expected = knowledgeBase.search(query, options: options).hits.map { "\($0.kind):\($0.id)" }
            if top != expected {
                disagreements.append("“\(query)”: search.js gives \(top), kb search \(expected)")
            }
        }
        #expect(disagreements.isEmpty, "\(language): \(disagreements.count) of \(queries.count) disagree: \(disagreements)")
    }

    /// search.js types no ranking or matching constant: it reads every one from the
    /// index's `k` object, which Swift writes from KBSearch's own constants.
    @Test("search.js reads every exported ranking and matching constant, and retypes none")
    func constantsComeFromTheIndex() throws {
        let json = try JSONEncoder().encode(OfflineSearchIndex(knowledgeBase: Self.knowledgeBase))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let constants = try #require(object["k"] as? [String: Any])
        #expect(constants.count >= 26)
        let script = String(decoding: SiteAssets.searchScript, as: UTF8.self)
        for name in constants.keys.sorted() {
            #expect(script.contains("k.\(name)"), "search.js does not read k.\(name)")
        }
        // The names the script used to type its own copies under.
        for retyped in ["MAX_SLOTS", "MAX_QUERY", "MAX_WORD", "RERANK", "MIN_"] {
            #expect(!script.contains(retyped), "search.js types \(retyped)")
        }
    }

    @Test("docs/site.md documents the index format version the code writes")
    func documentedFormatVersion() throws {
        let docs = SiteFixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/site.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let version = OfflineSearchIndex.formatVersion
        #expect(text.contains("### `search-index.js` format (version \(version))"))
        #expect(text.contains("| `v` | format version, `\(version)`"))
    }

    @Test("word forms come from Snowball: inflections and words being typed find their stem")
    func wordForms() {
        let forms = OfflineSearchIndex(knowledgeBase: Self.knowledgeBase).forms
        let analyzer = Self.knowledgeBase.index.analyzer
        let terms = Set(Self.knowledgeBase.index.export().terms)
        for word in ["locking", "unlocking", "cancelling", "whitelisting", "refunding", "accountant", "locke"] {
            #expect(terms.contains(word) || forms[word] == analyzer.stem(word), "\(word)")
        }
        #expect(forms.keys.allSatisfy { !terms.contains($0) })
        #expect(forms["locking"] == "lock")
    }

    @Test("Indonesian word forms: affixed forms of every stem that Snowball Indonesian strips back to it")
    func indonesianWordForms() {
        let forms = OfflineSearchIndex(knowledgeBase: Self.indonesian).forms
        let analyzer = Self.indonesian.index.analyzer
        #expect(analyzer.language == .indonesian)
        let terms = Set(Self.indonesian.index.export().terms)
        for word in ["dikuncikan", "langkahnya", "ditolaknya", "pembatalan", "membatalkan", "dibatalkan", "pengembalian", "terblokir"] {
            #expect(terms.contains(word) || forms[word] == analyzer.stem(word), "\(word)")
        }
        #expect(forms.keys.allSatisfy { !terms.contains($0) })
        // Every form is what KBSearch's analyzer would make of the word.
        #expect(forms.allSatisfy { analyzer.stem($0.key) == $0.value })
        #expect(OfflineSearchIndex.indonesianInflections(of: "kunci").contains("mengunci"))
        #expect(OfflineSearchIndex.indonesianInflections(of: "pakai").contains("memakai"))
        #expect(OfflineSearchIndex.indonesianInflections(of: "setuju").contains("menyetujui"))
    }

    @Test("the index file assigns one global and is deterministic")
    func indexFile() throws {
        let first = try OfflineSearchIndex(knowledgeBase: Self.knowledgeBase).javaScript()
        let second = try OfflineSearchIndex(knowledgeBase: try KnowledgeBase(content: SiteFixtures.shippedContent, version: "")).javaScript()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\nglobalThis.KB_SEARCH_INDEX = {\""))
        #expect(text.hasSuffix("};\n"))
        #expect(!text.contains("</script"))
    }

    /// The tickets of `Tests/Relevance/tickets` (without their `expect:` line).
    static var tickets: [String] {
        let folder = SiteFixtures.testsFolder.deletingLastPathComponent().appendingPathComponent("Relevance/tickets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
                .map { $0.components(separatedBy: "\n").dropFirst(2).joined(separator: "\n") }
        }
    }

    @Test("search.js weighs a pasted ticket by the same rarest words as kb answer --from-ticket, in each language",
          arguments: [Language.english, .indonesian])
    func pastedTicketsSameKeyWords(_ language: Language) throws {
        guard Self.nodePath != nil else {
            Issue.record("node is not installed, so search.js cannot be compared with kb: run `make deps`")
            return
        }
        let edition = language == .english ? Self.knowledgeBase : Self.indonesian
        let tickets = Self.tickets
        #expect(tickets.count >= 30)
        let expected = tickets.map { edition.keyTerms($0) }
        let got = try Self.runNode(tickets, results: 0, knowledgeBase: edition, expression: "kb.keyTerms(index, q)")
        #expect(got.count == expected.count)
        for (index, (js, swift)) in zip(got, expected).enumerated() {
            #expect(js == swift, "ticket \(index + 1): search.js \(js), kb \(swift)")
        }
        #expect(expected.allSatisfy { $0.count <= KnowledgeBase.ticketTermCount })
    }

    /// The first `results` results' `kind:id` for each query, from search.js under node
    /// (or, with `expression`, what it gives for each query `q`: an array of strings).
    static func runNode(
        _ queries: [String], results: Int, knowledgeBase: KnowledgeBase = knowledgeBase,
        expression: String? = nil
    ) throws -> [[String]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-offline-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try OfflineSearchIndex(knowledgeBase: knowledgeBase).javaScript().write(to: folder.appendingPathComponent("search-index.js"))
        try SiteAssets.searchScript.write(to: folder.appendingPathComponent("search.js"))
        try JSONEncoder().encode(queries).write(to: folder.appendingPathComponent("queries.json"))
        let driver = """
        require('./search-index.js');
        const kb = require('./search.js');
        const index = kb.prepare(globalThis.KB_SEARCH_INDEX);
        const queries = require('./queries.json');
        console.log(JSON.stringify(queries.map(q =>
          \(expression ?? "kb.search(index, q, \(results)).hits.map(hit => hit.kind + ':' + hit.id)"))));
        """
        try Data(driver.utf8).write(to: folder.appendingPathComponent("driver.js"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nodePath ?? "/usr/bin/node")
        process.arguments = ["driver.js"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("node exited with \(process.terminationStatus)")
            return []
        }
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}
