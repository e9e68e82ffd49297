import KBAnalytics
import Testing

@Suite("Privacy masking")
struct PrivacyMaskTests {
    @Test("e-mail addresses and 12-19 digit numbers are masked; other text is kept", arguments: [
        ("reset password for budi@example.co.id please", "reset password for [email] please"),
        ("Budi.Santoso+kb@mail.example.com", "[email]"),
        ("card 4111 1111 1111 1111 declined", "card [number] declined"),
        ("card 4111-1111-1111-1111", "card [number]"),
        ("4111111111111111", "[number]"),
        ("account 123456789012", "account [number]"),
        ("order 12345678901 and 12345678901234567890", "order 12345678901 and 12345678901234567890"),
        ("code 51 at 10:30", "code 51 at 10:30"),
        ("user @ home", "user @ home"),
        ("me@localhost", "me@localhost"),
        ("kirim ke a@b.id dan 5500 0000 0000 0004", "kirim ke [email] dan [number]"),
    ])
    func masks(input: String, expected: String) {
        #expect(PrivacyMask.mask(input) == expected)
    }

    @Test("a search event's query and a feedback comment are masked before they are stored")
    func eventsAreMasked() {
        let search = SearchEvent(query: "  Refund For ani@example.com 4111111111111111 ", language: "en", hits: 0, topIDs: [], tookMicros: 1, source: .api)
        #expect(search.query == "refund for [email] [number]")
        let feedback = FeedbackEvent(subject: .article, id: "unlock-account", language: "en", helpful: false, comment: "mail me at ani@example.com")
        #expect(feedback.comment == "mail me at [email]")
        let long = FeedbackEvent(subject: .code, id: "51", language: "id", helpful: true, comment: String(repeating: "a", count: 900))
        #expect(long.comment?.count == FeedbackEvent.maxCommentCharacters)
        #expect(FeedbackEvent(subject: .code, id: "51", language: "id", helpful: true, comment: "   ").comment == nil)
    }
}
