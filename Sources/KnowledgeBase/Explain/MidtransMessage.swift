import Foundation

/// What a merchant or agent pastes: a Midtrans API response or payment notification
/// (a JSON object), or a redirect URL with `?order_id=…&status_code=…&transaction_status=…`,
/// read into the fields `kb explain` understands.
public struct MidtransMessage: Sendable, Hashable, Codable {
    /// Where the fields came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A JSON object: an API response or a notification.
        case json
        /// A redirect URL's query string.
        case redirect
    }

    public var source: Source
    public var statusCode: String?
    public var statusMessage: String?
    public var transactionStatus: String?
    public var fraudStatus: String?
    public var paymentType: String?
    public var channelResponseCode: String?
    public var channelResponseMessage: String?
    public var orderID: String?
    public var grossAmount: String?
    public var currency: String?
    public var transactionTime: String?
    public var signatureKey: String?
    /// Keys present that `kb explain` does not read, sorted (`va_numbers`, `bank`).
    public var otherFields: [String]

    enum CodingKeys: String, CodingKey {
        case source
        case statusCode = "status_code"
        case statusMessage = "status_message"
        case transactionStatus = "transaction_status"
        case fraudStatus = "fraud_status"
        case paymentType = "payment_type"
        case channelResponseCode = "channel_response_code"
        case channelResponseMessage = "channel_response_message"
        case orderID = "order_id"
        case grossAmount = "gross_amount"
        case currency
        case transactionTime = "transaction_time"
        case signatureKey = "signature_key"
        case otherFields = "other_fields"
    }

    /// The keys read, as Midtrans spells them.
    static let readKeys: [String] = [
        "status_code", "status_message", "transaction_status", "fraud_status", "payment_type", "channel_response_code",
        "channel_response_message", "order_id", "gross_amount", "currency", "transaction_time", "signature_key",
    ]

    /// A message must have at least one of these to be read as Midtrans'.
    static let identifyingKeys = ["status_code", "transaction_status", "fraud_status", "order_id"]

    /// Whether a number JSONSerialization read is `true` or `false`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" && (number == true as NSNumber || number == false as NSNumber)
    }

    /// The longest text read, in bytes: a response or notification is a few KB.
    public static let maxLength = 64 * 1024

    /// Reads `text`: a JSON object, or a URL (or just its query string) with Midtrans'
    /// redirect parameters.
    ///
    /// - Throws: ``ExplainInputError`` for malformed JSON (with its line and column), a
    ///   JSON value that is not an object, an object or URL with none of the fields,
    ///   text that is neither, or text over ``maxLength``.
    public init(reading text: String) throws(ExplainInputError) {
        guard text.utf8.count <= Self.maxLength else {
            throw ExplainInputError(
                "the input has \(text.utf8.count) bytes; at most \(Self.maxLength) are read",
                hint: "paste one response or notification, not a log file"
            )
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.hasPrefix("\"") {
            try self.init(json: text)
        } else if let query = Self.query(of: trimmed) {
            try self.init(query: query)
        } else {
            throw ExplainInputError(
                "this is neither a JSON object nor a redirect URL",
                hint: "paste a Midtrans API response or notification ({\"status_code\": …}) or a redirect URL with ?order_id=…&transaction_status=…"
            )
        }
    }

    private init(json text: String) throws(ExplainInputError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw ExplainInputError.malformedJSON(text, error)
        }
        guard let members = object as? [String: Any] else {
            throw ExplainInputError(
                "the JSON is \(Self.kind(of: object)), not an object",
                hint: "paste the whole response or notification: one JSON object such as {\"status_code\": \"200\", …}"
            )
        }
        var values: [String: String] = [:]
        for (key, value) in members {
            if let string = value as? String {
                values[key] = string
            } else if let number = value as? NSNumber, !Self.isBoolean(number) {
                values[key] = number.stringValue
            } else if Self.readKeys.contains(key) {
                throw ExplainInputError(
                    "'\(key)' is \(Self.kind(of: value)), not a string or a number",
                    hint: "Midtrans sends \(key) as a string, e.g. \"\(key)\": \"…\""
                )
            }
        }
        try self.init(source: .json, values: values, keys: Array(members.keys))
    }

    private init(query: String) throws(ExplainInputError) {
        var values: [String: String] = [:]
        var keys: [String] = []
        for part in query.split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let key = decode(pair[0])
            keys.append(key)
            if values[key] == nil { values[key] = pair.count > 1 ? decode(pair[1]) : "" }
        }
        try self.init(source: .redirect, values: values, keys: keys)
    }

    private init(source: Source, values: [String: String], keys: [String]) throws(ExplainInputError) {
        guard Self.identifyingKeys.contains(where: { values[$0] != nil }) else {
            throw ExplainInputError(
                "this is not a Midtrans \(source == .json ? "response or notification" : "redirect URL"): it has none of "
                    + "status_code, transaction_status, fraud_status, order_id",
                hint: source == .json
                    ? "paste the JSON Midtrans returned or sent, e.g. {\"status_code\": \"202\", \"transaction_status\": \"deny\", …}"
                    : "paste the URL the customer was sent back to, with ?order_id=…&status_code=…&transaction_status=…"
            )
        }
        func value(_ key: String) -> String? {
            values[key].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.source = source
        statusCode = value("status_code")
        statusMessage = value("status_message")
        transactionStatus = value("transaction_status")?.lowercased()
        fraudStatus = value("fraud_status")?.lowercased()
        paymentType = value("payment_type")?.lowercased()
        channelResponseCode = value("channel_response_code")
        channelResponseMessage = value("channel_response_message")
        orderID = value("order_id")
        grossAmount = value("gross_amount")
        currency = value("currency")
        transactionTime = value("transaction_time")
        signatureKey = value("signature_key")
        otherFields = Array(Set(keys).subtracting(Self.readKeys)).sorted()
    }

    /// The query string of a URL or of `?a=b&c=d`, or the text itself when it is one.
    private static func query(of text: String) -> String? {
        guard !text.contains(" "), !text.contains("\n") else { return nil }
        if let mark = text.firstIndex(of: "?") {
            let query = text[text.index(after: mark)...]
            return String(query.split(separator: "#", maxSplits: 1).first ?? "")
        }
        return text.contains("=") ? text : nil
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: "an array"
        case is String: "a string"
        case let number as NSNumber: isBoolean(number) ? "true or false" : "a number"
        case is [String: Any]: "an object"
        default: "null"
        }
    }
}

/// Input `kb explain` cannot read, saying why and what it expects; for malformed JSON,
/// where (line and column, from 1).
public struct ExplainInputError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var line: Int?
    public var column: Int?

    public init(_ message: String, hint: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
    }

    /// `line 3, column 9: the JSON is malformed`, or the message alone.
    public var description: String {
        guard let line, let column else { return message }
        return "line \(line), column \(column): \(message)"
    }

    /// Malformed JSON, placed at the character Foundation names ("around character 22"),
    /// counted in `text`.
    static func malformedJSON(_ text: String, _ error: any Error) -> ExplainInputError {
        let description = String(describing: error)
        var offset: Int?
        if let range = description.range(of: "character ") {
            offset = Int(description[range.upperBound...].prefix { $0.isNumber })
        }
        let hint = "check the quotes, commas and braces there; a notification is one JSON object"
        guard let offset else { return ExplainInputError("the JSON is malformed", hint: hint) }
        var line = 1
        var column = 1
        for (index, character) in text.utf8.enumerated() {
            if index >= offset { break }
            if character == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if character & 0xC0 != 0x80 {
                column += 1
            }
        }
        return ExplainInputError("the JSON is malformed", hint: hint, line: line, column: column)
    }
}
