// kb-embed-content CONTENT_DIR OUTPUT.swift
//
// Writes a Swift source that holds every file below CONTENT_DIR (hidden files skipped),
// as base64 strings keyed by their path relative to CONTENT_DIR. Run by the
// EmbedContent build-tool plugin; not installed.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: kb-embed-content CONTENT_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

var entries: [(path: String, data: Data)] = []
let enumerator = FileManager.default.enumerator(
    at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
)
while let url = enumerator?.nextObject() as? URL {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
    let path = url.standardizedFileURL.path
    guard path.hasPrefix(root.path + "/") else { continue }
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("kb-embed-content: cannot read \(path)\n".utf8))
        exit(1)
    }
    entries.append((String(path.dropFirst(root.path.count + 1)), data))
}
entries.sort { $0.path < $1.path }

var source = """
// Generated at build time by kb-embed-content from the shipped Content/ folder. Do not edit.

/// Every file of the shipped `Content/`, by path relative to it, base64-encoded.
let embeddedContentFiles: [(path: String, base64: String)] = [

"""
for entry in entries {
    let path = entry.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "    (\"\(path)\", \"\(entry.data.base64EncodedString())\"),\n"
}
source += "]\n"

do {
    let existing = FileManager.default.contents(atPath: output.path)
    if existing != Data(source.utf8) { try Data(source.utf8).write(to: output, options: .atomic) }
} catch {
    FileHandle.standardError.write(Data("kb-embed-content: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
