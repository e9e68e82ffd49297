import Foundation

/// Writes site files below a root folder with the fewest system calls the platform
/// allows: `openat(2)`, `write(2)` and `close(2)` per file, relative to an open
/// descriptor of its folder, so the kernel walks no path; no temporary file, no
/// `stat`, no fsync per file (the folder as a whole is what replaces the old site);
/// each folder made once with `mkdirat(2)`.
///
/// Files are written one at a time: two threads creating files in one folder only
/// contend for that folder's lock. Pages come folder by folder, so the descriptor of
/// the last folder is kept open (and the root's); others are opened when needed.
final class FileWriter {
    let root: String
    /// Folders made so far, below the root ("" is the root).
    private var folders: Set<String> = [""]
    private var rootDescriptor: Int32 = -1
    private var current: (folder: String, descriptor: Int32)?

    init(root: String) {
        self.root = root
    }

    deinit {
        if let current, current.descriptor != rootDescriptor { close(current.descriptor) }
        if rootDescriptor >= 0 { close(rootDescriptor) }
    }

    func write(_ file: SiteFile) throws(SiteError) {
        let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(file.path[..<$0]) } ?? ""
        let name = slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
        let directory = try descriptor(of: folder)
        let descriptor = openat(directory, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(root + "/" + file.path) }
        defer { close(descriptor) }
        let failure = file.contents.withUnsafeBytes { buffer -> SiteError? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Self.failure(root + "/" + file.path)
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// An open descriptor of `folder` below the root, made (with its parents) if need be.
    private func descriptor(of folder: String) throws(SiteError) -> Int32 {
        if rootDescriptor < 0 {
            rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard rootDescriptor >= 0 else { throw Self.failure(root) }
        }
        if folder.isEmpty { return rootDescriptor }
        if let current, current.folder == folder { return current.descriptor }
        try make(folder)
        let opened = openat(rootDescriptor, folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { throw Self.failure(root + "/" + folder) }
        if let current { close(current.descriptor) }
        current = (folder, opened)
        return opened
    }

    /// Makes `folder` and the parents it lacks, below the root.
    private func make(_ folder: String) throws(SiteError) {
        guard !folders.contains(folder) else { return }
        if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try make(String(folder[..<slash])) }
        guard mkdirat(rootDescriptor, folder, 0o755) == 0 || errno == EEXIST else { throw Self.failure(root + "/" + folder) }
        folders.insert(folder)
    }

    /// `path` with the reason the last system call failed.
    private static func failure(_ path: String) -> SiteError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
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
