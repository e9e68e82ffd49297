/// The ticket details an answer can mention, each with a default for when the
/// agent does not give it.
public struct AnswerVariables: Sendable, Hashable {
    /// Every variable an answer may use, and the text used when it is not given.
    public static let defaults: [String: String] = [
        "customer.name": "there",
        "agent.name": "Midtrans Support",
        "order_id": "your order",
        "user.email": "the user",
    ]

    /// The defaults in Indonesian answers: a formal, neutral greeting and the team's name.
    public static let indonesianDefaults: [String: String] = [
        "customer.name": "Bapak/Ibu",
        "agent.name": "Tim Support Midtrans",
        "order_id": "pesanan Anda",
        "user.email": "pengguna tersebut",
    ]

    /// The names of the variables, for the checker.
    public static let names = Set(defaults.keys)

    /// The values given, by name.
    public private(set) var values: [String: String]

    /// Checks every name; an unknown one is an error that lists the known names.
    public init(_ values: [String: String] = [:]) throws(AnswerError) {
        for name in values.keys where !Self.names.contains(name) {
            throw .unknownVariable(name)
        }
        self.values = values
    }

    /// The value to write for `name`: the given one, else the default.
    public func value(_ name: String) -> String? {
        values[name] ?? Self.defaults[name]
    }

    /// The value to write for `name` in an answer in `language`: the given one, else
    /// that language's default.
    public func value(_ name: String, in language: Language) -> String? {
        values[name] ?? (language == .indonesian ? Self.indonesianDefaults[name] : Self.defaults[name])
    }

    /// The variables `template` uses that were not given, sorted.
    public func missing(in template: String) -> [String] {
        let used = Set(Placeholders.occurrences(in: template).map(\.name)).intersection(Self.names)
        return used.subtracting(values.keys).sorted()
    }
}

/// Why an answer could not be made.
public enum AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownVariable(String)
    /// `--strict` and variables the answer uses were not given.
    case missingVariables([String])

    public var description: String {
        switch self {
        case let .unknownVariable(name):
            let known = AnswerVariables.names.sorted().joined(separator: ", ")
            return "unknown variable '\(name)'; answers know: \(known)"
        case let .missingVariables(names):
            let flags = names.map { "--var \($0)=…" }.joined(separator: " ")
            return "the answer needs \(names.joined(separator: ", ")); give \(flags)"
        }
    }
}
