import Foundation
import KBContent

/// The identifiers in a ticket's text, and the prose left once they are taken out.
struct TicketExtraction {
    /// Bank response codes the text names ("code 51", "kode 05", `"channel_response_code": "N7"`), in order, each once.
    var codes: [String] = []
    var statusCodes: [String] = []
    var orderIDs: [String] = []
    var emails: [String] = []
    /// The first Midtrans message pasted into the ticket (a JSON object or a redirect URL).
    var message: MidtransMessage?
    /// The text without pasted JSON, URLs and e-mail addresses.
    var prose: String

    /// The prose's questions (sentences ending in `?`), in order: where a ticket says what it wants.
    var questions: [String] {
        var result: [String] = []
        var sentence = ""
        for character in prose {
            if ".!\n".contains(character) {
                sentence = ""
            } else if character == "?" {
                let text = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.split(separator: " ").count >= 2 { result.append(text) }
                sentence = ""
            } else {
                sentence.append(character)
            }
        }
        return result
    }

    /// The longest ticket read, in characters; the rest is ignored.
    static let maxLength = 64 * 1024

    init(_ ticket: String, content: Content) {
        var text = String(ticket.prefix(Self.maxLength))
        // Pasted JSON objects: the first Midtrans one is the message; all leave the prose.
        for block in Self.jsonBlocks(in: text) {
            if message == nil, let parsed = try? MidtransMessage(reading: block) { message = parsed }
            text = text.replacingOccurrences(of: block, with: " ")
        }
        for url in Self.matches(#"https?://[^\s"'<>]+"#, in: text) {
            if message == nil, url.contains("transaction_status="), let parsed = try? MidtransMessage(reading: url) { message = parsed }
            text = text.replacingOccurrences(of: url, with: " ")
        }
        emails = Self.unique(Self.matches(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, in: ticket))
        for email in emails { text = text.replacingOccurrences(of: email, with: " ") }

        var orders = Self.captures(#"(?i)"?order_id"?\s*[:=]\s*"?([A-Za-z0-9][A-Za-z0-9._-]{2,})"#, in: ticket)
        orders += Self.captures(#"(?i)\border(?:\s*id)?\s*(?:no\.?|number|#|:)?\s*#?\s*([A-Z0-9]+-[A-Z0-9-]*[0-9][A-Z0-9-]*)\b"#, in: ticket)
        orders += Self.matches(#"\b(?:ORDER|INV|TRX|ORD)-[A-Za-z0-9-]*[0-9]\b"#, in: ticket)
        if let order = message?.orderID { orders.insert(order, at: 0) }
        orderIDs = Self.unique(orders)
        for order in orderIDs { text = text.replacingOccurrences(of: order, with: " ") }

        var named: [String] = []
        if let code = message?.channelResponseCode { named.append(code) }
        named += Self.captures(#"(?i)channel_response_code"?\s*[:=]\s*"?([0-9A-Za-z]{2})\b"#, in: ticket)
        named += Self.captures(
            #"(?i)\b(?:response|decline|declined|error|reason|rc|kode|code)\s*(?:code|kode)?\s*(?:is|was|says|nya|adalah|=|:|#)?\s*["'(]?([0-9]{2}|[A-Za-z][0-9])\b"#,
            in: ticket
        )
        // "00 Approved" in a successful response is not what a ticket is about.
        codes = Self.unique(named.compactMap { content.responseCode($0) }.filter { $0.responseClass != .approved }.map(\.code))
        var statuses = Self.captures(#"(?i)status_code"?\s*[:=]\s*"?([0-9]{3})\b"#, in: ticket)
        if let status = message?.statusCode { statuses.insert(status, at: 0) }
        statusCodes = Self.unique(statuses)
        prose = text
    }

    /// Every balanced `{…}` at the top level of `text` (braces inside strings skipped).
    static func jsonBlocks(in text: String) -> [String] {
        var blocks: [String] = []
        var depth = 0
        var start: String.Index?
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"", depth > 0 {
                inString = true
            } else if character == "{" {
                if depth == 0 { start = index }
                depth += 1
            } else if character == "}", depth > 0 {
                depth -= 1
                if depth == 0, let begin = start {
                    blocks.append(String(text[begin...index]))
                    start = nil
                }
            }
            index = text.index(after: index)
        }
        return blocks
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// The first capture group of each match.
    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            guard match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text) else { return nil }
            return String(text[range])
        }
    }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
