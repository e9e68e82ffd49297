import KBContent

/// The syntax check the portal's user form makes on an email address: one `@`, a
/// local part, and a domain of dot-separated labels ending in a top-level domain.
enum EmailAddress {
    /// What is wrong with `text` as an email address, in `language`, or `nil` when it is one.
    static func problem(with text: String, language: Language = .source) -> String? {
        let say = Phrases(language: language)
        if text.contains(where: \.isWhitespace) { return say.space }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? say.noAt : say.severalAts }
        let local = parts[0], domain = parts[1].lowercased()
        if local.isEmpty { return say.nothingBeforeAt }
        if domain.isEmpty { return say.nothingAfterAt }
        guard local.allSatisfy({ $0.isASCII && !$0.isNewline && !"()<>[]:;,\\\"".contains($0) }) else {
            return say.badCharacter(String(local))
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return say.misplacedDot(String(local))
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return say.domainWithoutDot(domain) }
        for label in labels {
            guard !label.isEmpty, label.count <= 63,
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else {
                return say.invalidDomain(domain)
            }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) || top.hasPrefix("xn--") else {
            return say.noTopLevelDomain(domain)
        }
        return nil
    }

    /// What the check says, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var space: String { text(en: "it contains a space", id: "ada spasi di dalamnya") }
        var noAt: String { text(en: "it has no @", id: "tidak ada tanda @") }
        var severalAts: String { text(en: "it has more than one @", id: "ada lebih dari satu tanda @") }
        var nothingBeforeAt: String { text(en: "nothing comes before the @", id: "tidak ada apa pun sebelum tanda @") }
        var nothingAfterAt: String { text(en: "nothing comes after the @", id: "tidak ada apa pun setelah tanda @") }

        func badCharacter(_ local: String) -> String {
            text(en: "'\(local)' has a character an address cannot hold", id: "'\(local)' memuat karakter yang tidak boleh ada di alamat email")
        }

        func misplacedDot(_ local: String) -> String {
            text(en: "'\(local)' has a misplaced dot", id: "posisi titik di '\(local)' tidak tepat")
        }

        func domainWithoutDot(_ domain: String) -> String {
            text(en: "the domain '\(domain)' has no dot", id: "domain '\(domain)' tidak memiliki titik")
        }

        func invalidDomain(_ domain: String) -> String {
            text(en: "the domain '\(domain)' is not a valid host name", id: "domain '\(domain)' bukan nama host yang valid")
        }

        func noTopLevelDomain(_ domain: String) -> String {
            text(en: "the domain '\(domain)' does not end in a top-level domain", id: "domain '\(domain)' tidak diakhiri domain tingkat atas (misalnya .com atau .id)")
        }
    }
}
