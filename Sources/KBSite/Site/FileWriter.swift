import Foundation

/// Writes site files below a root folder with open(2) and write(2): no temporary file
/// and no fsync per file (the folder as a whole is what replaces the old site), and
/// each folder created once.
///
/// Files are written one at a time: two threads creating files in one folder only
/// contend for that folder's lock.
final class FileWriter {
    let root: String
    private var folders: Set<String> = [""]

    init(root: String) {
        self.root = root
    }

    func write(_ file: SiteFile) throws(SiteError) {
        let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
        if !folders.contains(folder) {
            let path = root + "/" + folder
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: path, reason: Self.reason(error))
            }
            folders.insert(folder)
        }
        let path = root + "/" + file.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let failure = file.contents.withUnsafeBytes { buffer -> SiteError? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// The system's reason for a Foundation file error, when there is one.
    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return error.localizedDescription
    }
}

/// A ``FileWriter`` on a background thread: files are queued and written in order while
/// the caller goes on rendering; ``finish()`` waits and reports the first failure.
///
/// All mutable state (the writer and the failure) is touched only on `queue`, a serial
/// queue, which is what makes the class safe to share.
final class BackgroundFileWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "kb.site.file-writer")
    private let writer: FileWriter
    private var failure: SiteError?

    init(root: String) {
        writer = FileWriter(root: root)
    }

    /// Queues `files`; after a failure, later files are skipped.
    func enqueue(_ files: [SiteFile]) {
        queue.async {
            for file in files where self.failure == nil {
                do throws(SiteError) {
                    try self.writer.write(file)
                } catch {
                    self.failure = error
                }
            }
        }
    }

    /// Waits until every queued file is written; throws the first failure.
    func finish() throws(SiteError) {
        if let failure = queue.sync(execute: { self.failure }) { throw failure }
    }
}
