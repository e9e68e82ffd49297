internal import Yams

/// Reads `policies.yaml`: nested mappings whose leaves are values or lists of values.
enum PoliciesReader {
    static func read(_ document: YAMLDocument, _ collector: DiagnosticCollector) -> Policies {
        guard let root = document.root(collector) else { return Policies() }
        guard root.mapping != nil else {
            collector.error(.wrongType, document.location(of: root), "policies must be a mapping of names to values or groups")
            return Policies()
        }
        var values: [String: PolicyValue] = [:]
        var locations: [String: SourceLocation] = [:]
        collect(root, path: [], into: &values, &locations, document, collector)
        return Policies(values: values, locations: locations)
    }

    private static func collect(
        _ node: Node, path: [String], into values: inout [String: PolicyValue], _ locations: inout [String: SourceLocation],
        _ document: YAMLDocument, _ collector: DiagnosticCollector
    ) {
        let dotted = path.joined(separator: ".")
        if !dotted.isEmpty { locations[dotted] = document.location(of: node) }
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                guard let name = key.string, isValidName(name) else {
                    collector.error(
                        .invalidValue, document.location(of: key), "policy name '\(key.string ?? "?")' is not valid",
                        hint: "use lower-case letters, digits and underscores, e.g. unlock_after_minutes"
                    )
                    continue
                }
                collect(value, path: path + [name], into: &values, &locations, document, collector)
            }
        case let .scalar(scalar):
            values[dotted] = .text(scalar.string)
        case let .sequence(sequence):
            var items: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else {
                    collector.error(.wrongType, document.location(of: item), "each item of policy '\(dotted)' must be a single value")
                    continue
                }
                items.append(scalar.string)
            }
            values[dotted] = .list(items)
        case .alias:
            collector.error(.wrongType, document.location(of: node), "policy '\(dotted)' uses a YAML alias; write the value out")
        }
    }

    private static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
