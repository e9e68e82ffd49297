public import KBContent
import Foundation

/// The raw values of one simulation, by input name, before a simulator validates them.
///
/// Built from `key=value` pairs (the CLI's `--set`), from a JSON object (a file, an
/// HTTP body), or by prompting. Names are matched with `-` and `_` alike and without
/// regard to case, so `transaction-time` and `Transaction_Time` are the same input.
public struct FlowInput: Sendable, Hashable, Codable {
    /// Each value by its normalized name.
    public private(set) var values: [String: FlowInputValue]

    public init(_ values: [String: FlowInputValue] = [:]) {
        self.values = [:]
        for (name, value) in values { self.values[Self.normalized(name)] = value }
    }

    /// Reads `name=value` pairs; the value may be empty and may hold further `=` signs.
    ///
    /// - Throws: ``FlowInputError`` for a pair without `=` or without a name, its text in `language`.
    public init(pairs: [String], language: Language = .source) throws(FlowInputError) {
        self.init()
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                let say = Phrases(language: language)
                throw FlowInputError(field: "input", say.notAPair(pair), hint: say.pairHint)
            }
            let name = String(pair[..<equals]).trimmingSpaces()
            let value = String(pair[pair.index(after: equals)...]).trimmingSpaces()
            set(name, .text(value))
        }
    }

    /// The value of an input, if given.
    public subscript(name: String) -> FlowInputValue? { values[Self.normalized(name)] }

    /// Sets (or replaces) one value.
    public mutating func set(_ name: String, _ value: FlowInputValue) {
        values[Self.normalized(name)] = value
    }

    /// These values, with `other`'s added on top (the latter win).
    public func merging(_ other: FlowInput) -> FlowInput {
        var merged = self
        for (name, value) in other.values { merged.values[name] = value }
        return merged
    }

    /// The names given, sorted.
    public var names: [String] { values.keys.sorted() }

    static func normalized(_ name: String) -> String {
        name.trimmingSpaces().lowercased().replacingOccurrences(of: "-", with: "_")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([String: FlowInputValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}

/// One raw input value: a string, or a list of strings.
public enum FlowInputValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case text(String)
    case list([String])

    /// The items of a list; a text splits at commas and new lines (empty items dropped).
    public var items: [String] {
        switch self {
        case let .text(text):
            return text.split(whereSeparator: { $0 == "," || $0 == "\n" })
                .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        case let .list(items):
            return items.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
    }

    /// The value as one string: a list joined with ", ".
    public var description: String {
        switch self {
        case let .text(text): return text
        case let .list(items): return items.joined(separator: ", ")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let items = try? container.decode([String].self) {
            self = .list(items)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .text(text): try container.encode(text)
        case let .list(items): try container.encode(items)
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and new lines.
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
