import Testing
import KBSearch
@testable import KnowledgeBase

/// One query for each kind of miss of issue 15 (Tests/Relevance/queries.tsv marks them all),
/// each of which ranked the right answer below another before the fix.
@Suite("Relevance: the kinds of miss")
struct RelevanceKindsTests {
    static let knowledgeBase = SearchTests.knowledgeBase

    static func first(_ query: String) -> String? {
        knowledgeBase.search(query, options: SearchOptions(limit: 3)).hits.first
            .map { $0.kind == .code ? $0.kind.documentID($0.id) : $0.id }
    }

    @Test("a general question finds the overview, not a code that shares a word; a named code still leads",
          arguments: [
            ("list of decline codes", "bank-response-codes"),
            ("my customer's card keeps getting refused, why?", "bank-response-codes"),
            ("card declined insufficient funds", "code:51"),
            ("why was my buyer's visa card declined", "bank-response-codes"),
            ("cvv check failed", "code:82"),
          ])
    func generalQuestionFindsTheOverview(_ query: String, _ expected: String) {
        #expect(Self.first(query) == expected)
    }

    @Test("the subject decides the sense of a word: a blocked login, a blocked card, a reset 2FA", arguments: [
        ("my login is blocked", "unlock-account"),
        ("card blocked", "code:04"),
        ("google auth reset new phone", "forgot-2fa-code"),
        ("reset my password", "reset-portal-password"),
    ])
    func subjectDecidesTheSense(_ query: String, _ expected: String) {
        #expect(Self.first(query) == expected)
    }

    @Test("the product's names and acronyms: MAP, CC, 2FA, VA", arguments: [
        ("merchant administration portal features", "manage-transactions"),
        ("CC declined", "bank-response-codes"),
        ("who can access MAP", "add-portal-users"),
        ("VA expired", "payment-expiry"),
    ])
    func productNamesAreUnderstood(_ query: String, _ expected: String) {
        #expect(Self.first(query) == expected)
    }

    @Test("an action word beats a time word: cancel or refund after settlement", arguments: [
        ("can i still cancel after settlement", "cancel-transaction"),
        ("refund after settlement", "refund-transaction"),
    ])
    func actionWordBeatsTimeWord(_ query: String, _ expected: String) {
        #expect(Self.first(query) == expected)
    }

    @Test("a long story: its rare words outweigh more of its common ones", arguments: [
        ("buyer wants the money back for one item out of three", "refund-transaction"),
        ("add a new user before we go live", "add-portal-users"),
        ("change login email before the deadline", "change-account-email"),
    ])
    func rareWordsOutweighCommonOnes(_ query: String, _ expected: String) {
        #expect(Self.first(query) == expected)
    }
}
