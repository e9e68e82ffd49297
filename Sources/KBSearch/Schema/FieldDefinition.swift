/// A named, weighted text field of the documents.
public struct FieldDefinition: Sendable, Hashable {
    /// The key of the field in ``SearchDocument/fields``.
    public var name: String
    /// How much a match in this field counts in BM25F; 1 is a plain body field.
    public var weight: Double
    /// The field holds identifiers, such as response codes ("05", "N7"): a query
    /// word, or the whole query minus filler words such as "code" or "rc", that
    /// equals a document's identifier exactly puts that document first.
    public var isIdentifier: Bool

    /// Creates a field definition.
    public init(name: String, weight: Double, isIdentifier: Bool = false) {
        self.name = name
        self.weight = weight
        self.isIdentifier = isIdentifier
    }
}
