import KBContent

/// The texts for people of one simulator (or of the checks every flow shares), in the
/// language of a run.
///
/// Each text is written once per language, side by side, so a translation is read next
/// to its source; a language added to ``KBContent/Language`` is a compile error in
/// ``text(en:id:)``, and so everywhere a text lacks it. Ids (verdicts, field names,
/// allowed values, `transaction_status` values) are never put through a phrasebook.
protocol Phrasebook {
    var language: Language { get }
}

extension Phrasebook {
    /// The text in this phrasebook's language.
    func text(en english: @autoclosure () -> String, id indonesian: @autoclosure () -> String) -> String {
        switch language {
        case .english: english()
        case .indonesian: indonesian()
        }
    }

    /// `yes` or `no`; `ya` or `tidak`.
    func yesNo(_ flag: Bool) -> String {
        text(en: flag ? "yes" : "no", id: flag ? "ya" : "tidak")
    }

    /// `Yes` or `No` for a table cell; `Ya` or `Tidak`.
    func yesNoCell(_ flag: Bool) -> String {
        text(en: flag ? "Yes" : "No", id: flag ? "Ya" : "Tidak")
    }

    /// Items as a sentence reads them: "a, b and c"; "a, b dan c".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + text(en: " and ", id: " dan ") + items[items.count - 1]
    }

    /// `text` as a table cell starts: its first letter upper case ("refund it…" → "Refund it…").
    func cell(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// An English ordinal: `1st`, `2nd`, `3rd`, `11th`, `22nd`.
    func ordinal(_ number: Int) -> String {
        let suffix = switch (number % 10, number % 100) {
        case (_, 11...13): "th"
        case (1, _): "st"
        case (2, _): "nd"
        case (3, _): "rd"
        default: "th"
        }
        return "\(number)\(suffix)"
    }
}
