import Foundation
import KBContent
import KBFlows
import Testing
@testable import KnowledgeBase

@Suite("kb explain: Midtrans messages in words")
struct ExplainTests {
    static let knowledgeBase = SearchTests.knowledgeBase

    static func explain(_ json: String, key: String? = nil, language: Language = .english) throws -> Explanation {
        knowledgeBase.edition(language).explain(try MidtransMessage(reading: json), serverKey: key)
    }

    @Test("SHA-512 gives the standard's digests")
    func sha512() {
        #expect(SHA512.hex("") == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        #expect(SHA512.hex("abc") == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        // Two blocks: the 896-bit message of FIPS 180-4's examples.
        let long = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(SHA512.hex(long) == "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    }

    @Test("a card deny with channel_response_code 51 names the code, says not to retry now, and links the article")
    func denied51() throws {
        let explanation = try Self.explain("""
        {"status_code": "202", "transaction_status": "deny", "fraud_status": "accept", "payment_type": "credit_card",
         "order_id": "ORDER-1", "gross_amount": "150000.00", "channel_response_code": "51", "channel_response_message": "Insufficient funds"}
        """)
        #expect(explanation.state == .denied)
        #expect(!explanation.paid)
        #expect(explanation.headline.contains("code 51, Insufficient funds"))
        #expect(explanation.bankCode?.retry == .later)
        #expect(explanation.next.first?.hasPrefix("Don't retry now; ask the customer for another card or a top-up") == true)
        let code = try #require(Self.knowledgeBase.content.responseCode("51"))
        #expect(explanation.next.contains(code.merchantAction), "the table's own words")
        #expect(explanation.read.contains { $0.kind == .code && $0.id == "51" && $0.command == "kb code 51" })
        #expect(explanation.read.contains { $0.kind == .article && $0.id == "bank-response-codes" })
        #expect(explanation.simulate == "kb simulate card-denied --set stopped_at=issuing-bank --set code=51")
    }

    @Test("capture with challenge is on hold for review, with how to accept or deny it")
    func challenge() throws {
        let explanation = try Self.explain("""
        {"status_code": "200", "transaction_status": "capture", "fraud_status": "challenge", "payment_type": "credit_card",
         "order_id": "ORDER-2", "transaction_time": "2026-11-25 10:00:00"}
        """)
        #expect(explanation.state == .onHold)
        #expect(!explanation.paid)
        #expect(explanation.headline.hasPrefix("On hold"))
        #expect(explanation.next.contains { $0.contains("Accept or Deny") })
        #expect(explanation.read.first?.id == "challenged-transactions")
        #expect(explanation.simulate?.hasPrefix("kb simulate transaction-actions --set payment_type=credit_card --set status=capture --set fraud_status=challenge") == true)
    }

    @Test("the paid rule: settlement, or capture for cards, with fraud accept or none")
    func paidRule() throws {
        let cases: [(String, Explanation.State)] = [
            (#"{"transaction_status": "settlement"}"#, .paid),
            (#"{"transaction_status": "settlement", "fraud_status": "accept"}"#, .paid),
            (#"{"transaction_status": "capture", "fraud_status": "accept", "payment_type": "credit_card"}"#, .paid),
            (#"{"transaction_status": "capture", "fraud_status": "deny"}"#, .denied),
            (#"{"transaction_status": "pending"}"#, .pending),
            (#"{"transaction_status": "authorize"}"#, .authorized),
            (#"{"transaction_status": "cancel"}"#, .cancelled),
            (#"{"transaction_status": "expire"}"#, .expired),
            (#"{"transaction_status": "failure"}"#, .failed),
            (#"{"transaction_status": "partial_refund"}"#, .refunded),
            (#"{"transaction_status": "chargeback"}"#, .chargedBack),
            (#"{"status_code": "401", "status_message": "Unauthorized"}"#, .requestFailed),
            (#"{"order_id": "X-1"}"#, .unknown),
            (#"{"transaction_status": "teleported"}"#, .unknown),
        ]
        for (json, state) in cases {
            let explanation = try Self.explain(json)
            #expect(explanation.state == state, "\(json)")
            #expect(explanation.paid == (state == .paid))
        }
    }

    @Test("a notification's signature is checked with the key, which never appears in the explanation")
    func signature() throws {
        let key = "SB-Mid-server-TestKey-9f8e7d"
        let signature = SHA512.hex("ORDER-3" + "200" + "275000.00" + key)
        func notification(amount: String) -> String {
            #"{"status_code": "200", "transaction_status": "settlement", "order_id": "ORDER-3", "gross_amount": "\#(amount)", "signature_key": "\#(signature)"}"#
        }
        let good = try Self.explain(notification(amount: "275000.00"), key: key)
        #expect(good.signature?.matches == true)
        let bad = try Self.explain(notification(amount: "2750000.00"), key: key)
        #expect(bad.signature?.matches == false)
        #expect(bad.signature?.text.hasPrefix("The signature does not match") == true)
        let unchecked = try Self.explain(notification(amount: "275000.00"))
        #expect(unchecked.signature?.matches == nil)
        for explanation in [good, bad, unchecked] {
            let json = String(decoding: try JSONEncoder().encode(explanation), as: UTF8.self)
            #expect(!json.contains(key))
            #expect(!explanation.text.contains(key))
        }
    }

    @Test("a redirect URL is read from its query string, and said to be no proof of payment")
    func redirect() throws {
        let explanation = try Self.explain("https://shop.example.co.id/thanks?order_id=ORDER-4&status_code=200&transaction_status=settlement")
        #expect(explanation.message.source == .redirect)
        #expect(explanation.message.orderID == "ORDER-4")
        #expect(explanation.state == .paid)
        #expect(explanation.notes.contains { $0.contains("redirect URL only says") })
    }

    @Test("what is not a Midtrans message is refused with what was expected; malformed JSON by line and column")
    func refused() {
        #expect(throws: ExplainInputError.self) { try MidtransMessage(reading: "hello there") }
        do {
            _ = try MidtransMessage(reading: "{\n  \"status_code\": \"200\",\n  \"transaction_status\": settlement\n}")
            Issue.record("malformed JSON was read")
        } catch {
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.hasPrefix("line 3, column"))
        }
        do {
            _ = try MidtransMessage(reading: #"["status_code", "200"]"#)
            Issue.record("an array was read")
        } catch {
            #expect(error.message.contains("an array, not an object"))
        }
        do {
            _ = try MidtransMessage(reading: #"{"name": "Budi", "city": "Jakarta"}"#)
            Issue.record("an object with no Midtrans field was read")
        } catch {
            #expect(error.message.contains("not a Midtrans response or notification"))
        }
        #expect(throws: ExplainInputError.self) { try MidtransMessage(reading: String(repeating: " ", count: 70_000) + "{}") }
        do {
            _ = try MidtransMessage(reading: #"{"order_id": true, "status_code": "200"}"#)
            Issue.record("a boolean order_id was read")
        } catch {
            #expect(error.message == "'order_id' is true or false, not a string or a number")
        }
        // Numbers are read as Midtrans' strings would be; 1 and 0 are numbers, not true and false.
        let numbers = try? MidtransMessage(reading: #"{"status_code": 1, "order_id": 0, "gross_amount": 150000}"#)
        #expect(numbers?.statusCode == "1")
        #expect(numbers?.orderID == "0")
        #expect(numbers?.grossAmount == "150000")
    }

    @Test("in Bahasa Indonesia, the code's Indonesian name and the Indonesian article")
    func indonesian() throws {
        let explanation = try Self.explain(
            #"{"status_code": "202", "transaction_status": "deny", "payment_type": "credit_card", "channel_response_code": "51"}"#,
            language: .indonesian
        )
        #expect(explanation.language == "id")
        #expect(explanation.headline.hasPrefix("Ditolak oleh bank penerbit kartu: kode 51"))
        let code = try #require(Self.knowledgeBase.edition(.indonesian).content.responseCode("51"))
        #expect(explanation.bankCode?.name == code.name)
        #expect(explanation.read.allSatisfy { $0.command.hasSuffix("--lang id") })
    }
}

/// docs/explain.md: every example's output, as printed there, is what kb explain prints.
@Suite("docs/explain.md examples")
struct ExplainDocumentTests {
    static let document = URL(fileURLWithPath: shippedContent).deletingLastPathComponent()
        .appendingPathComponent("docs/explain.md")

    @Test("each example in docs/explain.md gives exactly the output shown")
    func examples() throws {
        let lines = try String(contentsOf: Self.document, encoding: .utf8).components(separatedBy: "\n")
        var examples = 0
        var index = 0
        var input: String?
        while index < lines.count {
            let line = lines[index]
            guard line == "```json" || line == "```text" || line == "```console" else {
                index += 1
                continue
            }
            var block: [String] = []
            index += 1
            while index < lines.count, lines[index] != "```" {
                block.append(lines[index])
                index += 1
            }
            index += 1
            if line != "```console" {
                input = block.joined(separator: "\n")
                continue
            }
            guard let command = block.first, command.hasPrefix("$ kb explain response.json") || command.hasPrefix("$ kb explain redirect.txt"),
                  let text = input
            else { continue }
            let words = command.split(separator: " ").map(String.init)
            func option(_ name: String) -> String? { words.firstIndex(of: name).map { words[$0 + 1] } }
            let language = option("--lang").flatMap { Language(tag: $0) } ?? .english
            let now = option("--now").flatMap { FlowTime.parse($0, in: TimeZone(secondsFromGMT: 0)!) }
            let explanation = SearchTests.knowledgeBase.edition(language)
                .explain(try MidtransMessage(reading: text), serverKey: option("--server-key"), now: now)
            #expect(explanation.text == block.dropFirst().joined(separator: "\n"), "the example under \(command)")
            examples += 1
            input = nil
        }
        #expect(examples >= 15, "the document's examples were not found")
    }
}
