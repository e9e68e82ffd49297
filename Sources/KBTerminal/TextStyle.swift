/// How terminal text is decorated: ANSI styles when colour is on, nothing otherwise.
public struct TextStyle: Sendable {
    /// Whether ANSI escape codes are written.
    public var usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public static let plain = TextStyle(usesColor: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func underline(_ text: String) -> String { wrap(text, "4") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func red(_ text: String) -> String { wrap(text, "31") }

    private func wrap(_ text: String, _ code: String) -> String {
        usesColor && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Word wrapping that counts ANSI escape sequences as zero width.
public enum TextWrapper {
    /// `text` broken into lines of at most `width` visible characters, each
    /// line after the first starting with `indent`. Words longer than a line stay whole.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> String {
        var lines: [String] = []
        var line = firstIndent
        var lineWidth = visibleWidth(firstIndent)
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = visibleWidth(String(word))
            if lineHasWord, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = indent
                lineWidth = visibleWidth(indent)
                lineHasWord = false
            }
            if lineHasWord {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The number of characters a terminal shows for `text` (escape sequences excluded).
    public static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if ("@"..."~").contains(scalar), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else if !scalar.properties.isDefaultIgnorableCodePoint, scalar.properties.generalCategory != .nonspacingMark {
                width += 1
            }
        }
        return width
    }
}
