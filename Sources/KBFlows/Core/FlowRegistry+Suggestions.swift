import KBContent

extension FlowRegistry {
    /// Flow ids that contain `text` or are at most four edits from it: what to
    /// suggest when a flow is not found (`kb simulate`, `POST /v1/flows/{id}/simulate`).
    public func ids(closeTo text: String) -> [String] {
        ids.filter { $0.contains(text) || editDistance($0, text) <= 4 }
    }
}
