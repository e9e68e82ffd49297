/// Plain text made safe for Markdown, both ways an answer needs it.
///
/// A ticket variable (`var.customer.name=…`) is plain text: whatever it holds, it
/// must come out as those characters, never as a link, emphasis, an entity or a
/// heading. ``source(_:)`` writes it into the answer's Markdown source so that the
/// parser reads it back as literal text; ``text(_:atLineStart:)`` writes literal
/// text into Markdown output (the `markdown` answer format) so that a Markdown
/// viewer shows exactly it.
public enum MarkdownEscaping {
    /// `value` as Markdown source that parses to exactly its characters: every ASCII
    /// punctuation character backslash-escaped (CommonMark allows it of all of them),
    /// and control characters, line breaks included, turned into spaces, so that
    /// a value stays inside the line it was put in.
    public static func source(_ value: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result.unicodeScalars.append(" ")
            } else {
                if scalar.isASCII, isASCIIPunctuation(UInt8(scalar.value)) { result.unicodeScalars.append("\\") }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Literal `text` as Markdown output: the characters that could start markup
    /// are backslash-escaped, and no others, so ordinary prose reads as it was.
    ///
    /// Escaped anywhere: `\`, `` ` ``, `*`, `[`, `]`, `<`, `~`, `|`; `_` at a word's
    /// edge; `&` before a letter or `#` (an entity). At the start of a line also `#`,
    /// `>`, `-`, `+`, `=` and the `.` or `)` after leading digits (a heading, a
    /// quote, a list item, a setext underline).
    ///
    /// - Parameter atLineStart: whether `text` starts a line of the output.
    public static func text(_ text: String, atLineStart: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.unicodeScalars.reserveCapacity(scalars.count + 8)
        var lineStart = atLineStart
        var leadingDigits = false
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            var escape = false
            switch scalar {
            case "\\", "`", "*", "[", "]", "<", "~", "|":
                escape = true
            case "_":
                escape = !(previous.map(isWordCharacter) ?? false) || !(next.map(isWordCharacter) ?? false)
            case "&":
                escape = next.map { $0 == "#" || $0.properties.isAlphabetic } ?? false
            case "#", ">", "-", "+", "=":
                escape = lineStart
            case ".", ")":
                escape = leadingDigits
            default:
                break
            }
            if escape { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
            if scalar == "\n" || scalar == "\u{2028}" {
                lineStart = true
                leadingDigits = false
            } else if lineStart, scalar == " " {
                continue
            } else if lineStart || leadingDigits, ("0"..."9").contains(scalar) {
                lineStart = false
                leadingDigits = true
            } else {
                lineStart = false
                leadingDigits = false
            }
        }
        return result
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
