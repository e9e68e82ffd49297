/// One document to index: text fields by name and keyword facet values.
public struct SearchDocument: Sendable, Hashable {
    /// The caller's identifier, returned in ``SearchHit/id``.
    public var id: String
    /// Text by field name; fields missing from the schema are ignored.
    public var fields: [String: String]
    /// Values by facet name, such as `["category": ["payments"], "tag": ["login", "2fa"]]`.
    public var facets: [String: [String]]

    /// Creates a document.
    public init(id: String, fields: [String: String], facets: [String: [String]] = [:]) {
        self.id = id
        self.fields = fields
        self.facets = facets
    }
}
