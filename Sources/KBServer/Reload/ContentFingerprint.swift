import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What every file under a folder looks like now: its name, size, inode, and its
/// modification and change times to the nanosecond. When it differs from an earlier
/// one, something in the content was written, added, removed or renamed.
///
/// File times tick coarsely (a few milliseconds on Linux), so two writes of the same
/// size in one tick leave the same times. As git does for its index ("racily clean"
/// files), a file changed within ``racyWindow`` of the scan also gets a hash of its
/// bytes, and two fingerprints whose entries both have a hash compare it too: an
/// edit is never missed, however close to the last one it comes.
struct ContentFingerprint: Sendable {
    struct Entry: Sendable, Hashable {
        var path: String
        var size: Int
        var inode: UInt64
        /// Modification and status-change times, nanoseconds since 1970.
        var modified: Int64
        var changed: Int64
        /// FNV-1a of the file's bytes, for a file changed just before the scan.
        var contentHash: UInt64?

        /// Whether the two entries describe the same file content.
        func matches(_ other: Entry) -> Bool {
            guard path == other.path, size == other.size, inode == other.inode,
                  modified == other.modified, changed == other.changed
            else { return false }
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
    /// - Parameter racyWindow: files changed this recently before the scan are hashed.
    init(directory: String, racyWindow: Duration = .seconds(2)) {
        let scanned = Self.now()
        let window = Int64(racyWindow.components.seconds) * 1_000_000_000 + racyWindow.components.attoseconds / 1_000_000_000
        var entries: [Entry] = []
        for relative in FileManager.default.enumerator(atPath: directory)?.compactMap({ $0 as? String }) ?? [] {
            let path = directory + "/" + relative
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let changed = Self.nanoseconds(status.st_ctim)
            var entry = Entry(
                path: relative, size: Int(status.st_size), inode: UInt64(status.st_ino),
                modified: Self.nanoseconds(status.st_mtim), changed: changed, contentHash: nil
            )
            if changed >= scanned - window, let data = FileManager.default.contents(atPath: path) {
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

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The wall clock, as file times use it.
    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
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
