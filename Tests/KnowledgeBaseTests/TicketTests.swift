import Foundation
import KBContent
import Testing
@testable import KnowledgeBase

@Suite("Answers from a whole ticket")
struct TicketTests {
    static let knowledgeBase = SearchTests.knowledgeBase
    static let folder = URL(fileURLWithPath: shippedContent).deletingLastPathComponent()
        .appendingPathComponent("Tests/Relevance/tickets")

    /// Each ticket file: `expect: <slug or code:NN>`, a blank line, the ticket.
    static func tickets() throws -> [(name: String, expected: String, text: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            let expected = lines[0].replacingOccurrences(of: "expect: ", with: "").trimmingCharacters(in: .whitespaces)
            return (name, expected, lines.dropFirst(2).joined(separator: "\n"))
        }
    }

    @Test("the ticket set: at least 30 tickets as customers and merchants write them, the right article or code first for at least 90 %")
    func ticketSet() throws {
        let tickets = try Self.tickets()
        #expect(tickets.count >= 30)
        var hits = 0
        var misses: [String] = []
        for ticket in tickets {
            let edition = Self.knowledgeBase.edition(for: ticket.text, requested: nil)
            let first = edition.readTicket(ticket.text).matches.first
            let got = first.map { $0.kind == .code ? "code:\($0.id)" : $0.id } ?? "nothing"
            if got == ticket.expected { hits += 1 } else { misses.append("\(ticket.name): expected \(ticket.expected), got \(got)") }
        }
        let share = Double(hits) / Double(tickets.count)
        print("tickets: \(hits) of \(tickets.count) first (\(Int((share * 100).rounded())) %); misses: \(misses)")
        #expect(share >= 0.9, "top-1 \(hits)/\(tickets.count); misses: \(misses)")
    }

    @Test("identifiers lead: a code the ticket names, a pasted notification's bank code; the ticket's details are found")
    func identifiers() {
        let reading = Self.knowledgeBase.readTicket("""
        Hi, my customer budi.santoso@example.com tried three times on order ORDER-2026-0042 and keeps failing.
        The screen said response code 05. Is the card blocked?? Please help asap!!
        """)
        #expect(reading.matches.first?.kind == .code)
        #expect(reading.matches.first?.id == "05")
        #expect(reading.matches.first?.why.first == "the ticket names response code 05")
        #expect(reading.found.orderIDs == ["ORDER-2026-0042"])
        #expect(reading.found.emails == ["budi.santoso@example.com"])

        let pasted = Self.knowledgeBase.readTicket("""
        our log shows this, what happened? {"status_code": "202", "transaction_status": "deny", "payment_type": "credit_card",
        "order_id": "A-77", "channel_response_code": "54"} thanks
        """)
        #expect(pasted.matches.first?.id == "54")
        #expect(pasted.found.message?.hasPrefix("Denied by the card's bank: code 54") == true)
        #expect(pasted.found.orderIDs.first == "A-77")

        let approved = Self.knowledgeBase.readTicket(#"{"status_code": "200", "transaction_status": "capture", "channel_response_code": "00"}"#)
        #expect(approved.found.codes.isEmpty, "00 Approved in a successful response is not the subject")
    }

    @Test("a long ticket is weighed by its rarest words, not cut at the search limit")
    func longTicket() {
        let filler = String(repeating: "we have been a merchant for many years and we always liked the service a lot. ", count: 40)
        let reading = Self.knowledgeBase.readTicket(filler + "But today the portal says my IP address is not in the whitelist and I cannot log in.")
        #expect(reading.matches.first?.id == "ip-whitelist-login")
        #expect(reading.found.terms.contains("whitelist"))
        #expect(reading.found.terms.count <= KnowledgeBase.ticketTermCount)
    }
}
