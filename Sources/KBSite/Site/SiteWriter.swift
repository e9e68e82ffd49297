import Foundation

/// Writes a built site to a folder so that a failed build never leaves a half-written
/// site: everything goes into a new folder beside the target, which then replaces it.
///
/// The target is replaced only when it is missing, empty, or was written by kb before
/// (it holds a `.kb-site` file): `--out ~` never deletes a home folder.
public struct SiteWriter: Sendable {
    /// The folder the site ends up in.
    public var destination: String

    public init(destination: String) {
        var path = destination
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.destination = path
    }

    /// Writes every file, then moves the new folder into place. `progress` is called on
    /// this thread with the files written so far and the total.
    public func write(_ site: StaticSite, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(SiteError) {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkTarget(target)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent.path, reason: Self.reason(error))
        }

        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).kb-new-\(Self.uniqueSuffix())")
        do {
            try writeFiles(site, into: staging, progress: progress)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }

        if fileManager.fileExists(atPath: target.path) {
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).kb-old-\(Self.uniqueSuffix())")
            guard rename(target.path, old.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(at: staging)
                throw .cannotReplace(path: target.path, reason: reason)
            }
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old.path, target.path)
                try? fileManager.removeItem(at: staging)
                throw .cannotReplace(path: target.path, reason: reason)
            }
            try? fileManager.removeItem(at: old)
        } else if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fileManager.removeItem(at: staging)
            throw .cannotReplace(path: target.path, reason: reason)
        }
    }

    /// A target that is a file, or a non-empty folder kb did not write, is refused.
    private func checkTarget(_ target: URL) throws(SiteError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .outputIsAFile(path: target.path) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if !entries.isEmpty, !entries.contains(SiteAssets.markerName) {
            throw .notASiteFolder(path: target.path)
        }
    }

    private func writeFiles(
        _ site: StaticSite, into folder: URL, progress: ((Int, Int) -> Void)?
    ) throws(SiteError) {
        let fileManager = FileManager.default
        var folders = Set([""])
        for file in site.files {
            var components = file.path.split(separator: "/").dropLast()
            while !components.isEmpty {
                folders.insert(components.joined(separator: "/"))
                components = components.dropLast()
            }
        }
        for relative in folders.sorted() {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            do {
                try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: url.path, reason: Self.reason(error))
            }
        }
        let files = site.files + [SiteFile(path: SiteAssets.markerName, contents: SiteAssets.marker)]
        let root = folder.path
        for (index, file) in files.enumerated() {
            if let failure = Self.writeFile(file.contents, to: root + "/" + file.path) { throw failure }
            if index % 256 == 255 || index == files.count - 1 { progress?(index + 1, files.count) }
        }
    }

    /// Writes one new file with open(2) and write(2): no temporary file and no fsync per
    /// file (the folder as a whole is what is replaced atomically).
    private static func writeFile(_ contents: Data, to path: String) -> SiteError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return contents.withUnsafeBytes { buffer -> SiteError? in
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
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return error.localizedDescription
    }

    /// The process id and a random number: unique among concurrent builds.
    private static func uniqueSuffix() -> String {
        "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }
}
