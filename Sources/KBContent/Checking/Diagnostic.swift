/// One problem found in the content, located at a file, line and column.
///
/// Rendered compiler-style, so editors and terminals can jump to it:
/// `Content/articles/x.md:4:1: error: unknown category 'paymnts' [unknown-category]`,
/// followed by an indented `hint:` line with the fix.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// A stable identifier of the kind of problem, e.g. `unknown-category`.
    public var kind: Kind
    /// The file, as given to the loader joined with the file's relative path.
    public var file: String
    /// 1-based; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var message: String
    /// How to fix it.
    public var hint: String?

    public init(
        _ severity: Severity, _ kind: Kind, file: String, line: Int = 0, column: Int = 0,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// A diagnostic at a place in a content file.
    public init(_ severity: Severity, _ kind: Kind, at location: SourceLocation, message: String, hint: String? = nil) {
        self.init(severity, kind, file: location.file, line: location.line, column: location.column, message: message, hint: hint)
    }

    /// `file:line:column: severity: message [kind]`, and the hint on the next line.
    public var formatted: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        var text = "\(location): \(severity.rawValue): \(message) [\(kind.rawValue)]"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    /// Every kind of problem the checker reports.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case unreadableFile = "unreadable-file"
        case missingFile = "missing-file"
        case yamlSyntax = "yaml-syntax"
        case missingFrontMatter = "missing-front-matter"
        case missingField = "missing-field"
        case unknownField = "unknown-field"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        case invalidSlug = "invalid-slug"
        case slugMismatch = "slug-mismatch"
        case duplicateSlug = "duplicate-slug"
        case unknownCategory = "unknown-category"
        case duplicateCategory = "duplicate-category"
        case unknownRelated = "unknown-related"
        case brokenLink = "broken-link"
        case unknownPlaceholder = "unknown-placeholder"
        case malformedCode = "malformed-code"
        case duplicateCode = "duplicate-code"
        case badClass = "bad-class"
        case badRetry = "bad-retry"
        case emptyBody = "empty-body"
        case rawHTML = "raw-html"
        case duplicateSynonym = "duplicate-synonym"
        case unknownFlow = "unknown-flow"
        case orphanTranslation = "orphan-translation"
        case staleTranslation = "stale-translation"
        case placeholderMismatch = "placeholder-mismatch"
        case untranslatedLink = "untranslated-link"
        case sectionMismatch = "section-mismatch"
        case flowPolicy = "flow-policy"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then line, then column: the order an author fixes them in.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}
