import Foundation
import KBContent
import Testing
@testable import KBFlows

/// Every flow, run on inputs that reach each of its branches: every trace step names a
/// heading that exists in its article, and that section writes as placeholders the
/// policy values the step used, so text and simulator read the same values.
@Suite("Traces cite the articles that state their rules")
struct TraceSourceTests {
    static let examples: [(String, [String: String])] = [
        ("account-lockout", ["attempts": "09:00 wrong, 09:01 right, 09:02 wrong, 09:03 wrong, 09:04 wrong, 09:05 wrong, 09:06 wrong, 09:07 right"]),
        ("account-lockout", ["attempts": "09:00 wrong, 09:01 wrong, 09:02 wrong, 09:03 wrong, 09:04 wrong, 09:30 right, 09:31 wrong"]),
        ("forgot-2fa", ["email": "finance@shop.co.id", "knows_password": "no"]),
        ("forgot-2fa", ["email": "finance@shop.co.id", "has_authenticator": "yes"]),
        ("ip-whitelist", ["whitelist": "198.51.100.0/24, 2001:db8::/32", "ip": "192.168.1.4"]),
        ("ip-whitelist", ["whitelist": "198.51.100.0/24, 2001:db8::/32", "ip": "2001:db8::9"]),
        ("ip-whitelist", ["enabled": "no", "ip": "203.0.113.7"]),
        ("ip-whitelist", ["ip": "203.0.113.7"]),
        ("card-denied", ["stopped_at": "fraud-detection"]),
        ("card-denied", ["stopped_at": "3-d-secure"]),
        ("card-denied", ["code": "41"]),
        ("card-denied", ["code": "00"]),
        ("add-portal-user", ["name": "Siti", "email": "siti@shop.co.id", "role": "Finance Staff", "link_followed": "yes"]),
        ("add-portal-user", ["name": "", "email": "siti@", "existing_users": "siti@shop.co.id"]),
        ("add-portal-user", ["name": "Siti", "email": "siti@shop.co.id", "role": "Customer Service", "activate": "no"]),
        ("payment-urls", ["order_id": "A1", "notification_url": "https://shop.example.com/n", "finish_url": "https://shop.example.com/ok", "response": "503"]),
        ("payment-urls", ["order_id": "A1", "notification_url": "https://shop.example.com/n", "response": "302", "outcome": "failed"]),
        ("payment-urls", ["order_id": "A1", "notification_url": "https://shop.example.com/n", "response": "307", "outcome": "pending"]),
        ("payment-urls", ["order_id": "A1", "notification_url": "https://shop.example.com:8443/n", "unfinish_url": "https://shop.example.com/cart", "outcome": "closed"]),
        ("payment-urls", ["order_id": "A1", "notification_url": "http://localhost/n"]),
        ("payment-urls", ["order_id": "A1"]),
        ("change-login-email", ["current_email": "owner@shop.co.id", "new_email": "boss@shop.co.id", "name": "Budi"]),
        ("change-login-email", ["current_email": "staff@shop.co.id", "new_email": "boss@shop.co.id", "name": "Budi", "current_role": "Finance Staff"]),
        ("change-login-email", ["current_email": "owner@shop.co.id", "new_email": "fin@shop.co.id", "name": "Budi", "other_users": "fin@shop.co.id"]),
        ("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-25T23:59:00"]),
        ("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-24T10:00:00"]),
        ("cancel-transaction", ["status": "capture", "fraud_status": "challenge", "transaction_time": "2026-11-26T09:00:00"]),
        ("cancel-transaction", ["status": "pending", "transaction_time": "2026-11-26T09:55:00"]),
        ("cancel-transaction", ["status": "pending", "payment_type": "GoPay", "fraud_status": "none", "transaction_time": "2026-11-26T09:00:00"]),
        ("cancel-transaction", ["status": "settlement", "transaction_time": "2026-11-20T09:00:00"]),
        ("cancel-transaction", ["status": "expire", "payment_type": "BCA VA", "transaction_time": "2026-11-20T09:00:00"]),
        ("cancel-transaction", ["status": "refund", "transaction_time": "2026-11-20T09:00:00"]),
        ("multiple-websites", ["registered_site": "example.co.id", "new_site": "shop.example.co.id", "same_business": "yes"]),
        ("multiple-websites", ["registered_site": "example.com", "new_site": "example.net", "same_business": "yes"]),
        ("transaction-actions", ["status": "settlement", "transaction_time": "2026-11-20T09:00:00"]),
        ("transaction-actions", ["status": "capture", "fraud_status": "challenge"]),
        ("transaction-actions", ["status": "settlement", "transaction_time": "2026-01-20T09:00:00"]),
    ]

    @Test("every step's anchor exists and its section writes the policies the step used", arguments: examples.indices)
    func stepsCiteTheirRules(_ index: Int) throws {
        let (id, values) = Self.examples[index]
        let report = try Shipped.run(id, values)
        #expect(!report.trace.isEmpty)
        for step in report.trace {
            let article = try #require(Shipped.content.article(step.source.slug), "\(id): no article \(step.source.slug)")
            #expect(article.document.headingAnchors.contains(step.source.anchor), "\(id): no heading #\(step.source.anchor) in \(step.source.slug)")
            let section = try #require(try Shipped.rawSection(step.source.slug, step.source.anchor))
            for path in step.policies {
                #expect(section.contains("{{policy.\(path)}}"), "\(step.source) does not write {{policy.\(path)}} (step: \(step.rule))")
                #expect(Shipped.content.policies[path] != nil, "\(path) is not in policies.yaml")
            }
        }
    }

    @Test("the examples reach every flow")
    func examplesCoverEveryFlow() throws {
        let registry = try FlowRegistry(content: Shipped.content)
        #expect(Set(Self.examples.map(\.0)) == Set(registry.ids))
        #expect(registry.ids.count == 10)
        for flow in registry.flows {
            #expect(Shipped.content.article(flow.article)?.flow == flow.id, "\(flow.article) names flow \(flow.id) in its front matter")
        }
    }
}
