import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("cancel-transaction")
struct CancelTransactionTests {
    @Test("a card capture at 23:59 on day D is cancellable until 16:00 on D+1, not at 16:00:00", arguments: [
        ("2026-11-25T23:59:00", "2026-11-26T15:59:59", "cancellable"),
        ("2026-11-25T23:59:00", "2026-11-26T16:00:00", "refund-instead"),
        ("2026-11-25T10:00:00", "2026-11-25T10:00:00", "cancellable"),
        ("2026-11-26T00:00:00", "2026-11-26T16:00:00", "cancellable"),
        ("2026-11-26T00:00:00", "2026-11-27T15:59:59", "cancellable"),
        ("2026-11-26T00:00:00", "2026-11-27T16:00:00", "refund-instead"),
    ])
    func cutoff(made: String, now: String, verdict: String) throws {
        let report = try Shipped.run("cancel-transaction", ["status": "capture", "transaction_time": made], now: now)
        #expect(report.verdict == verdict)
        #expect(report.timeZone == "Asia/Jakarta", "the flow's own zone is the default")
    }

    @Test("D is the day in Jakarta, even when the agent works in another zone")
    func otherZone() throws {
        let flow = try Shipped.flow("cancel-transaction")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-11-25 18:30 in Berlin is 2026-11-26 00:30 in Jakarta, so the cut-off is 27 Nov 16:00 WIB (10:00 in Berlin).
        let input = FlowInput(["status": .text("capture"), "transaction_time": .text("2026-11-25T18:30")])
        let before = try flow.run(input, context: FlowContext(now: Shipped.time("2026-11-27T15:59:59"), timeZone: berlin))
        #expect(before.verdict == "cancellable")
        #expect(before.headline.contains("10:00 Europe/Berlin, 27 November 2026"))
    }

    @Test("each kind of status", arguments: [
        (["status": "settlement"], "refund-instead"), (["status": "deny", "fraud_status": "deny"], "nothing-to-cancel"),
        (["status": "refund"], "nothing-to-cancel"), (["status": "pending"], "not-cancellable"),
        (["status": "capture", "fraud_status": "challenge"], "review-challenge"),
        (["status": "pending", "payment_type": "gopay", "fraud_status": "none"], "cancellable"),
        (["status": "pending", "payment_type": "bca-va"], "cancellable"),
        (["status": "settlement", "payment_type": "QRIS"], "refund-instead"),
    ])
    func statuses(values: [String: String], verdict: String) throws {
        var values = values
        values["transaction_time"] = "2026-11-26T09:00:00"
        #expect(try Shipped.run("cancel-transaction", values).verdict == verdict)
    }

