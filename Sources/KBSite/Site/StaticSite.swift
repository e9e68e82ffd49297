public import Foundation

/// A built site in memory: every file with its path below the site's root, sorted by path.
public struct StaticSite: Sendable {
    public var files: [SiteFile]

    public init(files: [SiteFile]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The HTML pages.
    public var pageCount: Int { files.filter(\.isPage).count }
    /// All files' sizes added up.
    public var byteCount: Int { files.reduce(0) { $0 + $1.contents.count } }

    /// The file at `path`, if the site has one.
    public func file(_ path: String) -> SiteFile? {
        files.first { $0.path == path }
    }
}

/// One file of a built site.
public struct SiteFile: Sendable, Hashable {
    /// The path below the site's root, with `/` between folders (`articles/unlock-account.html`).
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// Whether the file is an HTML page.
    public var isPage: Bool { path.hasSuffix(".html") }
}
