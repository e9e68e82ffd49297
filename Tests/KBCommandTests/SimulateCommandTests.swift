import Foundation
import Testing

@Suite("kb simulate")
struct SimulateCommandTests {
    static let now = "2026-11-26T10:00:00+07:00"

    /// One run per flow: inputs, and the verdict expected.
    static let runs: [(String, [String], String)] = [
        ("account-lockout", ["attempts=09:50 wrong,09:51 wrong,09:52 wrong,09:53 wrong,09:54 wrong"], "locked"),
        ("forgot-2fa", ["email=finance@shop.co.id"], "ask-support"),
        ("ip-whitelist", ["whitelist=203.0.113.0/24,2001:db8::/32", "ip=::ffff:203.0.113.9"], "allowed"),
        ("card-denied", ["code=51"], "soft-decline"),
        ("add-portal-user", ["name=Siti", "email=siti@shop.co.id", "role=Finance Staff"], "waiting-for-activation"),
        ("payment-urls", ["order_id=ORDER-1", "notification_url=https://shop.example.com/n", "response=503"], "notification-failed"),
        ("change-login-email", ["current_email=owner@shop.co.id", "new_email=boss@shop.co.id", "name=Budi"], "ready"),
        ("cancel-transaction", ["status=capture", "transaction_time=2026-11-25T23:59"], "cancellable"),
        ("multiple-websites", ["registered_site=example.co.id", "new_site=shop.example.co.id", "same_business=yes"], "allowed"),
        ("transaction-actions", ["status=settlement", "transaction_time=2026-11-20T09:00"], "view,refund,report"),
    ]

