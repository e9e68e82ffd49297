import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("card-denied")
struct CardDeniedTests {
    @Test("where it stopped and the code decide the advice", arguments: [
        (["stopped_at": "fraud-detection"], "fraud-screening", "no"), (["stopped_at": "3-d-secure"], "3-d-secure", "yes"),
        (["code": "51"], "soft-decline", "later"), (["code": "n7"], "soft-decline", "yes"), (["code": "41"], "fraud", "no"),
        (["code": "insufficient funds"], "soft-decline", "later"), (["code": "00"], "approved", "no"),
    ])
    func decline(values: [String: String], verdict: String, retry: String) throws {
        let report = try Shipped.run("card-denied", values)
        #expect(report.verdict == verdict)
        #expect(report.outcome["retry"] == .string(retry))
    }

    @Test("the bank's answers come from response-codes.yaml")
    func fromTable() throws {
        let report = try Shipped.run("card-denied", ["code": "51"])
        let code = try #require(Shipped.content.responseCode("51"))
        #expect(report.outcome["customerMessage"] == .string(code.customerMessage))
        #expect(report.outcome["merchantAction"] == .string(code.merchantAction))
        #expect(report.outcome["layers"] == .object([
            "fraud-detection": .string("passed"), "3-d-secure": .string("passed or not used"), "issuing-bank": .string("stopped"),
        ]))
    }

    @Test("only the bank is put last: the checks before it have no order of their own, and 3-D Secure may not run", arguments: [
        ("fraud-detection", ["fraud-detection": "stopped", "3-d-secure": "not known", "issuing-bank": "not reached"]),
        ("3-d-secure", ["fraud-detection": "not known", "3-d-secure": "stopped", "issuing-bank": "not reached"]),
    ])
    func layerOrder(stoppedAt: String, layers: [String: String]) throws {
        let report = try Shipped.run("card-denied", ["stopped_at": stoppedAt])
        #expect(report.outcome["layers"] == .object(layers.mapValues { .string($0) }))
        #expect(!report.trace.contains { $0.rule.contains("first") || $0.rule.contains("Next") }, "no step puts the checks before the bank in order")
        #expect(report.trace.first?.rule.contains("the last is always the issuing bank") == true)
    }

    @Test("invalid input names the field", arguments: [
        (["code": "5x"], "code: '5x' is not a bank response code"),
        ([:], "code: a response code is required when the issuing bank refused"),
        (["stopped_at": "3-d-secure", "code": "51"], "code: '51' is a bank's answer, but the charge stopped at 3-d-secure, before the bank"),
        (["stopped_at": "bank"], "stopped_at: 'bank' is not one of the choices"),
    ])
    func invalid(values: [String: String], message: String) throws {
        let error = try Shipped.error("card-denied", values)
        #expect(error?.description == message)
        if values["code"] == "5x" { #expect(error?.hint?.hasPrefix("close codes: 51 (Insufficient funds)") == true) }
    }

    @Test("follows policies.yaml: the 3-D Secure window and the fraud address")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["expiry.card_3ds_minutes": .text("20"), "support.fraud_email": .text("fraud@example.com")])
        let flow = AnyFlow(try CardDeniedSimulator(content: content))
        let context = Shipped.context("2026-11-26T10:00:00")
        #expect(try flow.run(FlowInput(["stopped_at": .text("3-d-secure")]), context: context).outcome["merchantAction"]
            == .string("Ask the customer to pay again and finish the bank's verification step within 20 minutes."))
        #expect(try flow.run(FlowInput(["stopped_at": .text("fraud-detection")]), context: context).headline.contains("fraud@example.com"))
        #expect(try Shipped.rawSection("payment-expiry", "default-time-limits")?.contains("{{policy.expiry.card_3ds_minutes}}") == true)
        #expect(try Shipped.rawSection("bank-response-codes", "good-to-know")?.contains("{{policy.support.fraud_email}}") == true)
    }
}

@Suite("transaction-actions")
struct TransactionActionsTests {
    @Test("which actions are open", arguments: [
        (["status": "capture"], "view,cancel,report"),
        (["status": "capture", "fraud_status": "challenge"], "view,accept-or-deny,report"),
        (["status": "settlement", "transaction_time": "2026-11-20T09:00"], "view,refund,report"),
        (["status": "capture", "transaction_time": "2026-11-24T09:00"], "view,report"),
        (["status": "pending", "payment_type": "QRIS", "fraud_status": "none"], "view,cancel,report"),
        (["status": "settlement", "transaction_time": "2026-05-26T10:00"], "none"),
        (["status": "settlement", "transaction_time": "2026-05-26T10:00:01"], "view,refund,report"),
    ])
    func open(values: [String: String], verdict: String) throws {
        #expect(try Shipped.run("transaction-actions", values).verdict == verdict)
    }

    @Test("follows policies.yaml: the retention in months")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["portal.transaction_retention_months": .text("12")])
        let flow = AnyFlow(try TransactionActionsSimulator(content: content))
        let input = FlowInput(["status": .text("settlement"), "transaction_time": .text("2026-02-01T10:00")])
        #expect(try flow.run(input, context: Shipped.context("2026-11-26T10:00:00")).verdict == "view,refund,report")
        #expect(try Shipped.rawSection("manage-transactions", "good-to-know")?.contains("{{policy.portal.transaction_retention_months}}") == true)
    }

    @Test("invalid input names the field")
    func invalid() throws {
        #expect(try Shipped.error("transaction-actions", ["status": "paid"])?.description == "status: 'paid' is not one of the choices")
    }
}
