import Foundation

/// Writes a site to a folder so that a failed build never leaves a half-written site:
/// everything goes into a new folder beside the target, which then replaces it.
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

    /// Writes a built site, then moves it into place. `progress` is called on this
    /// thread with the files written so far and the total.
    public func write(_ site: StaticSite, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(SiteError) {
        try replaceTarget { folder throws(SiteError) in
            let writer = FileWriter(root: folder.path)
            let files = site.files + [SiteFile(path: SiteAssets.markerName, contents: SiteAssets.marker)]
            for (index, file) in files.enumerated() {
                try writer.write(file)
                if index % SiteBuilder.batchSize == SiteBuilder.batchSize - 1 || index == files.count - 1 {
                    progress?(index + 1, files.count)
                }
            }
        }
    }

    /// Builds the site and writes it at the same time: each batch of rendered pages is
    /// written by a background thread while the next batch renders. Then moves the new
    /// folder into place and returns what was built. `progress` is called on this thread
    /// with the pages rendered so far and the total.
    public func build(
        _ builder: SiteBuilder, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(SiteError) -> StaticSite {
        try replaceTarget { folder throws(SiteError) in
            let writer = BackgroundFileWriter(root: folder.path)
            let site: StaticSite
            do throws(SiteError) {
                site = try builder.build(progress: progress) { files in writer.enqueue(files) }
            } catch {
                _ = try? writer.finish()
                throw error
            }
            writer.enqueue([SiteFile(path: SiteAssets.markerName, contents: SiteAssets.marker)])
            try writer.finish()
            return site
        }
    }

    /// Checks the target, lets `fill` write a staging folder beside it, then swaps the
    /// staging folder in. On any failure the staging folder is removed and the target
    /// is left as it was.
    private func replaceTarget<Result>(_ fill: (URL) throws(SiteError) -> Result) throws(SiteError) -> Result {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkTarget(target)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent.path, reason: FileWriter.reason(error))
        }

        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).kb-new-\(Self.uniqueSuffix())")
        let result: Result
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite(path: staging.path, reason: FileWriter.reason(error))
        }
        do {
            result = try fill(staging)
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
        return result
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

    /// The process id and a random number: unique among concurrent builds.
    private static func uniqueSuffix() -> String {
        "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }
}
