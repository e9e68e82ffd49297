import KBContent
import Testing
@testable import KBFlows

@Suite("ip-whitelist and IP addresses")
struct IPWhitelistTests {
    @Test("addresses in every usual form, in canonical form", arguments: [
        ("203.0.113.7", "203.0.113.7"), ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("2001:DB8::1", "2001:db8::1"), ("::", "::"), ("::1", "::1"), ("2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"),
        ("::ffff:203.0.113.7", "203.0.113.7"), ("::ffff:cb00:7107", "203.0.113.7"), ("64:ff9b::203.0.113.7", "64:ff9b::cb00:7107"),
    ])
    func parse(text: String, canonical: String) throws {
        #expect(try #require(IPAddress(text)).description == canonical)
    }

    @Test("text that is no address", arguments: ["300.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "2001:db8:::1", "1::2::3", "2001:db8::g", "12345::", "fe80::1%eth0", ""])
    func notAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("/0, /32 and /128 prefixes, mapped and compressed forms", arguments: [
        ("0.0.0.0/0", "198.51.100.23", true), ("0.0.0.0/0", "2001:db8::1", false),
        ("198.51.100.23/32", "198.51.100.23", true), ("198.51.100.23/32", "198.51.100.24", false),
        ("2001:db8::1/128", "2001:0db8:0:0:0:0:0:1", true), ("2001:db8::1/128", "2001:db8::2", false),
        ("::/0", "2001:db8::1", true), ("::/0", "198.51.100.23", false),
        ("203.0.113.0/24", "::ffff:203.0.113.255", true), ("::ffff:203.0.113.0/120", "203.0.113.9", true),
        ("203.0.113.0/24", "203.0.114.0", false), ("203.0.113.77/24", "203.0.113.1", true),
    ])
    func ranges(entry: String, address: String, allowed: Bool) throws {
        let report = try Shipped.run("ip-whitelist", ["whitelist": entry, "ip": address])
        #expect(report.verdict == (allowed ? "allowed" : "refused"))
        if !allowed { #expect(report.headline.contains("This IP address is not in whitelist")) }
    }

    @Test("a range's bounds")
    func bounds() throws {
        let network = try IPNetwork("203.0.113.77/24")
        #expect(network.description == "203.0.113.0/24")
        #expect(network.lastAddress.description == "203.0.113.255")
        #expect(try IPNetwork("2001:db8::/32").lastAddress.description == "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")
    }

    @Test("invalid input names the field and the entry", arguments: [
        (["ip": "300.1.1.1"], "ip: '300.1.1.1' is not an IPv4 or IPv6 address"),
        (["ip": "203.0.113.0/24"], "ip: '203.0.113.0/24' is not an IPv4 or IPv6 address"),
        (["whitelist": "203.0.113.0/24, 10.0.0.0/33", "ip": "10.0.0.1"], "whitelist: entry 2 '10.0.0.0/33' has prefix /33; an IPv4 prefix is 0 to 32"),
        (["whitelist": "2001:db8::/129", "ip": "10.0.0.1"], "whitelist: entry 1 '2001:db8::/129' has prefix /129; an IPv6 prefix is 0 to 128"),
        (["whitelist": "office", "ip": "10.0.0.1"], "whitelist: entry 1 'office' is not an IPv4 or IPv6 address or range"),
        (["enabled": "maybe", "ip": "10.0.0.1"], "enabled: 'maybe' is not yes or no"),
        (["ip": "10.0.0.1", "ipv6": "yes"], "ipv6: ip-whitelist has no input 'ipv6'"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("ip-whitelist", values)?.description == message)
    }

    @Test("a refusal names the menu and support from policies.yaml, and follows a change")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["ip_whitelist.menu": .text("Settings > Access"), "support.email": .text("help@example.com")])
        let flow = AnyFlow(try IPWhitelistSimulator(content: content))
        let report = try flow.run(FlowInput(["ip": .text("203.0.113.7")]), context: Shipped.context("2026-11-26T10:00:00"))
        #expect(report.details.contains { $0.value.contains("under Settings > Access") })
        #expect(report.details.contains { $0.value.contains("help@example.com") })
        let raw = try Shipped.rawMarkdown("ip-whitelist-login")
        #expect(raw.contains("{{policy.ip_whitelist.menu}}") && raw.contains("{{policy.ip_whitelist.refusal_text}}"))
    }

    @Test("a private address is flagged: the portal sees the public one")
    func privateAddress() throws {
        let report = try Shipped.run("ip-whitelist", ["whitelist": "192.168.1.0/24", "ip": "192.168.1.4"])
        #expect(report.outcome["isPrivateAddress"] == .bool(true))
        #expect(report.trace.first?.result.contains("public address") == true)
    }
}
