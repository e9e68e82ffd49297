import Foundation
import Hummingbird
import KBContent
public import KBSite

/// The static help site as the server sends it: every file of a built
/// ``StaticSite`` by its path, with its content type, a strong ETag and, for text,
/// a gzip body, all computed once when the site is built (on load and on reload).
public struct ServedSite: Sendable {
    /// One file, ready to send.
    public struct File: Sendable {
        /// The path below the site's root, as in the built site (`articles/unlock-account.html`).
        public let path: String
        public let contentType: String
        /// A strong ETag of the identity bytes: the FNV-1a 64-bit hash of them, in hex, quoted.
        public let etag: String
        /// The ETag of the gzip body: ``etag`` with `-gz` inside the quotes (a strong
        /// validator belongs to one representation).
        public let gzipETag: String
        let body: ByteBuffer
        /// The body compressed with gzip, when the type is text and compressing made it smaller.
        let gzipBody: ByteBuffer?

        public var byteCount: Int { body.readableBytes }
        public var gzipByteCount: Int? { gzipBody?.readableBytes }
    }

    /// Every file, by its path below the site's root.
    public let files: [String: File]
    /// What built the site, for the pages a request's query changes (a flow page
    /// answering its form); `nil` when only the files are served.
    public let builder: SiteBuilder?

    /// The files of `site`, hashed and compressed.
    ///
    /// - Parameter builder: what built `site`, to render the pages that answer a form.
    /// - Throws: ``Gzip/Failure`` when zlib fails (it does not, short of memory).
    public init(_ site: StaticSite, builder: SiteBuilder? = nil) throws {
        self.builder = builder
        var files: [String: File] = [:]
        files.reserveCapacity(site.files.count)
        for file in site.files {
            let type = Self.contentType(ofPath: file.path)
            let hash = Self.fnv1a64(file.contents)
            var gzipBody: ByteBuffer?
            if type.compressible, file.contents.count > 64 {
                let compressed = try Gzip.compress(file.contents)
                if compressed.count < file.contents.count { gzipBody = ByteBuffer(bytes: compressed) }
            }
            files[file.path] = File(
                path: file.path, contentType: type.name,
                etag: "\"\(hash)\"", gzipETag: "\"\(hash)-gz\"",
                body: ByteBuffer(bytes: file.contents), gzipBody: gzipBody
            )
        }
        self.files = files
    }

    /// The file at `path` below the root (no leading `/`), if the site has one.
    public func file(_ path: String) -> File? { files[path] }

    /// The page a missing address shows, with status 404: the source language's.
    public var notFoundPage: File? { files["404.html"] }

    /// The page a missing `path` (below the root, no leading `/`) shows, with status 404:
    /// the 404 page of the language whose tree the path is in (`id/…` → `id/404.html`),
    /// else the source language's.
    public func notFoundPage(for path: String) -> File? {
        for language in Language.translations {
            let folder = SiteRoute.folder(of: language)
            if path.hasPrefix(folder), let page = files[folder + "404.html"] { return page }
        }
        return notFoundPage
    }

    /// The media type sent for a file, by its extension, and whether gzip helps it.
    static func contentType(ofPath path: String) -> (name: String, compressible: Bool) {
        let name = path.split(separator: "/").last ?? ""
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let ext = parts.count > 1 ? parts[parts.count - 1].lowercased() : ""
        switch ext {
        case "html", "htm": return ("text/html; charset=utf-8", true)
        case "css": return ("text/css; charset=utf-8", true)
        case "js", "mjs": return ("text/javascript; charset=utf-8", true)
        case "json": return ("application/json; charset=utf-8", true)
        case "svg": return ("image/svg+xml", true)
        case "xml": return ("application/xml; charset=utf-8", true)
        case "txt": return ("text/plain; charset=utf-8", true)
        case "png": return ("image/png", false)
        case "ico": return ("image/x-icon", false)
        case "woff2": return ("font/woff2", false)
        default: return ("application/octet-stream", false)
        }
    }

    /// FNV-1a, 64 bits, as 16 hex digits: a cheap, stable fingerprint of the bytes
    /// (a validator for caches, not a defence against anyone).
    static func fnv1a64(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