    @Test("--list names every flow and its article; --json describes their inputs")
    func list() throws {
        let run = try KBRun("simulate", "--list")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ID"))
        for (id, _, _) in Self.runs { #expect(run.stdout.contains(id)) }
        #expect(run.stdout.contains("cancel-transaction   cancel-transaction"))

        let json = try KBRun("simulate", "--list", "--json")
        let flows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(flows.count == 10)
        let cancel = try #require(flows.first { $0["id"] as? String == "cancel-transaction" })
        #expect(cancel["timeZone"] as? String == "Asia/Jakarta")
        let fields = try #require(cancel["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["payment_type", "status", "fraud_status", "transaction_time"])
        #expect((fields[1]["allowed"] as? [String])?.contains("capture") == true)
    }

    @Test("each flow runs with --json and prints its outcome and trace as data", arguments: runs.indices)
    func json(_ index: Int) throws {
        let (id, values, verdict) = Self.runs[index]
        let arguments = ["simulate", id, "--json", "--now", Self.now, "--time-zone", "Asia/Jakarta"] + values.flatMap { ["--set", $0] }
        let run = try KBRun(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["flow"] as? String == id)
        #expect(report["verdict"] as? String == verdict)
        #expect(report["now"] as? String == Self.now)
        #expect(report["outcome"] is [String: Any])
        let trace = try #require(report["trace"] as? [[String: Any]])
        #expect(!trace.isEmpty)
        #expect(trace.allSatisfy { ($0["source"] as? [String: Any])?["anchor"] is String })
    }

    @Test("the text output gives each flow's verdict in words, in both languages; --json its id", arguments: runs.indices)
    func verdictInWords(_ index: Int) throws {
        let (id, values, verdict) = Self.runs[index]
        for (language, label) in [("en", "verdict: "), ("id", "kesimpulan: ")] {
            let arguments = ["simulate", id, "--now", Self.now, "--time-zone", "Asia/Jakarta", "--lang", language] + values.flatMap { ["--set", $0] }
            let run = try KBRun(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let line = try #require(run.stdout.components(separatedBy: "\n").first { $0.hasPrefix(label) }, "\(id): no verdict line")
            let words = String(line.dropFirst(label.count))
            #expect(words != verdict && !words.isEmpty, "\(id) (\(language)): '\(words)'")
            #expect(words.first?.isUppercase == true, "\(id) (\(language)): '\(words)' is not in sentence case")
            #expect(!words.contains("-"), "\(id) (\(language)): '\(words)' reads like an id")
        }
    }

    @Test("the text output is the headline, the details and the numbered trace, without colour off a terminal")
    func text() throws {
        let run = try KBRun(
            "simulate", "cancel-transaction", "--set", "status=capture", "--set", "transaction_time=2026-11-25T23:59",
            "--now", "2026-11-26T16:00:00"
        )
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "cancel-transaction — Can this transaction still be cancelled?")
        #expect(lines[2] == "Too late to cancel: the cut-off was 16:00 WIB (UTC+7), 26 November 2026. Refund")
        #expect(run.stdout.contains("verdict: Refund instead\n"), "the verdict in words; --json keeps its id")
        #expect(run.stdout.contains("\n1.  A card payment can be cancelled only in the policy's card statuses"))
        #expect(run.stdout.contains("    source   cancel-transaction#when-a-cancel-is-possible"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test("--lang id explains the run in Indonesian, citing the Indonesian article's sections; the verdict's id stays in the JSON")
    func indonesian() throws {
        let arguments = [
            "simulate", "account-lockout", "--lang", "id", "--now", "2026-11-25T09:05:00", "--time-zone", "Asia/Jakarta",
            "--set", "attempts=09:00 wrong, 09:01 wrong, 09:02 wrong, 09:03 wrong, 09:04 wrong",
        ]
        let run = try KBRun(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "account-lockout — Kapan login portal yang terkunci terbuka lagi?")
        #expect(lines[2] == "Terkunci: login akan terbuka dengan sendirinya pada 25 November 2026 pukul 09.19")
        #expect(lines[3] == "WIB, 14 menit lagi.")
        #expect(lines[4] == "kesimpulan: Terkunci")
        #expect(run.stdout.contains("Terkunci sejak  25 November 2026 pukul 09.04 WIB"))
        #expect(run.stdout.contains("\nJejak aturan (sekarang 25 November 2026 pukul 09.05 WIB)"))
        #expect(run.stdout.contains("    sumber   unlock-account#mengapa-akun-anda-terkunci"))
        #expect(run.stdout.contains("    sumber   unlock-account#yang-perlu-anda-lakukan"))
        #expect(!run.stdout.contains("source   "))

        let json = try KBRun(arguments + ["--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let english = try KBRun(arguments.filter { $0 != "--lang" && $0 != "id" } + ["--json"])
        let source = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [String: Any])
        #expect(Set(report.keys) == Set(source.keys))
        #expect(report["verdict"] as? String == "locked" && source["verdict"] as? String == "locked")
        #expect(report["headline"] as? String != source["headline"] as? String)

        let fromEnvironment = try KBRun(arguments.filter { $0 != "--lang" && $0 != "id" }, environment: ["KB_LANG": "id"])
        #expect(fromEnvironment.stdout == run.stdout)

        let invalid = try KBRun("simulate", "ip-whitelist", "--lang", "id", "--set", "ip=300.1.1.1")
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("error: ip: '300.1.1.1' bukan alamat IPv4 atau IPv6\n    hint: tulis empat angka"))
    }

    @Test("--input reads a JSON file; --set wins over it")
    func inputFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kb-flow-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"whitelist": ["203.0.113.0/24"], "ip": "198.51.100.1"}"#.utf8).write(to: file)
        let refused = try KBRun("simulate", "ip-whitelist", "--input", file.path, "--json")
        #expect(refused.stdout.contains(#""verdict" : "refused""#))
        let allowed = try KBRun("simulate", "ip-whitelist", "--input", file.path, "--set", "ip=203.0.113.1", "--json")
        #expect(allowed.stdout.contains(#""verdict" : "allowed""#))
    }

    @Test("invalid input exits 2 and names the field", arguments: [
        (["simulate", "ip-whitelist", "--set", "ip=300.1.1.1"], "error: ip: '300.1.1.1' is not an IPv4 or IPv6 address\n"),
        (["simulate", "cancel-transaction", "--set", "status=capture", "--set", "transaction_time=now", "--now", "tomorrow"], "error: now: 'tomorrow' is not an ISO 8601 date-time\n"),
        (["simulate", "cancel-transaction", "--time-zone", "Mars/Olympus"], "error: time-zone: 'Mars/Olympus' is not a time zone\n"),
        (["simulate", "forgot-2fa"], "error: email: a value is required\n"),
        (["simulate", "forgot-2fa", "--set", "email"], "error: input: 'email' is not a name=value pair\n"),
    ])
    func invalid(arguments: [String], firstLine: String) throws {
        let run = try KBRun(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(firstLine))
        #expect(run.stderr.contains("    hint: "))
    }

    @Test("an unknown flow exits 1 and suggests close ids")
    func unknown() throws {
        let run = try KBRun("simulate", "account-lockot")
        #expect(run.status == 1)
        #expect(run.stderr == "error: no flow 'account-lockot'; did you mean: account-lockout?\n")
        #expect(try KBRun("simulate").status == 2, "no flow and no --list is bad usage")
    }
}
