import Foundation
import Testing

@Suite("kb explain")
struct ExplainCommandTests {
    /// `text` in a new temporary file, named `name`.
    private func file(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a settlement notification with a wrong signature and --server-key: the signature does not match; the key is not printed")
    func wrongSignature() throws {
        let path = try file("notification.json", """
        {"status_code": "200", "transaction_status": "settlement", "fraud_status": "accept", "order_id": "ORDER-9",
         "gross_amount": "10000.00", "payment_type": "bank_transfer", "signature_key": "\(String(repeating: "ab", count: 64))"}
        """)
        let run = try KBRun("explain", path, "--server-key", "SB-Mid-server-Secret42")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Paid: the payment is settled."))
        #expect(run.stdout.contains("The signature does not match"))
        #expect(!run.stdout.contains("Secret42") && !run.stderr.contains("Secret42"))

        let fromEnvironment = try KBRun("explain", path, "--json", environment: ["MIDTRANS_SERVER_KEY": "SB-Mid-server-Secret42"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(fromEnvironment.stdout.utf8)) as? [String: Any])
        #expect((json["signature"] as? [String: Any])?["matches"] as? Bool == false)
        #expect(!fromEnvironment.stdout.contains("Secret42"))
    }

    @Test("malformed JSON is exit 2 naming the file, line and column; a non-Midtrans object says what was expected")
    func refused() throws {
        let broken = try file("broken.json", "{\n  \"status_code\": \"202\",\n  \"transaction_status\": deny\n}\n")
        let run = try KBRun("explain", broken)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: \(broken):3:"))
        #expect(run.stderr.contains("hint: "))
        #expect(run.stdout.isEmpty)

        let other = try file("person.json", #"{"name": "Budi"}"#)
        let refused = try KBRun("explain", other)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("none of status_code, transaction_status, fraud_status, order_id"))
    }

    @Test("kb answer --from-ticket: the best matches with why on stderr, the answer with the ticket's details on stdout")
    func fromTicket() throws {
        let path = try file("ticket.txt", """
        Dear team, my customer (sari@example.com) paid for ORDER-2026-0099 by card and it was refused,
        the bank response shows code 51. What should I tell her??
        Regards, Tono
        """)
        let run = try KBRun("answer", "--from-ticket", path, "--var", "customer.name=Sari")
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("1. code 51 Insufficient funds ["))
        #expect(run.stderr.contains("the ticket names response code 51"))
        #expect(run.stderr.contains("filled from the ticket and --var: customer.name=Sari, order_id=ORDER-2026-0099, user.email=sari@example.com"))
        #expect(run.stderr.contains("left as placeholders (--var to set): agent.name"))
        #expect(run.stdout.hasPrefix("Hi Sari,"))
        #expect(run.stdout.contains("ORDER-2026-0099"))

        let both = try KBRun("answer", "51", "--from-ticket", path)
        #expect(both.status != 0)
        #expect(both.stderr.contains("not both"))
    }
}