    @Test("invalid input names the field", arguments: [
        (["status": "captured", "transaction_time": "now"], "status: 'captured' is not one of the choices"),
        (["status": "capture"], "transaction_time: a value is required"),
        (["status": "capture", "transaction_time": "yesterday"], "transaction_time: 'yesterday' is not a date-time"),
        (["status": "capture", "transaction_time": "2026-02-30T10:00"], "transaction_time: '2026-02-30T10:00' is not a date-time"),
        (["status": "capture", "transaction_time": "2026-11-26T11:00"], "transaction_time: 11:00 WIB (UTC+7), 26 November 2026 is after now (10:00 WIB (UTC+7), 26 November 2026)"),
        (["status": "capture", "payment_type": "GoPay", "transaction_time": "now"], "status: capture is a card status, not one of GoPay"),
        (["status": "authorize", "payment_type": "QRIS", "transaction_time": "now"], "status: authorize is a card status, not one of QRIS"),
        (["status": "pending", "payment_type": "GoPay", "fraud_status": "challenge", "transaction_time": "now"], "fraud_status: challenge comes only with card payments in status capture, not GoPay in pending"),
        (["status": "capture", "payment_type": "cash", "transaction_time": "now"], "payment_type: 'cash' is not one of the choices"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("cancel-transaction", values)?.description == message)
    }

    @Test("follows policies.yaml: a D+2 18:00 cut-off, and the article writes the same placeholders, the zone by its label")
    func followsPolicy() throws {
        let content = Shipped.content(with: [
            "cancellation.cutoff_days_after_transaction": .text("2"), "cancellation.cutoff_time": .text("18:00"),
        ])
        let flow = AnyFlow(try CancelTransactionSimulator(content: content))
        let input = FlowInput(["status": .text("capture"), "transaction_time": .text("2026-11-25T23:59")])
        #expect(try flow.run(input, context: Shipped.context("2026-11-27T17:59:59")).verdict == "cancellable")
        #expect(try flow.run(input, context: Shipped.context("2026-11-27T18:00:00")).verdict == "refund-instead")

        let section = try #require(try Shipped.rawSection("cancel-transaction", "when-a-cancel-is-possible"))
        for path in ["cutoff_days_after_transaction", "cutoff_time", "time_zone_label", "card_statuses"] {
            #expect(section.contains("{{policy.cancellation.\(path)}}"))
        }
        #expect(!section.contains("{{policy.cancellation.time_zone}}"), "text names the zone as merchants know it")
    }

    @Test("times in the policy's zone carry its label; the report keeps the zone's id; the cut-off is hedged")
    func zoneLabel() throws {
        let report = try Shipped.run("cancel-transaction", ["status": "capture", "transaction_time": "2026-11-25T23:59"], now: "2026-11-26T15:59:59")
        #expect(report.headline == "Cancellable until 16:00 WIB (UTC+7), 26 November 2026 (1 s left).")
        #expect(report.timeZone == "Asia/Jakarta")
        #expect(report.details.contains { $0.label == "Deadline" && $0.value == "16:00 WIB (UTC+7), 26 November 2026" })
        #expect(report.details.contains { $0.value.contains("can differ by acquiring bank") })
        #expect(report.trace.contains { $0.compared.contains("(D+1 16:00 WIB (UTC+7))") && $0.rule.contains("acquiring bank") })

        let content = Shipped.content(with: ["cancellation.time_zone_label": .text("Jakarta time")])
        let flow = AnyFlow(try CancelTransactionSimulator(content: content))
        let input = FlowInput(["status": .text("capture"), "transaction_time": .text("2026-11-25T23:59")])
        #expect(try flow.run(input, context: Shipped.context("2026-11-26T15:00:00")).headline.contains("16:00 Jakarta time, 26 November 2026"))
    }

    @Test("Midtrans's names: credit_card (card still read the same), capture, and authorize", arguments: [
        (["payment_type": "credit_card", "status": "capture"], "cancellable"),
        (["payment_type": "card", "status": "capture"], "cancellable"),
        (["payment_type": "Credit Card", "status": "capture"], "cancellable"),
        (["status": "capture"], "cancellable"),
        (["payment_type": "credit_card", "status": "authorize"], "not-cancellable"),
        (["payment_type": "credit_card", "status": "settlement"], "refund-instead"),
    ])
    func midtransNames(values: [String: String], verdict: String) throws {
        var values = values
        values["transaction_time"] = "2026-11-26T09:00:00"
        let report = try Shipped.run("cancel-transaction", values)
        #expect(report.verdict == verdict)
        if values["status"] == "authorize" {
            #expect(report.headline.contains("depends on the acquiring bank"), "a pre-authorization's cancel depends on the acquirer")
        }
    }

    @Test("the field offers credit_card, not card")
    func paymentTypeChoices() throws {
        let field = try #require(try Shipped.flow("cancel-transaction").fields.first { $0.name == "payment_type" })
        #expect(field.defaultValue == "credit_card")
        #expect(field.allowedValues.first == "credit_card" && !field.allowedValues.contains("card"))
        let status = try #require(try Shipped.flow("cancel-transaction").fields.first { $0.name == "status" })
        #expect(status.allowedValues.contains("authorize") && status.allowedValues.contains("capture"))
    }

    @Test("scenarios: the capture's cut-off table flips at 16:00:00")
    func scenarios() throws {
        let simulator = try CancelTransactionSimulator(content: Shipped.content)
        let tables = simulator.scenarios(context: Shipped.context("2026-11-25T12:00:00"))
        #expect(tables[0].rows.map { $0[1] } == ["Cancellable", "Cancellable", "Refund instead", "Refund instead"])
        #expect(tables[0].rows[1][0] == "15:59:59 WIB (UTC+7), 26 November 2026")
        #expect(tables[1].rows[1] == ["23:59 WIB (UTC+7), 25 November 2026", "16:00 WIB (UTC+7), 26 November 2026", "16 h 1 min"])
    }
}
