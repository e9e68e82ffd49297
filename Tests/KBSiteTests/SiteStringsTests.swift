import Foundation
import KBContent
import Testing
@testable import KBSite

/// The site's own words: one table per language, every key in each.
@Suite("Site strings")
struct SiteStringsTests {
    /// Keys whose Indonesian value is the English one on purpose: words both languages
    /// write alike ("fraud" is the word Midtrans uses in Indonesian too), punctuation,
    /// and formats.
    static let sameInBothLanguages: Set<SiteString> = [
        .footerContactEnd, .simulator, .classFraud, .kindEmail, .date, .april, .september, .november,
    ]

    @Test("every key has a value in every language, with the same placeholders", arguments: Language.allCases)
    func complete(_ language: Language) {
        let table = SiteStrings.table(for: language)
        let english = SiteStrings.table(for: .english)
        for key in SiteString.allCases {
            let value = table[key]
            #expect(value.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } == true, "\(language): '\(key)' has no value")
            #expect(
                Set(SiteStrings.placeholders(in: value ?? "")) == Set(SiteStrings.placeholders(in: english[key] ?? "")),
                "\(language): '\(key)' has other placeholders than in English"
            )
        }
        #expect(table.count == SiteString.allCases.count)
    }

    @Test("Indonesian is written out: only the listed keys read as in English")
    func translated() {
        let identical = Set(SiteString.allCases.filter { SiteStrings.english[$0] == SiteStrings.indonesian[$0] })
        #expect(identical == Self.sameInBothLanguages)
    }

    @Test("placeholders are filled; dates and times as each language writes them")
    func formats() {
        let english = SiteStrings(.english), indonesian = SiteStrings(.indonesian)
        #expect(english(.allArticles, ["count": "12"]) == "All 12 articles")
        #expect(indonesian(.allArticles, ["count": "12"]) == "Semua 12 artikel")
        #expect(indonesian(.searchResults, ["count": "3", "query": "akun"]) == "3 hasil untuk “akun”")
        #expect(english.date("2026-11-25") == "25 November 2026")
        #expect(indonesian.date("2026-11-25") == "25 November 2026")
        #expect(english.date("2026-08-05") == "5 August 2026")
        #expect(indonesian.date("2026-08-05") == "5 Agustus 2026")
        #expect(indonesian.date("2026-13-01") == nil)
        #expect(english.time(hour: 9, minute: 0) == "09:00")
        #expect(indonesian.time(hour: 9, minute: 0) == "09.00")
        #expect(indonesian.label(.softDecline) == "penolakan sementara")
        #expect(indonesian.title(.softDecline) == "Penolakan sementara")
        #expect(english.label(.later) == "later")
        #expect(SiteStrings.placeholders(in: "{count} results for “{query}”") == ["count", "query"])
    }
}
