import Foundation
import Testing

/// Runs the built `kb` binary, as a user would, and checks what it prints and how it exits.
struct KBRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The `kb` binary beside the test bundle in the build folder.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("kb").path) {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("kb")
    }

    init(_ arguments: String..., environment: [String: String] = [:], in directory: String? = nil) throws {
        try self.init(arguments, environment: environment, in: directory)
    }

    /// Runs `binary` (the built kb by default) with `arguments`; the environment is this
    /// process's, without `KB_CONTENT`, plus `environment`, or only `environment` when
    /// `inheritEnvironment` is false.
    init(
        _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil,
        binary: URL = Self.binary, inheritEnvironment: Bool = true
    ) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
        env["KB_CONTENT"] = nil
        if inheritEnvironment { env["COLUMNS"] = "80" }
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite("The kb command")
struct CommandTests {
    @Test("kb check is clean on the shipped content, from any directory")
    func checkShippedContent() throws {
        let run = try KBRun("check", in: "/")
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("0 errors, 0 warnings\n"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("kb check exits 1 on errors and prints them file:line first")
    func checkBrokenContent() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try Data("- id: x\n  title: X\n  description: D\n  order: one\n".utf8).write(to: root.appendingPathComponent("categories.yaml"))
        let run = try KBRun("check", "--content", root.path)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(root.path)/categories.yaml:4:10: error: field 'order' in category must be a whole number, not 'one' [wrong-type]"))
        #expect(lines.contains("\(root.path)/policies.yaml: error: policies.yaml is missing from the content folder [missing-file]"))
        #expect(lines.last == "kb check: \(root.path): 0 articles, 0 codes, 0 categories: 3 errors, 0 warnings")

        let json = try KBRun("check", "--content", root.path, "--format", "json")
        #expect(json.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["errors"] as? Int == 3)
        #expect(report?["ok"] as? Bool == false)
    }

    @Test("kb check reports what the simulators refuse: a mistyped flow id and an unusable policy value, file:line")
    func checkFlowProblems() throws {
        let root = try Self.copyOfShippedContent()
        defer { try? FileManager.default.removeItem(at: root) }
        let article = root.appendingPathComponent("articles/unlock-account.md")
        let articleText = try String(contentsOf: article, encoding: .utf8)
        try Data(articleText.replacingOccurrences(of: "flow: account-lockout", with: "flow: acount-lockout").utf8).write(to: article)
        let policies = root.appendingPathComponent("policies.yaml")
        let policiesText = try String(contentsOf: policies, encoding: .utf8)
        try Data(policiesText.replacingOccurrences(of: "max_failed_attempts: 5", with: "max_failed_attempts: five").utf8).write(to: policies)
        let flowLine = try #require(Self.line(of: "flow: acount-lockout", in: article))
        let policyLine = try #require(Self.line(of: "max_failed_attempts: five", in: policies))

        let run = try KBRun("check", "--content", root.path)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(article.path):\(flowLine):7: error: unknown flow 'acount-lockout' [unknown-flow]"))
        #expect(lines.contains { $0.hasPrefix("    hint: use one of: account-lockout, forgot-2fa, ip-whitelist,") })
        #expect(lines.contains {
            $0.hasPrefix("\(policies.path):\(policyLine):24: error: policy 'lockout.max_failed_attempts' ")
                && $0.hasSuffix("(read by flow account-lockout) [flow-policy]")
        })
        #expect(lines.last?.hasSuffix(": 2 errors, 0 warnings") == true)
        // What kb check refuses, no other command serves.
        let search = try KBRun("search", "account locked", "--content", root.path)
        #expect(search.status == 1)
        #expect(search.stderr.contains("unknown flow 'acount-lockout'"))
    }

    /// A copy of the shipped `Content/` in a temporary folder, for tests that break it.
    static func copyOfShippedContent() throws -> URL {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kb-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shipped, to: root)
        return root
    }

    /// The 1-based number of the first line of `file` that contains `text`.
    static func line(of text: String, in file: URL) -> Int? {
        let lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        return lines.firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    @Test("Indonesian queries find the Indonesian article first, without --lang", arguments: [
        ("akun terkunci", "unlock-account"), ("kartu ditolak", "bank-response-codes"),
        ("pembatalan transaksi", "cancel-transaction"), ("lupa kode otp", "forgot-2fa-code"),
    ])
    func indonesianSearch(_ query: String, _ expected: String) throws {
        let run = try KBRun("search", query, "--json")
        #expect(run.status == 0)
        let body = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(body?["lang"] as? String == "id")
        let first = (body?["hits"] as? [[String: Any]])?.first
        #expect(first?["id"] as? String == expected)
        #expect(first?["lang"] as? String == "id")
    }

    @Test("kb code and kb answer in Indonesian, by --lang or KB_LANG; a bad language is bad usage")
    func indonesianCodeAndAnswer() throws {
        let code = try KBRun("code", "51", "--lang", "id")
        #expect(code.status == 0)
        #expect(code.stdout.hasPrefix("51 — Dana tidak cukup\nArti"))
        #expect(code.stdout.contains("Pelanggan"))
        let answer = try KBRun("answer", "51", environment: ["KB_LANG": "id"])
        #expect(answer.stdout.hasPrefix("Halo Bapak/Ibu,"))
        #expect(answer.stdout.contains("Salam,\nTim Support Midtrans"))
        let show = try KBRun("show", "unlock-account", "--lang", "id")
        #expect(show.stdout.hasPrefix("Bagaimana cara membuka akun portal yang terkunci?"))
        let bad = try KBRun("code", "51", "--lang", "fr")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--lang must be en or id, not 'fr'"))
        let missing = try KBRun("list", "--missing-translations")
        #expect(missing.status == 0)
        #expect(missing.stdout == "Everything is translated into Bahasa Indonesia.\n")
    }

    @Test("bad usage exits 2 with the reason on stderr")
    func badUsage() throws {
        let run = try KBRun("check", "--format", "yaml")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("The value 'yaml' is invalid for '--format <format>'"))
        #expect(try KBRun("list", "codes", "--category", "payments").status == 2)
        #expect(try KBRun("frobnicate").status == 2)
        #expect(try KBRun("check", "--content", "/no/such/folder").status == 2)
    }

    @Test("kb show fills policy values from policies.yaml")
    func showUnlockAccount() throws {
        let run = try KBRun("show", "unlock-account")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("How do I unlock my portal account?\n"))
        #expect(run.stdout.contains("after 5 incorrect passwords"))
        #expect(run.stdout.contains("15 minutes"))
        #expect(!run.stdout.contains("{{"))

        let json = try KBRun("show", "unlock-account", "--json")
        let record = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(record?["slug"] as? String == "unlock-account")
        #expect(record?["flow"] as? String == "account-lockout")
        #expect((record?["markdown"] as? String)?.contains("{{") == false)
    }

    @Test("kb show suggests slugs for an unknown one")
    func showUnknown() throws {
        let run = try KBRun("show", "unlock-acount")
        #expect(run.status == 1)
        #expect(run.stderr == "error: no article 'unlock-acount'; did you mean: unlock-account?\n")
    }

    @Test("kb code finds codes in any case, and by name", arguments: ["51", "n7", "N7", "do not honor", "Insufficient funds"])
    func codeLookup(_ query: String) throws {
        let run = try KBRun("code", query)
        #expect(run.status == 0)
        let expectedCode = ["51": "51", "n7": "N7", "N7": "N7", "do not honor": "05", "Insufficient funds": "51"][query]!
        #expect(run.stdout.hasPrefix(expectedCode + " — "))
        #expect(run.stdout.contains("Customer"))
    }

    @Test("a phrase that is no code's name finds the best code through search")
    func codeBySearch() throws {
        let run = try KBRun("code", "not", "enough", "money")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("51 — Insufficient funds"))
        #expect(run.stderr == "best match for 'not enough money': 51 — Insufficient funds\n")
    }

    @Test("an unknown code exits 1 and suggests close codes")
    func codeUnknown() throws {
        let run = try KBRun("code", "5x")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("error: no response code '5x'; close codes: 51 (Insufficient funds)"))
    }

    @Test("kb list prints a table, or JSON")
    func list() throws {
        let articles = try KBRun("list")
        #expect(articles.status == 0)
        #expect(articles.stdout.hasPrefix("SLUG"))
        #expect(articles.stdout.contains("unlock-account"))
        let codes = try KBRun("list", "codes", "--json")
        let array = try JSONSerialization.jsonObject(with: Data(codes.stdout.utf8)) as? [[String: Any]]
        #expect((array?.count ?? 0) >= 45)
        #expect(array?.first?["class"] != nil)
        let payments = try KBRun("list", "--category", "payments", "--json")
        let slugs = (try JSONSerialization.jsonObject(with: Data(payments.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["slug"] as? String }
        #expect(slugs?.contains("cancel-transaction") == true)
        #expect(slugs?.contains("unlock-account") == false)
    }

    @Test("--help lists the commands and the exit codes; --version prints the version")
    func helpAndVersion() throws {
        let help = try KBRun("--help")
        #expect(help.status == 0)
        for word in ["check", "list", "show", "code", "simulate", "EXIT STATUS", "KB_CONTENT", "NO_COLOR"] {
            #expect(help.stdout.contains(word), "help mentions \(word)")
        }
        let version = try KBRun("--version", in: "/")
        #expect(version.stdout.hasPrefix("kb 0."))
        #expect(version.stdout.split(separator: "\n").last?.hasPrefix("content: built-in, updated 20") == true, "\(version.stdout)")
        let here = try KBRun("--version", environment: ["KB_CONTENT": "/tmp"])
        #expect(here.stdout.hasSuffix("content: /tmp (KB_CONTENT)\n"))
    }

    @Test("KB_CONTENT points kb at another folder")
    func environmentContent() throws {
        let run = try KBRun("check", environment: ["KB_CONTENT": "/no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'/no/such/folder' does not exist"))
    }
}

@Suite("kb answer")
struct AnswerCommandTests {
    @Test("a code's answer in plain text; stdout holds only the answer")
    func codeAnswer() throws {
        let run = try KBRun("answer", "51", "--format", "text")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Hi there,\n\nThe payment for your order was declined"))
        #expect(run.stdout.hasSuffix("Best regards,\nMidtrans Support\n"))
        #expect(run.stderr == "answer for response code 51 — Insufficient funds\n")
    }

    @Test("variables fill the greeting; Markdown keeps bold and absolute links")
    func articleAnswer() throws {
        let run = try KBRun("answer", "cancel-transaction", "--var", "customer.name=Budi", "--format", "markdown", "--base-url", "https://help.example.com")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Hi Budi,"))
        #expect(run.stdout.contains("**Transactions**"))
        #expect(run.stdout.contains("](https://help.example.com/articles/refund-transaction.html)"))
        let plain = try KBRun("answer", "cancel-transaction")
        #expect(!plain.stdout.contains("**"))
        #expect(!plain.stdout.contains("]("))
    }

    @Test("--format html prints a fragment for rich e-mail editors, nothing else on stdout")
    func htmlAnswer() throws {
        let run = try KBRun("answer", "51", "--format", "html", "--var", "customer.name=Budi")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<p>Hi Budi,</p>\n"))
        #expect(run.stdout.contains("response code 51 (Insufficient funds)"))
        #expect(run.stdout.hasSuffix("<p>Best regards,<br>Midtrans Support</p>\n"))
        #expect(run.stderr == "answer for response code 51 — Insufficient funds\n")
        let linked = try KBRun("answer", "cancel-transaction", "--format", "html", "--base-url", "https://help.example.com")
        #expect(linked.stdout.contains(#"<a href="https://help.example.com/articles/refund-transaction.html">refund the payment</a>"#))
    }

    @Test("a question is answered by the best search match, named on stderr")
    func questionAnswer() throws {
        let run = try KBRun("answer", "account locked", "--var", "customer.name=Budi")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Hi Budi,"))
        #expect(run.stdout.contains("15 minutes"))
        #expect(run.stderr == "answer from the best match: How do I unlock my portal account? (unlock-account)\n")
        let nothing = try KBRun("answer", "zzqqxx")
        #expect(nothing.status == 1)
    }

    @Test("--strict names the missing variables and exits 2; bad variables are usage errors")
    func strictAndBadVariables() throws {
        let strict = try KBRun("answer", "unlock-account", "--strict", "--var", "customer.name=Budi")
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr == "error: the answer needs agent.name, user.email; give --var agent.name=… --var user.email=…\n")
        let unknown = try KBRun("answer", "unlock-account", "--var", "name=Budi")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown variable 'name'"))
        #expect(try KBRun("answer", "unlock-account", "--var", "novalue").status == 2)
    }

    @Test("--copy without a terminal or clipboard tool says so and still prints")
    func copyWithoutClipboard() throws {
        let run = try KBRun("answer", "51", "--copy", environment: ["PATH": "/nonexistent"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Hi there,"))
        #expect(run.stderr.hasSuffix("not copied: stdout is not a terminal and no wl-copy, xclip or pbcopy was found; pipe the output instead\n"))
    }
}

@Suite("kb search and kb eval")
struct SearchCommandTests {
    @Test("kb search finds the article for a typo and exits 0")
    func typo() throws {
        let run = try KBRun("search", "acount", "locked")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Did you mean: account locked?\n1. How do I unlock my portal account? [article]\n"))
        #expect(run.stdout.contains("   kb show unlock-account\n"))
    }

    @Test("--json prints the shared shape; codes come first for a code query")
    func json() throws {
        let run = try KBRun("search", "insufficient", "funds", "--json", "--limit", "2")
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let hits = object?["hits"] as? [[String: Any]]
        #expect(hits?.count == 2)
        #expect(hits?.first?["kind"] as? String == "code")
        #expect(hits?.first?["id"] as? String == "51")
        #expect(object?["tookMicros"] is Int)
    }

    @Test("no results exits 1, bad usage exits 2")
    func exitCodes() throws {
        let none = try KBRun("search", "zzqqxx")
        #expect(none.status == 1)
        #expect(none.stdout.hasPrefix("No results for 'zzqqxx'."))
        #expect(try KBRun("search", "locked", "--limit", "0").status == 2)
        #expect(try KBRun("search", "locked", "--kind", "faq").status == 2)
        #expect(try KBRun("search", "locked", "--category", "nowhere").status == 2)
        #expect(try KBRun("search", " ").status == 2)
    }

    @Test("kb eval prints the figures")
    func eval() throws {
        let run = try KBRun("eval")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("queries: "))
        #expect(run.stdout.contains("top-1:   "))
        #expect(run.stdout.contains("MRR:     "))
        #expect(run.stdout.contains("held-out: "))
        #expect(run.stdout.contains("kind two-topics: "))
        #expect(!run.stdout.contains("[held-out]"), "held-out misses are listed only with --show-held-out")
    }
}
