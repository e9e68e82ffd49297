internal import Yams

/// Reads `categories.yaml`: a list of `id`, `title`, `description`, `order`.
enum CategoriesReader {
    static let fields = ["id", "title", "description", "order"]

    static func read(_ document: YAMLDocument, _ collector: DiagnosticCollector) -> [Category] {
        guard let root = document.root(collector) else { return [] }
        guard let sequence = root.sequence else {
            collector.error(.wrongType, document.location(of: root), "categories must be a list of entries starting with '- id:'")
            return []
        }
        var categories: [Category] = []
        var seen: [String: Int] = [:]
        for node in sequence {
            guard let reader = MappingReader(node, in: document, subject: "category", collector: collector) else { continue }
            reader.rejectUnknownFields(allowed: fields)
            guard let id = reader.string("id", example: "payments"),
                  let title = reader.string("title", example: "Payments and transactions"),
                  let description = reader.string("description", example: "One line on what the category holds."),
                  let order = reader.integer("order")
            else { continue }
            guard Slug.isValid(id) else {
                collector.error(.invalidValue, reader.location(of: "id"), "category id '\(id)' is not valid", hint: Slug.rule)
                continue
            }
            if let firstLine = seen[id] {
                collector.error(
                    .duplicateCategory, reader.location(of: "id"), "category '\(id)' is defined twice",
                    hint: "the first definition is on line \(firstLine); remove or rename one"
                )
                continue
            }
            seen[id] = reader.location(of: "id").line
            categories.append(Category(id: id, title: title, description: description, order: order))
        }
        return categories
    }
}

/// Article slugs and other ids: lower-case letters and digits in words joined by single hyphens.
enum Slug {
    static let rule = "use lower-case letters and digits, words joined by single hyphens, e.g. unlock-account"

    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
