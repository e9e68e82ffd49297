/// What the documents of an index hold: weighted text fields, keyword facets,
/// and the field that gives snippets.
public struct SearchSchema: Sendable, Hashable {
    /// At most this many fields (a posting keeps a 16-bit mask of its fields).
    public static let maxFields = 16

    /// Words ignored when a whole query is compared with identifiers, so that
    /// "response code 05" and "rc 05" find the document whose identifier is "05".
    public static let defaultIdentifierFillerWords: Set<String> = [
        "code", "codes", "rc", "response", "responses", "error", "errors", "status",
        "reason", "bank", "decline", "declined", "what", "does", "mean", "means", "meaning",
        "is", "the", "a", "an", "of", "for",
    ]

    /// The text fields, in the order their positions are laid out.
    public var fields: [FieldDefinition]
    /// The names of keyword facets that queries can filter on and that results count.
    public var facets: [String]
    /// The field whose text gives snippets; a document whose snippet field is
    /// empty uses its first non-empty field.
    public var snippetField: String
    /// Words left out when the whole query is compared with identifiers.
    public var identifierFillerWords: Set<String>

    /// Creates a schema.
    ///
    /// - Precondition: between 1 and ``maxFields`` fields with distinct names.
    public init(
        fields: [FieldDefinition],
        facets: [String],
        snippetField: String,
        identifierFillerWords: Set<String> = SearchSchema.defaultIdentifierFillerWords
    ) {
        precondition(!fields.isEmpty && fields.count <= Self.maxFields,
                     "a schema has between 1 and \(Self.maxFields) fields, not \(fields.count)")
        precondition(Set(fields.map(\.name)).count == fields.count, "field names must be distinct")
        self.fields = fields
        self.facets = facets
        self.snippetField = snippetField
        self.identifierFillerWords = identifierFillerWords
    }
}
