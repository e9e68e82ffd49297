/// A record from the content model with its help-site address beside its own
/// fields: `{...the record's fields..., "url": "..."}`, so the API shows the
/// same fields as `kb ... --json`, plus where to read them.
struct Linked<Record: Encodable & Sendable>: Encodable, Sendable {
    var record: Record
    var url: String

    private enum CodingKeys: String, CodingKey { case url }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
    }
}
