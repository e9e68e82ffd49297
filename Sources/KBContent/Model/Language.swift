/// A language the help center is written in. English is the source; every other
/// language is a translation of it, kept in `Content/<code>/`.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case english = "en"
    case indonesian = "id"

    /// The source language, which every translation follows.
    public static let source = Language.english

    /// The languages translated from the source.
    public static var translations: [Language] { allCases.filter { $0 != .source } }

    /// The BCP 47 code: `en`, `id`.
    public var code: String { rawValue }

    /// The language's own name for itself: English, Bahasa Indonesia.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .indonesian: "Bahasa Indonesia"
        }
    }

    /// The language for a BCP 47 tag or a plain code, any case (`id`, `id-ID`, `in`, `EN-us`).
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en": self = .english
        case "id", "in": self = .indonesian
        default: return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
