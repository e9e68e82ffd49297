import Foundation
import Testing
@testable import KBContent

/// The repository's own `Content/`, loaded from this file's location.
enum ShippedContent {
    static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
    }
    static let result = ContentLoader(directory: directory).load()
}

@Suite("The shipped content")
struct ShippedContentTests {
    static let seedSlugs = [
        "unlock-account", "forgot-2fa-code", "ip-whitelist-login", "bank-response-codes", "add-portal-users",
        "notification-and-redirect-urls", "change-account-email", "cancel-transaction", "multiple-websites",
        "manage-transactions",
    ]

    @Test("passes the checker with zero errors and zero warnings")
    func clean() {
        #expect(ShippedContent.result.diagnostics.map(\.formatted) == [])
    }

    @Test("has the ten seed articles under their contract slugs, and at least 18 in all")
    func seedArticles() {
        let content = ShippedContent.result.content
        for slug in Self.seedSlugs {
            #expect(content.article(slug) != nil, "missing \(slug)")
        }
        #expect(content.articles.count >= 18)
    }

    @Test("has at least 45 response codes, with the common ones")
    func codes() {
        let content = ShippedContent.result.content
        #expect(content.responseCodes.count >= 45)
        for code in ["00", "05", "14", "51", "54", "N7", "1A", "91", "96"] {
            #expect(content.responseCode(code) != nil, "missing code \(code)")
        }
        #expect(content.responseCode("05")?.responseClass == .softDecline)
        #expect(content.responseCode("41")?.responseClass == .fraud)
        #expect(content.responseCode("do not honor") == nil, "names are not codes")
        #expect(content.responseCode(named: "do not honor")?.code == "05")
    }

    @Test("no rendered text keeps a placeholder")
    func placeholdersFilled() {
        let content = ShippedContent.result.content
        for article in content.articles {
            let text = [article.title, article.summary, article.body] + article.questions
            #expect(!text.joined().contains("{{"), "\(article.slug) keeps a placeholder")
        }
        for code in content.responseCodes {
            #expect(!(code.customerMessage + code.merchantAction + code.meaning).contains("{{"))
        }
    }

    @Test("the lockout article states the policy's numbers, and follows them when they change")
    func lockoutNumbersComeFromPolicy() throws {
        let content = ShippedContent.result.content
        let article = try #require(content.article("unlock-account"))
        let attempts = try #require(content.policies.integer("lockout.max_failed_attempts"))
        let minutes = try #require(content.policies.integer("lockout.unlock_after_minutes"))
        #expect(attempts == 5 && minutes == 15)
        #expect(article.body.contains("after \(attempts) incorrect passwords"))
        #expect(article.body.contains("\(minutes) minutes"))

        let raw = try String(contentsOfFile: ShippedContent.directory + "/articles/unlock-account.md", encoding: .utf8)
        #expect(raw.contains("{{policy.lockout.max_failed_attempts}}"))
        #expect(!raw.contains("after 5 incorrect"), "the number is never typed into the article")
    }

    @Test("every article's category exists and its questions are 2 to 6")
    func articleShape() {
        let content = ShippedContent.result.content
        for article in content.articles {
            #expect(content.category(article.category) != nil)
            #expect((2...6).contains(article.questions.count))
            #expect(!article.summary.isEmpty)
        }
    }
}
