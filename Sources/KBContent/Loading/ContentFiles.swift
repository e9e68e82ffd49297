public import Foundation

/// Where a content folder's files are read from: a folder on disk, or files held in
/// memory (the copy built into kb). The loader reads only through this.
public struct ContentFiles: Sendable {
    /// What diagnostics and messages call this content: the folder's path as given,
    /// or a name such as `built-in`. Every diagnostic's file is `label/relative-path`.
    public let label: String
    /// The folder on disk, when the files are read from one.
    public let folder: String?
    private let memory: [String: Data]

    private init(label: String, folder: String?, memory: [String: Data]) {
        self.label = label
        self.folder = folder
        self.memory = memory
    }

    /// The files of a folder on disk, read when the content is loaded.
    public static func folder(_ path: String) -> ContentFiles {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return ContentFiles(label: path, folder: path, memory: [:])
    }

    /// Files held in memory, by path relative to the content folder (`articles/x.md`).
    public static func memory(_ files: [String: Data], label: String) -> ContentFiles {
        ContentFiles(label: label, folder: nil, memory: files)
    }

    /// The path a diagnostic names for a file.
    public func path(_ relative: String) -> String { label + "/" + relative }

    /// The bytes of a file, or `nil` when it does not exist or cannot be read.
    public func data(_ relative: String) -> Data? {
        guard let folder else { return memory[relative] }
        return FileManager.default.contents(atPath: folder + "/" + relative)
    }

    /// Whether a file exists.
    public func fileExists(_ relative: String) -> Bool {
        guard let folder else { return memory[relative] != nil }
        return FileManager.default.fileExists(atPath: folder + "/" + relative)
    }

    /// Whether a folder exists (for memory files: whether any file is below it).
    public func folderExists(_ relative: String) -> Bool {
        guard let folder else { return memory.keys.contains { $0.hasPrefix(relative + "/") } }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The paths of every file below `relative` (at any depth), relative to the content
    /// folder, sorted.
    public func files(under relative: String) -> [String] {
        guard let folder else { return memory.keys.filter { $0.hasPrefix(relative + "/") }.sorted() }
        let found = FileManager.default.enumerator(atPath: folder + "/" + relative)?.compactMap { $0 as? String } ?? []
        return found.map { relative + "/" + $0 }.filter { fileExists($0) && !folderExists($0) }.sorted()
    }
}
