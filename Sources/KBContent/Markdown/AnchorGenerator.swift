/// Makes heading anchors the way GitHub does: lower-case words joined by
/// hyphens, punctuation dropped, and `-1`, `-2`… added to repeats.
public struct AnchorGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    /// The anchor for a heading's text, unique within this generator.
    public mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }

    /// The text as a lower-case, hyphenated identifier (`"Why? It's locked"` → `why-its-locked`).
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" {
                result += "-"
            }
        }
        return result.isEmpty ? "section" : result
    }
}
