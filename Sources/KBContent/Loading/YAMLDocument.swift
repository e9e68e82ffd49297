internal import Yams

/// A YAML text inside a content file, with the line where it starts, so that
/// every node can be located in the file (front matter starts on line 2).
struct YAMLDocument {
    var file: String
    var text: String
    /// Added to Yams' 1-based lines: 0 for a whole .yaml file, 1 for front matter.
    var lineOffset: Int

    /// Parses the text; a syntax error becomes a `yaml-syntax` diagnostic with its line.
    func root(_ collector: DiagnosticCollector) -> Node? {
        do {
            // Every scalar is read as text (kb reads its fields as strings),
            // so Yams resolves no tags by regular
            // expression; the encoding is given so that it reads no environment.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            let location = mark.map { self.location($0) } ?? SourceLocation(file: file, line: lineOffset + 1)
            collector.error(
                .yamlSyntax, location, "YAML cannot be parsed: \(problem)",
                hint: "check the indentation and quoting on this line; values holding ': ', '#', '{' or '[' need quotes"
            )
        } catch {
            collector.error(.yamlSyntax, SourceLocation(file: file, line: lineOffset + 1), "YAML cannot be parsed: \(error)")
        }
        return nil
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            return (mark, problem + contextText)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate key '\(duplicates.joined(separator: "', '"))'")
        case let .reader(problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

/// Reads the fields of one YAML mapping, reporting missing, unknown and
/// mistyped fields at their lines.
struct MappingReader {
    let document: YAMLDocument
    let mapping: Node.Mapping
    let node: Node
    let collector: DiagnosticCollector
    /// Names the mapping in messages: "front matter", "response code '51'".
    let subject: String

    init?(_ node: Node, in document: YAMLDocument, subject: String, collector: DiagnosticCollector) {
        guard let mapping = node.mapping else {
            collector.error(.wrongType, document.location(of: node), "\(subject) must be a mapping of 'field: value' lines")
            return nil
        }
        self.document = document
        self.mapping = mapping
        self.node = node
        self.collector = collector
        self.subject = subject
    }

    var location: SourceLocation { document.location(of: node) }

    /// The value of `key`: a scan of the few pairs, comparing key texts (Yams'
    /// subscript builds and compares whole nodes).
    private func value(_ key: String) -> Node? {
        for (name, value) in mapping where name.scalar?.string == key { return value }
        return nil
    }

    func location(of key: String) -> SourceLocation {
        guard let value = value(key) else { return location }
        return document.location(of: value)
    }

    /// Reports each key that is not in `allowed`, naming the allowed ones. A key in
    /// `inherited` (a translation's field that comes from its source) says so.
    func rejectUnknownFields(allowed: [String], inherited: [String] = []) {
        for (key, _) in mapping {
            let name = key.string ?? "\(key)"
            guard !allowed.contains(name) else { continue }
            if inherited.contains(name) {
                collector.error(
                    .unknownField, document.location(of: key), "'\(name)' comes from the source language and cannot be translated",
                    hint: "remove it; a translation holds only: \(allowed.joined(separator: ", "))"
                )
                continue
            }
            let close = allowed.min { editDistance($0, name) < editDistance($1, name) }
            var hint = "allowed fields: \(allowed.joined(separator: ", "))"
            if let close, editDistance(close, name) <= 2 { hint = "did you mean '\(close)'? " + hint }
            collector.error(.unknownField, document.location(of: key), "unknown field '\(name)' in \(subject)", hint: hint)
        }
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// Where the text of a field starts, and the indentation of its lines when it is
    /// a `|` or `>` block (its text then starts on the line after the indicator).
    func textLocation(of key: String) -> (start: SourceLocation, blockIndent: Int?) {
        var place = location(of: key)
        guard let scalar = value(key)?.scalar, scalar.style == .literal || scalar.style == .folded,
              let keyNode = mapping.keys.first(where: { $0.string == key }), let keyMark = keyNode.mark
        else { return (place, nil) }
        place.line += 1
        // Block lines are indented one level (two spaces) past their key.
        return (place, keyMark.column + 1)
    }

    /// A scalar field as text; `nil` (and a diagnostic when required) if absent, empty or not a scalar.
    func string(_ key: String, required: Bool = true, example: String? = nil) -> String? {
        guard let value = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let scalar = value.scalar else {
            collector.error(.wrongType, document.location(of: value), "field '\(key)' in \(subject) must be a single value, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        if text.isEmpty, scalar.string.isEmpty {
            if required {
                collector.error(.missingField, document.location(of: value), "field '\(key)' in \(subject) is empty", hint: example.map { "for example: \(key): \($0)" })
            }
            return nil
        }
        return text
    }

    /// A list of scalars; a single scalar is accepted as a one-item list only when `acceptsScalar`.
    func stringList(_ key: String, required: Bool = true, example: String? = nil) -> [String]? {
        guard let value = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        if let scalar = value.scalar, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return []
        }
        guard let sequence = value.sequence else {
            collector.error(
                .wrongType, document.location(of: value), "field '\(key)' in \(subject) must be a list",
                hint: "write it as [a, b] or as lines starting with '- '"
            )
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                collector.error(.wrongType, document.location(of: item), "each item of '\(key)' in \(subject) must be a single value")
                continue
            }
            items.append(scalar.string.trimmingSpaces())
        }
        return items
    }

    /// A whole-number field.
    func integer(_ key: String, required: Bool = true) -> Int? {
        guard let text = string(key, required: required, example: "1") else { return nil }
        guard let number = Int(text) else {
            collector.error(.wrongType, location(of: key), "field '\(key)' in \(subject) must be a whole number, not '\(text)'")
            return nil
        }
        return number
    }

    private func missing(_ key: String, example: String?) {
        collector.error(
            .missingField, location, "\(subject) is missing the field '\(key)'",
            hint: example.map { "add a line such as: \(key): \($0)" }
        )
    }
}

/// The number of single-character edits between two strings (Levenshtein), for "did you mean".
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
