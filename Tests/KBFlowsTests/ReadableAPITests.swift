import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("Verdicts, times and policy values in words")
struct ReadableAPITests {
    @Test("every verdict the examples reach has words in both languages, from the flow's phrasebook", arguments: [Language.english, .indonesian])
    func verdictLabels(language: Language) throws {
        for (id, values) in TraceSourceTests.examples {
            let report = try Shipped.run(id, values, in: language)
            let flow = try #require(Shipped.translatedRegistry.flow(id))
            let label = try #require(flow.verdictLabel(report.verdict, in: language), "\(id): no words for \(report.verdict)")
            #expect(label != report.verdict, "\(id): \(label)")
            #expect(Identifiers.problem(in: label, flow: id) == nil, "\(id): \(label)")
            #expect(label.first?.isUppercase == true || label.first?.isNumber == true, "\(id): '\(label)' is not in sentence case")
        }
    }

    @Test("verdict words, and none for an id the flow does not have", arguments: [
        ("account-lockout", "locked", Language.english, "Locked"),
        ("account-lockout", "open", .indonesian, "Tidak terkunci"),
        ("cancel-transaction", "refund-instead", .english, "Refund instead"),
        ("cancel-transaction", "nothing-to-cancel", .english, "Nothing to cancel"),
        ("card-denied", "soft-decline", .english, "Soft decline"),
        ("card-denied", "soft-decline", .indonesian, "Penolakan sementara"),
        ("forgot-2fa", "use-authenticator", .english, "Use the authenticator app"),
        ("multiple-websites", "separate-account", .english, "Needs a separate account"),
        ("change-login-email", "needs-admin", .indonesian, "Perlu Administrator"),
        ("payment-urls", "notification-not-sent", .english, "Notification not sent"),
        ("transaction-actions", "view,accept-or-deny,report", .english, "Open: view, accept or deny and send a report"),
        ("transaction-actions", "none", .indonesian, "Tidak ada yang tersedia: sudah tidak ada di portal"),
    ])
    func verdictWords(flow id: String, verdict: String, language: Language, words: String) throws {
        let flow = try #require(Shipped.translatedRegistry.flow(id))
        #expect(flow.verdictLabel(verdict, in: language) == words)
        #expect(flow.verdictLabel("no-such-verdict", in: language) == nil)
    }

    @Test("times for people: time, zone, then the day; seconds only when there are some", arguments: [
        ("2026-11-25T09:19:00", "Asia/Jakarta", Language.english, "09:19 WIB, 25 November 2026"),
        ("2026-11-26T15:59:59", "Asia/Jakarta", .english, "15:59:59 WIB, 26 November 2026"),
        ("2026-01-05T09:19:00", "Asia/Makassar", .english, "10:19 WITA, 5 January 2026"),
        ("2026-08-17T09:19:00", "Asia/Jayapura", .english, "11:19 WIT, 17 August 2026"),
        ("2026-03-01T09:19:00", "UTC", .english, "02:19 UTC, 1 March 2026"),
        ("2026-03-01T09:19:00", "Europe/Berlin", .english, "03:19 Europe/Berlin, 1 March 2026"),
        ("2026-11-25T09:19:00", "Asia/Jakarta", .indonesian, "25 November 2026 pukul 09.19 WIB"),
        ("2026-11-26T15:59:59", "Asia/Jakarta", .indonesian, "26 November 2026 pukul 15.59.59 WIB"),
        ("2026-03-01T09:19:00", "UTC", .indonesian, "1 Maret 2026 pukul 02.19 UTC"),
    ])
    func times(time: String, zone: String, language: Language, text: String) throws {
        let context = FlowContext(now: Shipped.time(time), timeZone: try #require(TimeZone(identifier: zone)), language: language)
        #expect(context.text(context.now) == text)
    }

    @Test("the zone explained once, for a page", arguments: [
        ("Asia/Jakarta", Language.english, "Times are in WIB (Western Indonesia Time, UTC+7)."),
        ("Asia/Jakarta", .indonesian, "Waktu dalam WIB (Waktu Indonesia Barat, UTC+7)."),
        ("Asia/Makassar", .english, "Times are in WITA (Central Indonesia Time, UTC+8)."),
        ("Asia/Jayapura", .indonesian, "Waktu dalam WIT (Waktu Indonesia Timur, UTC+9)."),
        ("UTC", .english, "Times are in UTC."),
        ("Europe/Berlin", .english, "Times are in Europe/Berlin time."),
    ])
    func zoneExplanation(zone: String, language: Language, text: String) throws {
        #expect(FlowTime.zoneExplanation(for: try #require(TimeZone(identifier: zone)), language: language) == text)
    }

    @Test("the cut-off keeps the policy's zone label once, not twice")
    func cutoffZoneLabel() throws {
        let report = try Shipped.run("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-25T23:59"], in: .english, now: "2026-11-26T15:59:59")
        #expect(report.headline == "Cancellable until 16:00 WIB (UTC+7), 26 November 2026 (1 s left).")
        #expect(!report.headline.contains("WIB WIB") && !report.headline.contains("(UTC+7) (UTC+7)"))
    }

    @Test("every policy path every flow reads has a name in both languages")
    func policyLabels() throws {
        let registry = try FlowRegistry(content: Shipped.content)
        var paths: Set<String> = []
        for flow in registry.flows { paths.formUnion(flow.policyPaths) }
        #expect(paths.count > 30)
        for path in paths.sorted() {
            for language in [Language.english, .indonesian] {
                let label = PolicyLabels.label(for: path, in: language)
                #expect(label != nil, "\(path) has no name in \(language)")
                if let label {
                    #expect(!label.contains("_") && !label.contains(path), "\(path): \(label)")
                    #expect(label.first?.isUppercase == true, "\(path): '\(label)' is not in sentence case")
                }
            }
            #expect(PolicyLabels.label(for: path, in: .english) != PolicyLabels.label(for: path, in: .indonesian), "\(path)")
        }
        #expect(PolicyLabels.label(for: "lockout.max_failed_attempts", in: .english) == "Wrong passwords before the lock")
        #expect(PolicyLabels.label(for: "notification.retries.http_503", in: .english) == "Retries after an HTTP 503 answer")
        #expect(PolicyLabels.label(for: "no.such_path", in: .english) == nil)
    }

    @Test("the lockout table's note says the policy in words, not its key")
    func lockoutNote() throws {
        let flow = try Shipped.flow("account-lockout")
        let note = flow.scenarios(context: Shipped.context("2026-11-25T09:00:00"))[0].note
        #expect(note == "Each row is one attempt of a single run; the 5th wrong password in a row locks the login.")
        #expect(!note.contains("lockout."))
    }
}
