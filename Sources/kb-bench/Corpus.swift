import Foundation

/// The benchmark corpus: every `.md` file under a folder, sorted by relative
/// path, titled like the peers' `common.title_of`.
struct Corpus {
    struct Document {
        var path: String
        var title: String
        var body: String
    }

    var documents: [Document] = []

    /// MiB of Markdown, as the peers count it.
    var megabytes: Double {
        Double(documents.reduce(0) { $0 + $1.body.utf8.count }) / 1_048_576
    }

    init(directory: String) throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            throw BenchError("cannot read the corpus folder \(directory)")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".md") { paths.append(relative) }
        }
        paths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for relative in paths {
            let data = try Data(contentsOf: root.appendingPathComponent(relative))
            var body = String(decoding: data, as: UTF8.self)
            if body.utf8.contains(13) {
                body = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            documents.append(Document(path: relative, title: Self.title(of: body, path: relative), body: body))
        }
    }

    /// The first level-1 ATX heading outside code fences, else the file name without `.md`.
    static func title(of text: String, path: String) -> String {
        var inCode = false
        for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            var bytes = line[...]
            while let first = bytes.first, first == 32 || (9...13).contains(first) { bytes = bytes.dropFirst() }
            while let last = bytes.last, last == 32 || (9...13).contains(last) { bytes = bytes.dropLast() }
            if bytes.starts(with: "```".utf8) || bytes.starts(with: "~~~".utf8) {
                inCode.toggle()
            } else if !inCode, bytes.starts(with: "# ".utf8) {
                return String(decoding: bytes.dropFirst(2), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            }
        }
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
