import Foundation

/// What every file under a folder looks like now: its name, size, inode and
/// modification time. When it differs from an earlier one, something in the content
/// was written, added, removed or renamed.
///
/// File times tick coarsely (a few milliseconds on Linux), so two writes of the same
/// size in one tick leave the same time. As git does for its index ("racily clean"
/// files), a file modified within ``racyWindow`` of the scan also gets a hash of its
/// bytes, and two fingerprints whose entries both have a hash compare it too: an
/// edit is never missed, however close to the last one it comes. (A tool that writes a
/// file in place and then sets its modification time back, as `cp -p` does, with the
/// same size, is not seen; every editor and `git` leave the time of the write.)
struct ContentFingerprint: Sendable {
    struct Entry: Sendable, Hashable {
        var path: String
        var size: Int
        var inode: UInt64
        /// The modification time, in seconds since 1970 (to about a microsecond).
        var modified: Double
        /// FNV-1a of the file's bytes, for a file modified just before the scan.
        var contentHash: UInt64?

        /// Whether the two entries describe the same file content.
        func matches(_ other: Entry) -> Bool {
            guard path == other.path, size == other.size, inode == other.inode, modified == other.modified else { return false }
            guard let contentHash, let otherHash = other.contentHash else { return true }
            return contentHash == otherHash
        }
    }

    private(set) var entries: [Entry]

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads the folder now. A folder that cannot be read has no entries.
    ///
    /// - Parameter racyWindow: files modified this recently before the scan are hashed.
    init(directory: String, racyWindow: Duration = .seconds(2)) {
        let manager = FileManager.default
        let scanned = Date().timeIntervalSince1970
        let window = Double(racyWindow.components.seconds) + Double(racyWindow.components.attoseconds) / 1e18
        var entries: [Entry] = []
        for relative in manager.enumerator(atPath: directory)?.compactMap({ $0 as? String }) ?? [] {
            let path = directory + "/" + relative
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            var entry = Entry(
                path: relative,
                size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                modified: modified,
                contentHash: nil
            )
            if modified >= scanned - window - 1, let data = manager.contents(atPath: path) {
                entry.contentHash = Self.fnv1a(data)
            }
            entries.append(entry)
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }

    /// Whether `other` describes the same files with the same content.
    func matches(_ other: ContentFingerprint) -> Bool {
        entries.count == other.entries.count && zip(entries, other.entries).allSatisfy { $0.matches($1) }
    }

    private static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
