import KBContent
import Testing
@testable import KBFlows

@Suite("multiple-websites and the Public Suffix List")
struct MultipleWebsitesTests {
    @Test("registrable domains from libpsl", arguments: [
        ("shop.example.co.id", "example.co.id"), ("example.co.id", "example.co.id"), ("event.example.com", "example.com"),
        ("user.github.io", "user.github.io"), ("example.net", "example.net"), ("Shop.Example.COM", "example.com"),
    ])
    func registrable(host: String, domain: String) {
        #expect(PublicSuffixList.registrableDomain(of: host) == domain)
    }

    @Test("a public suffix has no registrable domain", arguments: ["co.id", "github.io", "com"])
    func suffix(host: String) {
        #expect(PublicSuffixList.registrableDomain(of: host) == nil)
    }

    @Test("which pairs share an account", arguments: [
        ("example.co.id", "shop.example.co.id", "yes", "allowed"),
        ("example.com", "https://event.example.com/tickets", "yes", "allowed"),
        ("example.com", "example.net", "yes", "separate-account"),
        ("alice.github.io", "bob.github.io", "yes", "separate-account"),
        ("example.com", "shop.example.com", "no", "separate-account"),
    ])
    func pairs(registered: String, new: String, same: String, verdict: String) throws {
        let report = try Shipped.run("multiple-websites", ["registered_site": registered, "new_site": new, "same_business": same])
        #expect(report.verdict == verdict)
    }

    @Test("invalid sites are named", arguments: [
        (["registered_site": "co.id", "new_site": "example.co.id", "same_business": "yes"], "registered_site: 'co.id' is a public suffix, under which anyone can register, not a site's domain"),
        (["registered_site": "example.com", "new_site": "203.0.113.7", "same_business": "yes"], "new_site: '203.0.113.7' is an IP address, not a domain"),
        (["registered_site": "example.com", "new_site": "tokó.id", "same_business": "yes"], "new_site: 'tokó.id' has letters outside ASCII"),
        (["registered_site": "example.com", "new_site": "shop_1.example.com", "same_business": "yes"], "new_site: 'shop_1.example.com' is not a host name"),
        (["registered_site": "example.com", "new_site": "shop.example.com"], "same_business: a value is required"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("multiple-websites", values)?.description == message)
    }

    @Test("follows policies.yaml: the registration address comes from portal.login_url")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["portal.login_url": .text("https://account.example.test")])
        let simulator = try MultipleWebsitesSimulator(content: content)
        let report = try AnyFlow(simulator).run(
            FlowInput(["registered_site": .text("example.com"), "new_site": .text("example.net"), "same_business": .text("yes")]),
            context: Shipped.context("2026-11-26T10:00:00")
        )
        #expect(report.details.last?.value.contains("https://account.example.test") == true)
        #expect(try Shipped.rawSection("multiple-websites", "your-sites-dont")?.contains("{{policy.portal.login_url}}") == true)
    }
}
