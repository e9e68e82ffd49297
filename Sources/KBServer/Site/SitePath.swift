import Foundation
import Hummingbird

/// A request path checked and mapped to a file of the site: never resolved against
/// anything, so no path can name a file outside the site.
///
/// Refused (a 400 `bad-path`): `.` and `..` segments, empty segments (`//`), a
/// backslash, percent-encoded dots, slashes, backslashes, percent signs and control
/// characters, any other control character or malformed percent-encoding, and
/// anything that does not start with `/`.
enum SitePath {
    /// The site path `requestPath` (the URI's path, still percent-encoded) names:
    /// `index.html` for `/`, `x/index.html` for `/x/`, else the path without its `/`.
    ///
    /// - Throws: ``APIError`` `bad-path` naming what is wrong.
    static func resolve(_ requestPath: String) throws(APIError) -> String {
        guard requestPath.hasPrefix("/") else { throw .badPath(requestPath, "it does not start with '/'") }
        if requestPath.contains("\\") { throw .badPath(requestPath, "it contains a backslash") }
        if requestPath.contains("//") { throw .badPath(requestPath, "it contains an empty segment ('//')") }
        if let encoded = forbiddenEncoding(in: requestPath) {
            throw .badPath(requestPath, "it contains '\(encoded)', an encoded dot, slash, backslash, percent sign or control character")
        }
        guard let decoded = requestPath.removingPercentEncoding else {
            throw .badPath(requestPath, "its percent-encoding is malformed")
        }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .badPath(requestPath, "it contains a control character")
        }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == "." || $0 == ".." }) {
            throw .badPath(requestPath, "it has a '.' or '..' segment")
        }
        let relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") { return relative + "index.html" }
        return relative
    }

    /// The first `%XX` in `path` that encodes `.`, `/`, `\`, `%` or a control character.
    private static func forbiddenEncoding(in path: String) -> String? {
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                let value = high << 4 | low
                if value == 0x2E || value == 0x2F || value == 0x5C || value < 0x20 || value == 0x7F || value == 0x25 {
                    return String(decoding: bytes[index...index + 2], as: UTF8.self)
                }
                index += 3
            } else {
                index += 1
            }
        }
        return nil
    }
}

extension APIError {
    /// A site path that could leave the site folder, or could not be read safely.
    static func badPath(_ path: String, _ reason: String) -> APIError {
        APIError(
            .badRequest, code: "bad-path",
            message: "refused the path '\(path)': \(reason); site paths are plain names below /, such as /articles/unlock-account.html"
        )
    }
}
