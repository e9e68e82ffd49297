/// Words and phrases that mean the same thing to a merchant, from `Content/synonyms.yaml`.
public struct SynonymGroup: Sendable, Hashable, Codable {
    public var terms: [String]
    public init(terms: [String]) { self.terms = terms }
}
