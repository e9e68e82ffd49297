/// Masks what could name a person before text is stored: e-mail addresses become
/// `[email]` and runs of 12 to 19 digits (card numbers, spaces or dashes allowed
/// between groups) become `[number]`.
public enum PrivacyMask {
    public static let emailMask = "[email]"
    public static let numberMask = "[number]"

    /// `text` with every e-mail address and card-like number masked.
    public static func mask(_ text: String) -> String {
        guard text.contains(where: { $0 == "@" || $0.isNumber }) else { return text }
        return maskNumbers(maskEmails(text))
    }

    private static func isLocalPart(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || "._%+-'!#$&*/=?^`{|}~".contains(c)
    }

    private static func isDomainPart(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "-" || c == "."
    }

    /// Each `local@domain.tld` becomes ``emailMask``.
    static func maskEmails(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        var copiedUpTo = 0
        while index < characters.count {
            guard characters[index] == "@" else { index += 1; continue }
            var start = index
            while start > copiedUpTo, isLocalPart(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, isDomainPart(characters[end]) { end += 1 }
            // The domain must hold a dot with something on both sides of it.
            var domain = characters[(index + 1)..<end]
            while let last = domain.last, last == "." || last == "-" { domain.removeLast() }
            let dot = domain.firstIndex(of: ".")
            if start < index, let dot, dot > index + 1, dot < domain.endIndex - 1 {
                output += String(characters[copiedUpTo..<start]) + emailMask
                copiedUpTo = domain.endIndex
                index = domain.endIndex
            } else {
                index += 1
            }
        }
        output += String(characters[copiedUpTo...])
        return output
    }

    /// Each run of 12 to 19 digits (single spaces or dashes between them allowed)
    /// becomes ``numberMask``.
    static func maskNumbers(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber,
                  index == 0 || !(characters[index - 1].isNumber) else {
                output.append(characters[index])
                index += 1
                continue
            }
            // The run: digits, with one separator at a time between them.
            var end = index, digits = 0, lastDigitEnd = index
            while end < characters.count {
                let c = characters[end]
                if c.isASCII, c.isNumber {
                    digits += 1
                    end += 1
                    lastDigitEnd = end
                } else if c == " " || c == "-", end + 1 < characters.count,
                          characters[end + 1].isASCII, characters[end + 1].isNumber, end > index,
                          characters[end - 1].isNumber {
                    end += 1
                } else {
                    break
                }
            }
            if (12...19).contains(digits) {
                output += numberMask
            } else {
                output += String(characters[index..<lastDigitEnd])
            }
            index = lastDigitEnd
        }
        return output
    }
}
