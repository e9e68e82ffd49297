import Foundation
import KBContent
import Testing
@testable import KBFlows

extension Shipped {
    /// The shipped Indonesian content.
    static var indonesian: Content {
        guard let content = result.translations[.indonesian] else { preconditionFailure("no Indonesian content") }
        return content
    }

    /// The registry made from the shipped content and its translations.
    static let translatedRegistry: FlowRegistry = {
        do {
            return try FlowRegistry(content: content, translations: result.translations)
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Runs a flow of the translated registry on string inputs, in `language`.
    static func run(
        _ id: String, _ values: [String: String], in language: Language, now: String = "2026-11-26T10:00:00"
    ) throws -> FlowReport {
        let flow = try #require(translatedRegistry.flow(id))
        var context = context(now)
        context.language = language
        return try flow.run(FlowInput(values.mapValues { .text($0) }), context: context)
    }
}

/// What "no English left" means for a text: none of English's function words outside
/// what may stay English (portal labels and other policy values, product names, the code
/// table's own texts, ids such as `lockout.max_failed_attempts`, URLs and addresses).
enum EnglishWords {
    static let functionWords: Set<String> = [
        "a", "an", "the", "is", "are", "was", "has", "have", "be", "been", "will", "can", "does", "do", "and", "or", "of", "to",
        "not", "with", "for", "by", "at", "from", "in", "on", "it", "its", "this", "that", "after", "before", "until", "your",
        "only", "when", "which", "who", "there", "than", "then", "yes", "no",
    ]

    /// Phrases that stay as they are in Indonesian text.
    static let allowed: [String] = {
        var phrases = ["Send to Email", "what is my IP"]
        for value in Shipped.content.policies.values.values {
            switch value {
            case let .text(text): phrases.append(text)
            case let .list(items): phrases += items
            }
        }
        for code in Shipped.indonesian.responseCodes {
            phrases += [code.name, code.meaning, code.merchantAction, code.customerMessage]
        }
        return phrases.filter { $0.count > 3 && $0.contains(where: \.isLetter) }.sorted { $0.count > $1.count }
    }()

    /// The English function words left in `text`, once the allowed phrases and ids are taken out.
    static func left(in text: String) -> [String] {
        var text = text
        for phrase in allowed { text = text.replacingOccurrences(of: phrase, with: " ") }
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:()\"'?!→≥<=`…"))
        return text.components(separatedBy: separators).compactMap { token in
            let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".")).lowercased()
            guard !word.isEmpty, !word.contains(where: { "_./-@0123456789".contains($0) }) else { return nil }
            return functionWords.contains(word) ? word : nil
        }
    }
}

@Suite("Flows in Bahasa Indonesia")
struct IndonesianFlowTests {
    /// Every example of ``TraceSourceTests``: each flow down each of its branches.
    static let examples = TraceSourceTests.examples

    /// Prose keys of the outcomes, whose values are in the run's language; every other
    /// value of an outcome is the same in both languages.
    static let proseKeys: Set<String> = [
        "reason", "alternative", "channels", "steps", "fixes", "message", "what", "retryAdvice", "merchantAction",
        "customerMessage", "codeName", "problems", "oldLogin", "notificationProblem",
    ]

