import Foundation
import Testing

@Suite("kb site build")
struct SiteCommandTests {
    /// A fresh folder for one test, removed afterwards.
    func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-site-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("writes the site and prints one summary line; no progress when stderr is not a terminal")
    func build() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("site").path
            let run = try KBRun("site", "build", "--out", out, "--base-url", "https://help.example.com/kb")
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty)
            let summary = try #require(run.stdout.split(separator: "\n").first.map(String.init))
            #expect(run.stdout.split(separator: "\n").count == 1)
            #expect(summary.range(of: #"^kb site build: .+/site: \d+ pages, \d+ files, [\d,]+ bytes in \d+\.\d\d s$"#, options: .regularExpression) != nil, "\(summary)")
            for file in ["index.html", "search.html", "search-index.js", "codes/51.html", "articles/unlock-account.html", "sitemap.xml"] {
                #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
            }
            let sitemap = try String(contentsOfFile: out + "/sitemap.xml", encoding: .utf8)
            #expect(sitemap.contains("<loc>https://help.example.com/kb/articles/unlock-account.html</loc>"))

            let again = try KBRun("site", "build", "--out", out)
            #expect(again.status == 0)
            #expect(!FileManager.default.fileExists(atPath: out + "/sitemap.xml"), "the second build replaced the first")
        }
    }

    @Test("a bad --base-url is bad usage, exit 2, with the reason")
    func badBaseURL() throws {
        let run = try KBRun("site", "build", "--out", "/nonexistent/site", "--base-url", "ftp://example.com/")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: --base-url: base URL 'ftp://example.com/' is not usable: its scheme is 'ftp', not http or https; give the site's public address, e.g. https://help.example.com/\n"))
    }

    @Test("a folder kb did not write is refused, exit 1, and left alone")
    func foreignFolder() throws {
        try withTemporaryFolder { folder in
            try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            let run = try KBRun("site", "build", "--out", folder.path)
            #expect(run.status == 1)
            #expect(run.stderr == "error: '\(folder.path)' is not empty and was not written by kb site build (it has no .kb-site file); choose another --out folder, or empty or remove this one\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        }
    }

    @Test("content with errors is refused, exit 1, and nothing is written")
    func brokenContent() throws {
        try withTemporaryFolder { folder in
            let content = folder.appendingPathComponent("Content")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
            let out = folder.appendingPathComponent("site").path
            let run = try KBRun("site", "build", "--out", out, "--content", content.path)
            #expect(run.status == 1)
            #expect(run.stderr.contains("run `kb check` and fix them"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
