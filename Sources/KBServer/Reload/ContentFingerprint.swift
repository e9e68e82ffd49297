import Foundation

/// The name, size and modification time of every file under a folder: when it
/// changes, something in the content was written, added or removed.
struct ContentFingerprint: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var path: String
        var size: Int
        var modified: Date
    }

    private(set) var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads the folder now. A folder that cannot be read has no entries.
    init(directory: String) {
        let manager = FileManager.default
        var entries: [Entry] = []
        for relative in manager.enumerator(atPath: directory)?.compactMap({ $0 as? String }) ?? [] {
            guard let attributes = try? manager.attributesOfItem(atPath: directory + "/" + relative),
                  attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            entries.append(Entry(
                path: relative,
                size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                modified: attributes[.modificationDate] as? Date ?? .distantPast
            ))
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }
}
