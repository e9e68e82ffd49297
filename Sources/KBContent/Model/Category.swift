/// A group of articles on the home page, from `Content/categories.yaml`.
public struct Category: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var title: String
    /// One line saying what the category holds.
    public var description: String
    /// Position on the home page, smallest first.
    public var order: Int

    public init(id: String, title: String, description: String, order: Int) {
        self.id = id
        self.title = title
        self.description = description
        self.order = order
    }
}
