import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("payment-urls")
struct PaymentURLsTests {
    static let urls = [
        "order_id": "ORDER-1", "notification_url": "https://shop.example.com/notify",
        "finish_url": "https://shop.example.com/thanks", "unfinish_url": "https://shop.example.com/cart",
        "error_url": "https://shop.example.com/failed",
    ]

    func run(_ extra: [String: String]) throws -> FlowReport {
        try Shipped.run("payment-urls", Self.urls.merging(extra) { $1 })
    }

    @Test("retries per the endpoint's answer", arguments: [
        ("200", 1, "delivered"), ("500", 2, "failed"), ("503", 5, "failed"), ("400", 3, "failed"), ("404", 3, "failed"),
        ("301", 1, "failed"), ("302", 1, "failed"), ("307", 1, "redirected"), ("502", 6, "failed"), ("timeout", 6, "failed"),
    ])
    func retries(response: String, posts: Int, result: String) throws {
        let report = try run(["response": response])
        #expect(report.outcome["notificationAttempts"] == .integer(posts))
        #expect(report.outcome["notificationResult"] == .string(result))
    }

    @Test("the retry times come from notification.retry_after_minutes")
    func schedule() throws {
        let report = try run(["response": "503"])
        guard case let .array(timeline)? = report.outcome["timeline"] else { Issue.record("no timeline"); return }
        let times = timeline.compactMap { event -> String? in
            guard event["channel"] == .string("server"), case let .string(time)? = event["time"] else { return nil }
            return time
        }
        #expect(times == ["2026-11-26T10:00:00+07:00", "2026-11-26T10:02:00+07:00", "2026-11-26T10:10:00+07:00", "2026-11-26T10:30:00+07:00", "2026-11-26T11:30:00+07:00"])
    }

    @Test("each outcome lands on its page with the query parameters", arguments: [
        ("paid", "https://shop.example.com/thanks?order_id=ORDER-1&status_code=200&transaction_status=settlement", "notification-delivered"),
        ("pending", "https://shop.example.com/thanks?order_id=ORDER-1&status_code=201&transaction_status=pending", "notification-delivered"),
        ("failed", "https://shop.example.com/failed?order_id=ORDER-1&status_code=202&transaction_status=deny", "notification-delivered"),
        ("closed", "https://shop.example.com/cart?order_id=ORDER-1", "no-notification"),
    ])
    func redirects(outcome: String, url: String, verdict: String) throws {
        let report = try run(["outcome": outcome])
        #expect(report.outcome["redirectURL"] == .string(url))
        #expect(report.verdict == verdict)
    }

    @Test("a paid card payment is reported as capture, another method's as settlement", arguments: [
        ("credit_card", "capture"), ("other", "settlement"), ("Credit Card", "capture"),
    ])
    func paidStatus(type: String, status: String) throws {
        let report = try run(["payment_type": type])
        #expect(report.outcome["transactionStatus"] == .string(status))
        #expect(report.outcome["redirectURL"] == .string("https://shop.example.com/thanks?order_id=ORDER-1&status_code=200&transaction_status=\(status)"))
    }

    @Test("URLs Midtrans cannot reach", arguments: [
        ("shop.example.com/notify", "'shop.example.com/notify' has no http:// or https:// prefix"),
        ("http://localhost:3000/n", "localhost cannot be reached from the internet; use a public address, or a tunnel such as ngrok while testing"),
        ("https://10.1.2.3/n", "10.1.2.3 cannot be reached from the internet; use a public address, or a tunnel such as ngrok while testing"),
        ("https://shop.example.com:8443/n", "port 8443 is not a standard port; use 80 or 443"),
        ("https://me:pw@shop.example.com/n", "the URL asks for a user name and password, which Midtrans cannot give"),
    ])
    func unreachable(url: String, problem: String) throws {
        let report = try run(["notification_url": url])
        #expect(report.outcome["notificationProblem"] == .string(problem))
        #expect(report.verdict == "notification-not-sent")
    }

    @Test("invalid input names the field", arguments: [
        (["response": "700"], "response: '700' is not an HTTP status from 100 to 599 or timeout"),
        (["finish_url": "https://shop example.com"], "finish_url: 'https://shop example.com' is not a URL"),
        (["outcome": "refunded"], "outcome: 'refunded' is not one of the choices"),
        (["order_id": ""], "order_id: a value is required"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("payment-urls", Self.urls.merging(values) { $1 })?.description == message)
    }

    @Test("follows policies.yaml: 2 retries after 503, at 1 and 5 minutes; the article writes the placeholders")
    func followsPolicy() throws {
        let content = Shipped.content(with: [
            "notification.retries.http_503": .text("2"), "notification.retry_after_minutes": .list(["1", "5", "9", "20", "40"]),
        ])
        let flow = AnyFlow(try PaymentURLsSimulator(content: content))
        let input = FlowInput(Self.urls.merging(["response": "503"]) { $1 }.mapValues { .text($0) })
        let report = try flow.run(input, context: Shipped.context("2026-11-26T10:00:00"))
        #expect(report.outcome["notificationAttempts"] == .integer(3))
        #expect(report.headline.contains("the last about 10:05 WIB, 26 November 2026"))
        let section = try #require(try Shipped.rawSection("notification-not-received", "3-how-midtrans-retries"))
        for path in ["retries.http_503", "retries.other_failure", "retry_after_minutes", "max_retries"] {
            #expect(section.contains("{{policy.notification.\(path)}}"))
        }
    }

    @Test("a policy with fewer retry times than retries is refused, naming the path")
    func badPolicy() {
        let content = Shipped.content(with: ["notification.retry_after_minutes": .list(["2", "10"])])
        #expect(throws: FlowPolicyError(
            flow: "payment-urls", path: "notification.retry_after_minutes",
            "has 2 times for notification.max_retries 5 retries", hint: "list one time (in minutes) for every retry"
        )) { try PaymentURLsSimulator(content: content) }
    }
}
