import ArgumentParser
import Foundation
import KBContent
import KBFlows
import KnowledgeBase

/// `kb explain`: what a pasted Midtrans response, notification or redirect URL means.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a Midtrans API response, notification or redirect URL: what happened and what to do.",
        discussion: """
        Reads one JSON object (a charge or status response, a payment notification) or a \
        redirect URL with ?order_id=…&status_code=…&transaction_status=…, from FILE or \
        standard input (- or no FILE), and says in a few lines whether the payment is paid, \
        why (status_code, transaction_status, fraud_status, and for a card denial the bank's \
        response code from the table), what to do next, which articles and codes to read, \
        and the kb simulate command that answers the next question.

        With --server-key (or MIDTRANS_SERVER_KEY), a notification's signature_key is \
        checked: SHA-512 of order_id + status_code + gross_amount + the key. The key is \
        never printed.

        Exit status: 0 explained, 1 content errors, 2 input that is not a Midtrans JSON \
        object or redirect URL (malformed JSON is named by line and column).
        """
    )

    @Argument(help: ArgumentHelp("The file to read; - or nothing for standard input.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("The merchant's server key, to check signature_key (default: MIDTRANS_SERVER_KEY).", valueName: "key"))
    var serverKey: String?

    @Option(help: ArgumentHelp("The moment for the suggested kb simulate command, ISO 8601 (default: when it runs).", valueName: "time"))
    var now: String?

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    @OptionGroup var contentOptions: ContentOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if let now, FlowTime.parse(now, in: TimeZone(secondsFromGMT: 0) ?? .current) == nil {
            throw ValidationError("--now: '\(now)' is not an ISO 8601 date-time such as 2026-11-25T09:30:00+07:00")
        }
    }

    func run() throws {
        let text: String
        let name = file ?? "-"
        if name == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: name) else {
                Terminal.standardError("error: cannot read '\(name)'\nhint: give a readable file, or - for standard input")
                throw ExitCode(2)
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let message: MidtransMessage
        do {
            message = try MidtransMessage(reading: text)
        } catch {
            let place = name == "-" ? "<stdin>" : name
            let location = error.line.map { ":\($0):\(error.column ?? 1)" } ?? ""
            Terminal.standardError("error: \(place)\(location): \(error.message)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
            throw ExitCode(2)
        }
        let knowledgeBase = try languageOptions.edition(of: contentOptions.loadKnowledgeBase())
        let key = serverKey ?? ProcessInfo.processInfo.environment["MIDTRANS_SERVER_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let moment = now.flatMap { FlowTime.parse($0, in: TimeZone(secondsFromGMT: 0) ?? .current) }
        let explanation = knowledgeBase.explain(message, serverKey: key, now: moment)
        if json { return try Terminal.printJSON(explanation) }
        print(explanation.text)
    }
}
