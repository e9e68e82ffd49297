/// Why a site could not be built or written; each message says what, where, and the fix.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--base-url` is not an absolute http(s) address.
    case invalidBaseURL(String, reason: String)
    /// The output folder exists, is not empty, and was not written by `kb site build`.
    case notASiteFolder(path: String)
    /// The output path is a file, not a folder.
    case outputIsAFile(path: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// The finished site could not be moved into place.
    case cannotReplace(path: String, reason: String)
    /// A language's search index (`search-index.js`, `id/search-index.js`) could not be encoded.
    case searchIndex(path: String, reason: String)
    /// libxml2 failed while building or serializing a page.
    case libxml2(operation: String, code: Int, message: String)

    public var description: String {
        switch self {
        case let .invalidBaseURL(text, reason):
            return "base URL '\(text)' is not usable: \(reason); give the site's public address, e.g. https://help.example.com/"
        case let .notASiteFolder(path):
            return "'\(path)' is not empty and was not written by kb site build (it has no .kb-site file); "
                + "choose another --out folder, or empty or remove this one"
        case let .outputIsAFile(path):
            return "'\(path)' is a file; give --out a folder path (it is created if missing)"
        case let .cannotWrite(path, reason):
            return "cannot write '\(path)': \(reason); check that the folder is writable and the disk is not full"
        case let .cannotReplace(path, reason):
            return "cannot move the new site into '\(path)': \(reason); the previous site, if any, is unchanged"
        case let .searchIndex(path, reason):
            return "cannot write the search index (\(path)): \(reason); this is a bug in kb, please report it with the content that caused it"
        case let .libxml2(operation, code, message):
            return LibXML2Error(operation: operation, code: code, message: message).description
        }
    }

    init(_ error: LibXML2Error) {
        self = .libxml2(operation: error.operation, code: error.code, message: error.message)
    }
}
