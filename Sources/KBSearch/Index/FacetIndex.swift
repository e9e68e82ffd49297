/// One keyword facet: its values and the values of each document.
struct FacetIndex: Sendable {
    let name: String
    /// Each value as first written in a document.
    let valueNames: [String]
    /// Folded value to value id.
    let valueIDs: [String: Int32]
    /// The values of each document.
    let documentValueStarts: ContiguousArray<UInt32>
    let documentValues: ContiguousArray<Int32>

    func values(of document: Int32) -> Range<Int> {
        Int(documentValueStarts[Int(document)])..<Int(documentValueStarts[Int(document) + 1])
    }

    var byteSize: Int {
        valueNames.reduce(0) { $0 + 64 + 2 * $1.utf8.count }
            + documentValueStarts.capacity * 4 + documentValues.capacity * 4
    }

    /// The key a facet value is looked up by: its folded words joined by spaces.
    static func key(_ value: String) -> String {
        IndexBuilder.key(value)
    }
}
