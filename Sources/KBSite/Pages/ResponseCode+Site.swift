import KBContent

extension ResponseClass {
    /// The id of the codes table's filter for this class (`show-soft-decline`).
    var filterID: String { "show-" + rawValue }
}
