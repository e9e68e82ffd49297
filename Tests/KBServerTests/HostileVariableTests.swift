import Foundation
import Hummingbird
import HummingbirdTesting
import KBServer
import Testing

/// An answer variable is plain text in every format: never a link, emphasis, an
/// entity, a tag or a heading, whatever it holds.
@Suite("Hostile answer variables")
struct HostileVariableTests {
    /// One hostile value, and how each format must show it.
    struct Case: Sendable, CustomTestStringConvertible {
        var value: String
        var text: String
        var markdown: String
        var html: String
        var testDescription: String { value }
    }

    static let cases: [Case] = [
        Case(value: "[verify](https://evil.example)", text: "Hi [verify](https://evil.example),",
             markdown: #"Hi \[verify\](https://evil.example),"#, html: "<p>Hi [verify](https://evil.example),</p>"),
        Case(value: "**x**", text: "Hi **x**,", markdown: #"Hi \*\*x\*\*,"#, html: "<p>Hi **x**,</p>"),
        Case(value: "&lt;b&gt;", text: "Hi &lt;b&gt;,", markdown: #"Hi \&lt;b\&gt;,"#, html: "<p>Hi &amp;lt;b&amp;gt;,</p>"),
        Case(value: "<b>bold</b><script>alert(1)</script>", text: "Hi <b>bold</b><script>alert(1)</script>,",
             markdown: #"Hi \<b>bold\</b>\<script>alert(1)\</script>,"#,
             html: "<p>Hi &lt;b&gt;bold&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;,</p>"),
        Case(value: "https://evil.example/x_y_", text: "Hi https://evil.example/x_y_,",
             markdown: #"Hi https://evil.example/x_y\_,"#, html: "<p>Hi https://evil.example/x_y_,</p>"),
        Case(value: "Budi\n\n# Heading\n- item", text: "Hi Budi  # Heading - item,",
             markdown: "Hi Budi  # Heading - item,", html: "<p>Hi Budi  # Heading - item,</p>"),
        Case(value: "`code` ~~gone~~ _em_", text: "Hi `code` ~~gone~~ _em_,",
             markdown: #"Hi \`code\` \~\~gone\~\~ \_em\_,"#, html: "<p>Hi `code` ~~gone~~ _em_,</p>"),
    ]

    static func uri(_ format: String, customer: String, agent: String = "Sari") -> String {
        let allowed = CharacterSet.alphanumerics
        let customer = customer.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let agent = agent.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return "/v1/articles/cancel-transaction/answer?format=\(format)&var.customer.name=\(customer)&var.agent.name=\(agent)"
    }

    @Test("the customer's name stays the characters it is, in text, markdown and html", arguments: cases)
    func customerName(_ hostile: Case) async throws {
        try await withServer { client in
            for (format, expected) in [("text", hostile.text), ("markdown", hostile.markdown), ("html", hostile.html)] {
                let response = try await client.get(Self.uri(format, customer: hostile.value))
                #expect(response.status == .ok)
                let text = try #require(try response.object["text"] as? String)
                #expect(text.hasPrefix(expected), "\(format): \(text.prefix(120))")
                #expect(!text.contains("evil.example\""), "\(format): no link to evil.example")
                if format == "html" {
                    let greeting = text.prefix { $0 != "\n" }
                    #expect(!greeting.contains("<strong>") && !greeting.contains("<b>") && !greeting.contains("<script"), "no markup: \(greeting)")
                }
            }
        }
    }

    @Test("a variable at the start of a line cannot make a heading, a list or a quote in markdown")
    func lineStart() async throws {
        try await withServer { client in
            for (agent, shown) in [("# Evil", ##"\# Evil"##), ("- item", #"\- item"#), ("> quote", #"\> quote"#), ("1. first", #"1\. first"#), ("===", #"\==="#)] {
                let text = try #require(try await client.get(Self.uri("markdown", customer: "Budi", agent: agent)).object["text"] as? String)
                #expect(text.hasSuffix("Best regards,\n" + shown), "\(agent): \(text.suffix(40))")
                let html = try #require(try await client.get(Self.uri("html", customer: "Budi", agent: agent)).object["text"] as? String)
                let signOff = html.components(separatedBy: "Best regards,").last ?? ""
                #expect(signOff == "<br>" + agent.replacingOccurrences(of: ">", with: "&gt;") + "</p>", "\(agent): \(html.suffix(80))")
            }
        }
    }
}
