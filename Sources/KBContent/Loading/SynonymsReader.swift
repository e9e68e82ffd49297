internal import Yams

/// Reads `synonyms.yaml`: a list of groups, each a list of words or phrases.
enum SynonymsReader {
    static func read(_ document: YAMLDocument, _ collector: DiagnosticCollector) -> [SynonymGroup] {
        guard let root = document.root(collector) else { return [] }
        guard let sequence = root.sequence else {
            collector.error(.wrongType, document.location(of: root), "synonyms must be a list of groups such as [2fa, two factor]")
            return []
        }
        var groups: [SynonymGroup] = []
        var firstSeen: [String: Int] = [:]
        for node in sequence {
            guard let items = node.sequence else {
                collector.error(
                    .wrongType, document.location(of: node), "each synonym group must be a list",
                    hint: "write it as - [word, other word]"
                )
                continue
            }
            var terms: [String] = []
            for item in items {
                guard let term = item.scalar?.string.trimmingSpaces().lowercased(), !term.isEmpty else {
                    collector.error(.wrongType, document.location(of: item), "a synonym must be a word or phrase")
                    continue
                }
                let location = document.location(of: item)
                if let line = firstSeen[term] {
                    collector.warning(
                        .duplicateSynonym, location, "'\(term)' is already in the group on line \(line)",
                        hint: "a phrase belongs to one group; merge the groups or remove one"
                    )
                    continue
                }
                firstSeen[term] = location.line
                terms.append(term)
            }
            if terms.count >= 2 { groups.append(SynonymGroup(terms: terms)) }
        }
        return groups
    }
}
