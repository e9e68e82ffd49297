import Foundation
import KBContent
import Testing
@testable import KBFlows

/// What "reads like an identifier" means for a text for people: a lowercase
/// word-with-hyphens standing alone (`wrong-password`), one of the flow's verdicts or
/// states as spelled in JSON standing alone (`locked`), or a hyphenated id or an
/// article's slug inside a sentence ("refund-instead: …", "see refund-transaction").
enum Identifiers {
    /// Each flow's ids: its verdicts' raw values and the states its outcome spells as ids.
    static let byFlow: [String: Set<String>] = [
        "account-lockout": ["locked", "open", "signed-in", "wrong-password", "refused"],
        "add-portal-user": ["rejected", "not-activated", "waiting-for-activation", "active", "not-created"],
        "cancel-transaction": ["cancellable", "not-cancellable", "nothing-to-cancel", "refund-instead", "review-challenge"],
        "card-denied": [
            "fraud-screening", "3-d-secure", "approved", "soft-decline", "hard-decline", "fraud", "technical", "referral",
            "fraud-detection", "issuing-bank",
        ],
        "change-login-email": ["ready", "needs-admin", "rejected"],
        "forgot-2fa": ["use-authenticator", "ask-support"],
        "ip-whitelist": ["allowed", "refused"],
        "multiple-websites": ["allowed", "separate-account"],
        // Not `paid`, `pending` or `closed`: the input's choices, which the outcome table shows in words,
        // while its `transaction_status` column shows Midtrans' own values (`pending`) as Midtrans spells them.
        "payment-urls": [
            "no-notification", "notification-delivered", "notification-redirected", "notification-failed", "notification-not-sent",
            "delivered", "redirected", "failed", "not-sent",
        ],
        "transaction-actions": ["view", "cancel", "accept-or-deny", "refund", "report", "none"],
    ]

    /// The article slugs, which are ids too when a sentence shows them.
    static let slugs = Set(Shipped.content.articles.map(\.slug))

    /// A lowercase word-with-hyphens and nothing else: `wrong-password`, `3-d-secure`.
    static func isHyphenatedId(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// Why `text` (a whole cell, headline, detail value or trace result of flow `id`)
    /// reads like an identifier, or `nil` when it reads as words.
    static func problem(in text: String, flow id: String) -> String? {
        let ids = byFlow[id] ?? []
        let whole = text.trimmingCharacters(in: .whitespaces)
        if isHyphenatedId(whole) { return "'\(whole)' is a word-with-hyphens" }
        if ids.contains(whole) { return "'\(whole)' is an id of \(id)" }
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:()\"'"))
        for token in text.components(separatedBy: separators) {
            let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
            if word.contains("-"), ids.contains(word) { return "'\(word)' in '\(text)' is an id of \(id)" }
            if slugs.contains(word) { return "'\(word)' in '\(text)' is an article's slug" }
        }
        return nil
    }
}

@Suite("Texts for people read as words")
struct ReadableTextTests {
    static let languages: [Language] = [.english, .indonesian]

    @Test("the identifier check finds ids and lets words through")
    func check() {
        #expect(Identifiers.problem(in: "wrong-password", flow: "account-lockout") != nil)
        #expect(Identifiers.problem(in: "locked", flow: "account-lockout") != nil)
        #expect(Identifiers.problem(in: "refund it (see refund-transaction)", flow: "cancel-transaction") != nil)
        #expect(Identifiers.problem(in: "Locked until 09:19 WIB", flow: "account-lockout") == nil)
        #expect(Identifiers.problem(in: "Salah berturut-turut", flow: "account-lockout") == nil)
        #expect(Identifiers.problem(in: "https://shop.example.com/payment-failed?order_id=1", flow: "payment-urls") == nil)
    }

    @Test("scenario tables: no title, column or cell reads like an identifier", arguments: languages)
    func tables(language: Language) throws {
        var problems: [String] = []
        for zone in [Shipped.jakarta, TimeZone(identifier: "UTC")!] {
            let context = FlowContext(now: Shipped.time("2026-11-25T09:00:00"), timeZone: zone, language: language)
            for flow in Shipped.translatedRegistry.flows {
                for table in flow.scenarios(context: context) {
                    for text in [table.title] + table.columns + table.rows.joined() {
                        if let problem = Identifiers.problem(in: text, flow: flow.id) { problems.append("\(flow.id) table '\(table.title)': \(problem)") }
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test("every example: no headline, detail value or trace result reads like an identifier", arguments: languages)
    func reports(language: Language) throws {
        var problems: [String] = []
        for (id, values) in TraceSourceTests.examples {
            let report = try Shipped.run(id, values, in: language)
            let texts = [report.headline] + report.details.flatMap { [$0.label, $0.value] } + report.trace.map(\.result)
            for text in texts {
                if let problem = Identifiers.problem(in: text, flow: id) { problems.append("\(id): \(problem)") }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}
