/// The syntax check the portal's user form makes on an email address: one `@`, a
/// local part, and a domain of dot-separated labels ending in a top-level domain.
enum EmailAddress {
    /// What is wrong with `text` as an email address, or `nil` when it is one.
    static func problem(with text: String) -> String? {
        if text.contains(where: \.isWhitespace) { return "it contains a space" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "it has no @" : "it has more than one @" }
        let local = parts[0], domain = parts[1].lowercased()
        if local.isEmpty { return "nothing comes before the @" }
        if domain.isEmpty { return "nothing comes after the @" }
        guard local.allSatisfy({ $0.isASCII && !$0.isNewline && !"()<>[]:;,\\\"".contains($0) }) else {
            return "'\(local)' has a character an address cannot hold"
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "'\(local)' has a misplaced dot"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain '\(domain)' has no dot" }
        for label in labels {
            guard !label.isEmpty, label.count <= 63,
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else {
                return "the domain '\(domain)' is not a valid host name"
            }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) || top.hasPrefix("xn--") else {
            return "the domain '\(domain)' does not end in a top-level domain"
        }
        return nil
    }
}
