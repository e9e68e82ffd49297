/// Gathers the diagnostics of one load, so that every problem of a run is
/// reported, not only the first.
final class DiagnosticCollector {
    private(set) var diagnostics: [Diagnostic] = []

    func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func error(_ kind: Diagnostic.Kind, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.error, kind, file: location.file, line: location.line, column: location.column, message: message, hint: hint))
    }

    func warning(_ kind: Diagnostic.Kind, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        add(Diagnostic(.warning, kind, file: location.file, line: location.line, column: location.column, message: message, hint: hint))
    }
}

/// A place in a content file: what a ``Diagnostic`` points at.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    /// 1-based; 0 when the place is the file as a whole.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }
}
