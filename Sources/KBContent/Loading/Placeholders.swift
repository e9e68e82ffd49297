/// `{{namespace.path}}` placeholders in content text.
///
/// Articles and codes may use `{{policy.<path>}}`, filled in from
/// `policies.yaml` when the content loads.
public enum Placeholders {
    /// One `{{…}}` occurrence: its name (trimmed) and where it starts.
    public struct Occurrence: Sendable, Hashable {
        public var name: String
        /// 1-based line and column of the opening braces within the text.
        public var line: Int
        public var column: Int
    }

    /// Every placeholder in `text`, in order.
    public static func occurrences(in text: String) -> [Occurrence] {
        var result: [Occurrence] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, lineStart = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
            } else if scalar == "{", index + 1 < scalars.count, scalars[index + 1] == "{",
                      let close = closingBraces(in: scalars, from: index + 2) {
                let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close])).trimmingSpaces()
                result.append(Occurrence(name: name, line: line, column: index - lineStart + 1))
                index = close + 2
                continue
            }
            index += 1
        }
        return result
    }

    /// `text` with every `{{name}}` for which `value(name)` answers replaced;
    /// the others are left as they are.
    public static func fill(_ text: String, _ value: (String) -> String?) -> String {
        guard hasOpeningBraces(text) else { return text }
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = closingBraces(in: scalars, from: index + 2) {
                let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close])).trimmingSpaces()
                if let replacement = value(name) {
                    result += replacement
                    index = close + 2
                    continue
                }
            }
            result.unicodeScalars.append(scalars[index])
            index += 1
        }
        return result
    }

    /// Whether `text` holds `{{` anywhere: a byte scan, since most texts hold none.
    static func hasOpeningBraces(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            var index = bytes.firstIndex(of: UInt8(ascii: "{"))
            while let at = index, at + 1 < bytes.count {
                if bytes[at + 1] == UInt8(ascii: "{") { return true }
                index = bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "{"))
            }
            return false
        }
    }

    /// The index of the `}}` closing a placeholder that opened before `start`,
    /// if it closes on the same line.
    private static func closingBraces(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "\n" || (scalars[index] == "{" && scalars[index + 1] == "{") { return nil }
            if scalars[index] == "}" && scalars[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }
}

extension Policies {
    /// The value of a `policy.<path>` placeholder name, if it names a value.
    func placeholderValue(_ name: String) -> String? {
        placeholderValue(name, in: .source)
    }

    /// The value of a `policy.<path>` placeholder name as written in `language` (a list
    /// reads "a, b and c" in English, "a, b dan c" in Indonesian).
    func placeholderValue(_ name: String, in language: Language) -> String? {
        guard name.hasPrefix("policy.") else { return nil }
        return values[String(name.dropFirst("policy.".count))]?.rendered(in: language)
    }
}
