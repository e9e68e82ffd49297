/// The shared values of `Content/policies.yaml`, addressed by dotted paths
/// such as `lockout.max_failed_attempts`.
public struct Policies: Sendable, Hashable {
    /// Each leaf value by its dotted path.
    public private(set) var values: [String: PolicyValue]
    /// Where each value is written in `policies.yaml`, by dotted path (empty for
    /// policies made in code).
    public private(set) var locations: [String: SourceLocation]

    public init(values: [String: PolicyValue] = [:], locations: [String: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    public subscript(path: String) -> PolicyValue? { values[path] }

    /// The value at `path` as a whole number, if it is one.
    public func integer(_ path: String) -> Int? {
        guard case let .text(text)? = values[path] else { return nil }
        return Int(text)
    }

    /// The value at `path` as text (a list joined as "a, b and c").
    public func text(_ path: String) -> String? { values[path]?.rendered }

    /// Every path, sorted.
    public var paths: [String] { values.keys.sorted() }

    /// These policies with some values replaced (a translation's wording of a label or
    /// a phrase); the locations of the replaced values move to where they are written.
    public func overriding(_ other: Policies) -> Policies {
        var result = self
        for (path, value) in other.values where values[path] != nil {
            result.values[path] = value
            result.locations[path] = other.locations[path]
        }
        return result
    }
}

/// A leaf of `policies.yaml`: one value or a list of values.
public enum PolicyValue: Sendable, Hashable {
    case text(String)
    case list([String])

    /// The value as it appears in English text: a list reads "a, b and c".
    public var rendered: String { rendered(in: .source) }

    /// The value as it appears in text in `language`: a list reads "a, b and c", "a, b dan c".
    public func rendered(in language: Language) -> String {
        switch self {
        case let .text(text):
            return text
        case let .list(items):
            guard items.count > 1 else { return items.first ?? "" }
            let and = language == .indonesian ? " dan " : " and "
            return items.dropLast().joined(separator: ", ") + and + items[items.count - 1]
        }
    }
}