    /// The places where `indonesian` departs from `english` other than under a prose key.
    static func outcomeDifferences(_ english: JSONValue, _ indonesian: JSONValue, at path: String = "outcome") -> [String] {
        switch (english, indonesian) {
        case let (.object(a), .object(b)):
            guard a.keys.sorted() == b.keys.sorted() else { return ["\(path): keys \(a.keys.sorted()) vs \(b.keys.sorted())"] }
            return a.keys.sorted().flatMap { key -> [String] in
                guard let left = a[key], let right = b[key] else { return [] }
                if proseKeys.contains(key) { return shapeDifferences(left, right, at: "\(path).\(key)") }
                return outcomeDifferences(left, right, at: "\(path).\(key)")
            }
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return ["\(path): \(a.count) items vs \(b.count)"] }
            return zip(a, b).enumerated().flatMap { outcomeDifferences($1.0, $1.1, at: "\(path)[\($0)]") }
        default:
            return english == indonesian ? [] : ["\(path): \(english) vs \(indonesian)"]
        }
    }

    /// Differences of shape only: the same kinds, keys and counts.
    static func shapeDifferences(_ english: JSONValue, _ indonesian: JSONValue, at path: String) -> [String] {
        switch (english, indonesian) {
        case (.string, .string), (.null, .null): return []
        case let (.array(a), .array(b)):
            return a.count == b.count ? zip(a, b).flatMap { shapeDifferences($0, $1, at: path) } : ["\(path): \(a.count) vs \(b.count) items"]
        case let (.object(a), .object(b)):
            return a.keys.sorted() == b.keys.sorted() ? [] : ["\(path): other keys"]
        default:
            return english == indonesian ? [] : ["\(path): \(english) vs \(indonesian)"]
        }
    }

    @Test("every example in Indonesian: the same verdict and outcome, every text translated, every source an Indonesian section",
          arguments: examples.indices)
    func translated(_ index: Int) throws {
        let (id, values) = Self.examples[index]
        let english = try Shipped.run(id, values, in: .english)
        let indonesian = try Shipped.run(id, values, in: .indonesian)

        #expect(indonesian.verdict == english.verdict)
        #expect(Self.outcomeDifferences(english.outcome, indonesian.outcome).isEmpty, "\(Self.outcomeDifferences(english.outcome, indonesian.outcome))")
        #expect(indonesian.input == english.input && indonesian.now == english.now && indonesian.timeZone == english.timeZone)

        #expect(indonesian.headline != english.headline)
        #expect(EnglishWords.left(in: indonesian.headline).isEmpty, "\(id) headline: \(indonesian.headline) \(EnglishWords.left(in: indonesian.headline))")
        #expect(indonesian.details.count == english.details.count)
        for (en, local) in zip(english.details, indonesian.details) {
            if !["API", "Redirect", "Merchant", "Portal", "Refund"].contains(en.label) { #expect(local.label != en.label) }
            #expect(local != en || en.label == "API" || en.label == "Redirect", "\(id): detail \(en.label) is not translated")
            #expect(EnglishWords.left(in: local.label + " " + local.value).isEmpty, "\(id) detail: \(local.label) \(local.value)")
        }
        try checkProse(in: indonesian.outcome, id)

        #expect(indonesian.trace.count == english.trace.count)
        for (en, local) in zip(english.trace, indonesian.trace) {
            #expect(local.rule != en.rule)
            #expect(local.compared != en.compared || !en.compared.contains(" ") || EnglishWords.left(in: en.compared).isEmpty)
            #expect(local.result != en.result || EnglishWords.left(in: en.result).isEmpty)
            for text in [local.rule, local.compared, local.result] {
                #expect(EnglishWords.left(in: text).isEmpty, "\(id) step: \(text)")
            }
            #expect(local.policies == en.policies)
            #expect(local.source.slug == en.source.slug)
            #expect(local.source == en.source.translated(from: Shipped.content, to: Shipped.indonesian))
            let article = try #require(Shipped.indonesian.article(local.source.slug))
            #expect(article.language == .indonesian, "\(local.source.slug) has an Indonesian translation")
            #expect(article.document.headingAnchors.contains(local.source.anchor), "\(id): no #\(local.source.anchor) in the Indonesian \(local.source.slug)")
        }
    }

    /// Every text under a prose key of an outcome in Indonesian is free of English
    /// function words (the other values are ids, the same in both languages).
    private func checkProse(in value: JSONValue, _ id: String, prose: Bool = false) throws {
        switch value {
        case let .string(text): if prose { #expect(EnglishWords.left(in: text).isEmpty, "\(id) outcome: \(text)") }
        case let .array(items): for item in items { try checkProse(in: item, id, prose: prose) }
        case let .object(members):
            for (key, member) in members { try checkProse(in: member, id, prose: prose || Self.proseKeys.contains(key)) }
        default: break
        }
    }

    @Test("English output is unchanged by the translations: the registry with them gives the same report as without")
    func englishUnchanged() throws {
        for (id, values) in Self.examples {
            #expect(try Shipped.run(id, values, in: .english) == Shipped.run(id, values))
        }
    }

    @Test("titles, inputs' help and scenario tables in Indonesian; names, defaults and choices unchanged")
    func pagesAndFields() throws {
        let context = FlowContext(now: Shipped.time("2026-11-25T09:00:00"), timeZone: Shipped.jakarta, language: .indonesian)
        for flow in Shipped.translatedRegistry.flows {
            #expect(flow.title(in: .indonesian) != flow.title)
            #expect(EnglishWords.left(in: flow.title(in: .indonesian)).isEmpty, "\(flow.id): \(flow.title(in: .indonesian))")
            let fields = flow.fields(in: .indonesian)
            #expect(fields.map(\.name) == flow.fields.map(\.name))
            #expect(fields.map(\.kind) == flow.fields.map(\.kind))
            #expect(fields.map(\.defaultValue) == flow.fields.map(\.defaultValue))
            #expect(fields.map(\.allowedValues) == flow.fields.map(\.allowedValues))
            for (local, en) in zip(fields, flow.fields) {
                #expect(local.help != en.help)
                #expect(EnglishWords.left(in: local.help).isEmpty, "\(flow.id).\(local.name): \(local.help)")
            }
            #expect(flow.summary(in: .indonesian).fields == fields)

            var english = context
            english.language = .english
            let tables = flow.scenarios(context: context), sources = flow.scenarios(context: english)
            #expect(tables.count == sources.count)
            for (table, source) in zip(tables, sources) {
                #expect(table.title != source.title && table.note != source.note)
                #expect(table.columns.count == source.columns.count && table.rows.count == source.rows.count)
                for text in [table.title, table.note] + table.columns + table.rows.joined() {
                    #expect(EnglishWords.left(in: text).isEmpty, "\(flow.id) table: \(text)")
                }
            }
        }
    }

    @Test("input errors in Indonesian name the same field", arguments: [
        ("account-lockout", [String: String](), "attempts: wajib diisi"),
        ("account-lockout", ["attempts": "09:00 salah, 09:0x salah"], "attempts: percobaan 2 '09:0x salah' tidak diawali waktu"),
        ("ip-whitelist", ["ip": "300.1.1.1"], "ip: '300.1.1.1' bukan alamat IPv4 atau IPv6"),
        ("ip-whitelist", ["ip": "203.0.113.7", "whitelist": "10.0.0.0/33"], "whitelist: entri 1 '10.0.0.0/33' memakai prefiks /33, padahal prefiks IPv4 hanya 0 sampai 32"),
        ("forgot-2fa", ["email": "a@b"], "email: 'a@b' bukan alamat email: domain 'b' tidak memiliki titik"),
        ("forgot-2fa", ["email": "a@shop.co.id", "has_authenticator": "mungkin"], "has_authenticator: 'mungkin' bukan ya atau tidak"),
        ("cancel-transaction", ["status": "sent"], "status: 'sent' tidak ada di antara pilihan"),
        ("card-denied", ["code": "zz"], "code: 'zz' bukan kode respons bank"),
        ("multiple-websites", ["registered_site": "co.id"], "registered_site: 'co.id' adalah public suffix, tempat siapa pun bisa mendaftarkan domain, bukan domain sebuah website"),
    ])
    func errors(id: String, values: [String: String], message: String) throws {
        let flow = try #require(Shipped.translatedRegistry.flow(id))
        var context = Shipped.context("2026-11-25T10:00:00")
        context.language = .indonesian
        let error = try #require(flow.problem(with: FlowInput(values.mapValues { .text($0) }), context: context))
        #expect(error.description == message)
        #expect(EnglishWords.left(in: error.hint ?? "").isEmpty, "\(error.hint ?? "")")
    }

    @Test("Indonesian answers are read too: ya/tidak, benar/salah, and a response code's Indonesian name")
    func indonesianInput() throws {
        let locked = try Shipped.run(
            "account-lockout", ["attempts": "09:00 salah, 09:01 salah, 09:02 salah, 09:03 salah, 09:04 salah"], in: .indonesian,
            now: "2026-11-26T09:05:00"
        )
        #expect(locked.verdict == "locked")
        #expect(locked.headline == "Terkunci: login akan terbuka dengan sendirinya pada 26 November 2026 pukul 09.19 WIB, 14 menit lagi.")
        let code = try #require(Shipped.indonesian.responseCode("51"))
        let declined = try Shipped.run("card-denied", ["code": code.name], in: .indonesian)
        let byCode = try Shipped.run("card-denied", ["code": "51"], in: .indonesian)
        #expect(byCode.headline == declined.headline && byCode.outcome == declined.outcome)
        #expect(declined.headline.contains(code.name))
        #expect(try Shipped.run("ip-whitelist", ["enabled": "tidak", "ip": "203.0.113.7"], in: .indonesian).verdict == "allowed")
    }

    @Test("the cut-off in Indonesian: the day, the month's name and WIB (UTC+7)")
    func cutoff() throws {
        let report = try Shipped.run("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-25T23:59"], in: .indonesian, now: "2026-11-26T15:59:59")
        #expect(report.verdict == "cancellable")
        #expect(report.headline == "Bisa dibatalkan sampai 26 November 2026 pukul 16.00 WIB (UTC+7) (sisa 1 detik).")
        #expect(report.trace.map(\.source.description).contains("cancel-transaction#kapan-transaksi-bisa-dibatalkan"))
    }
}

