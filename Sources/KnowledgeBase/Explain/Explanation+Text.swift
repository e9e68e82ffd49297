import KBContent

extension Explanation {
    /// The explanation as `kb explain` prints it: the headline, the transaction in one
    /// line, then Why, What to do, the signature, what to read and what to try, each
    /// a short list.
    public var text: String {
        let english = language != Language.indonesian.code
        func title(_ en: String, _ id: String) -> String { english ? en : id }
        var lines = [headline]
        var facts: [String] = []
        if let order = message.orderID { facts.append("order_id \(order)") }
        if let type = message.paymentType { facts.append(type) }
        if let amount = message.grossAmount { facts.append([amount, message.currency].compactMap { $0 }.joined(separator: " ")) }
        if let time = message.transactionTime { facts.append(time) }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }

        func section(_ heading: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("")
            lines.append(heading)
            lines += items.map { "  - " + $0 }
        }
        section(title("Why", "Mengapa"), why)
        section(title("What to do", "Yang perlu dilakukan"), next)
        if let signature { section(title("Signature", "Signature"), [signature.text]) }
        section(title("Read", "Baca"), read.map { reading in
            let name = reading.kind == .code ? (english ? "code " : "kode ") + "\(reading.id) \(reading.title)" : reading.title
            return "\(name)  (\(reading.command))"
        })
        if let simulate { section(title("Try", "Coba"), [simulate]) }
        section(title("Notes", "Catatan"), notes)
        return lines.joined(separator: "\n")
    }
}
