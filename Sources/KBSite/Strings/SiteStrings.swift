import Foundation
import KBContent

/// The site's own words (labels, buttons, captions, messages) in one language: one
/// table per language, keyed by ``SiteString``, as Hugo keeps a site's UI strings in
/// `i18n/<lang>`. Everything else on a page comes from the content.
///
/// A value may hold placeholders in braces (`{count}`, `{code}`), filled by
/// ``callAsFunction(_:_:)``. A test checks that every key has a value in every
/// language, with the same placeholders.
struct SiteStrings: Sendable {
    let language: Language
    let table: [SiteString: String]

    /// The table for `language`.
    init(_ language: Language) {
        self.language = language
        table = Self.table(for: language)
    }

    /// Every language's table, as written.
    static func table(for language: Language) -> [SiteString: String] {
        switch language {
        case .english: english
        case .indonesian: indonesian
        }
    }

    /// The text for `key`, placeholders filled from `values` (`["count": "5"]` for `{count}`).
    ///
    /// A key with no value gives the source language's text rather than nothing; the
    /// strings test makes sure that never happens.
    func callAsFunction(_ key: SiteString, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var text = table[key] ?? Self.english[key] ?? ""
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{" + name + "}", with: value)
        }
        return text
    }

    /// The placeholders a text uses, such as `count` for `{count}`, in order.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    // MARK: Values the site shows that are not free text

    /// A response class as the site names it ("soft decline").
    func label(_ responseClass: ResponseClass) -> String {
        switch responseClass {
        case .approved: self(.classApproved)
        case .softDecline: self(.classSoftDecline)
        case .hardDecline: self(.classHardDecline)
        case .fraud: self(.classFraud)
        case .technical: self(.classTechnical)
        case .referral: self(.classReferral)
        }
    }

    /// The label with a capital first letter ("Soft decline").
    func title(_ responseClass: ResponseClass) -> String {
        let label = label(responseClass)
        return label.prefix(1).uppercased() + label.dropFirst()
    }

    /// One line on what a code of this class means for the payment.
    func explanation(_ responseClass: ResponseClass) -> String {
        switch responseClass {
        case .approved: self(.classApprovedExplanation)
        case .softDecline: self(.classSoftDeclineExplanation)
        case .hardDecline: self(.classHardDeclineExplanation)
        case .fraud: self(.classFraudExplanation)
        case .technical: self(.classTechnicalExplanation)
        case .referral: self(.classReferralExplanation)
        }
    }

    /// The retry advice in a word, for the codes table ("later").
    func label(_ retry: RetryAdvice) -> String {
        switch retry {
        case .yes: self(.retryYes)
        case .later: self(.retryLater)
        case .no: self(.retryNo)
        }
    }

    /// The retry advice as a sentence, for a code's page.
    func explanation(_ retry: RetryAdvice) -> String {
        switch retry {
        case .yes: self(.retryYesExplanation)
        case .later: self(.retryLaterExplanation)
        case .no: self(.retryNoExplanation)
        }
    }

    /// "25 November 2026" for "2026-11-25", or `nil` when `iso` is not such a date.
    func date(_ iso: String) -> String? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return self(.date, ["day": String(day), "month": self(Self.months[month - 1]), "year": String(year)])
    }

    /// The keys of the month names, January first.
    static let months: [SiteString] = [
        .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december,
    ]

    /// "09:00" (or "09.00") for an hour and a minute.
    func time(hour: Int, minute: Int) -> String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return self(.time, ["hour": twoDigits(hour), "minute": twoDigits(minute)])
    }
}