@Suite("Times in Bahasa Indonesia")
struct FlowTextTests {
    @Test("times for people in Indonesian", arguments: [
        ("2026-11-25T09:19:00", "Asia/Jakarta", "25 November 2026 pukul 09.19 WIB"),
        ("2026-11-26T15:59:59", "Asia/Jakarta", "26 November 2026 pukul 15.59.59 WIB"),
        ("2026-01-05T09:19:00", "Asia/Makassar", "5 Januari 2026 pukul 10.19 WITA"),
        ("2026-08-17T09:19:00", "Asia/Jayapura", "17 Agustus 2026 pukul 11.19 WIT"),
        ("2026-03-01T09:19:00", "Europe/Berlin", "1 Maret 2026 pukul 03.19 Europe/Berlin"),
    ])
    func indonesianTimes(time: String, zone: String, text: String) throws {
        let context = FlowContext(now: Shipped.time(time), timeZone: try #require(TimeZone(identifier: zone)), language: .indonesian)
        #expect(context.text(context.now) == text)
    }

    @Test("durations in Indonesian", arguments: [(0.0, "0 detik"), (899, "14 menit 59 detik"), (93_784, "1 hari 2 jam 3 menit 4 detik")])
    func indonesianDurations(seconds: Double, text: String) {
        #expect(FlowTime.duration(seconds, language: .indonesian) == text)
    }
}
