import Foundation
import Testing
@testable import KBSite

@Suite("Writing the site to disk")
struct SiteWriterTests {
    let site = SiteFixtures.build(SiteFixtures.fixtureContent)

    /// A fresh folder for one test, removed afterwards.
    func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test("writes every file, and a second build replaces the first without leftovers")
    func writeAndReplace() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("out")
            try SiteWriter(destination: out.path).write(site)
            for file in site.files {
                #expect(FileManager.default.contents(atPath: out.appendingPathComponent(file.path).path) == file.contents)
            }
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".kb-site").path))

            try Data("stale".utf8).write(to: out.appendingPathComponent("stale.html"))
            try SiteWriter(destination: out.path + "/").write(site)
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("stale.html").path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
        }
    }

    @Test("building and writing at once writes the same files as building, then writing")
    func buildWhileWriting() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("out")
            let builder = try SiteBuilder(content: SiteFixtures.fixtureContent)
            let built = try SiteWriter(destination: out.path).build(builder)
            #expect(built.files.map(\.path) == site.files.map(\.path))
            for file in site.files {
                #expect(FileManager.default.contents(atPath: out.appendingPathComponent(file.path).path) == file.contents, "\(file.path)")
            }
            let written = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String }
                .filter { !$0.hasSuffix("/") && !["articles", "categories", "codes"].contains($0) } ?? []
            #expect(Set(written) == Set(site.files.map(\.path) + [".kb-site"]))
        }
    }

    @Test("files in nested folders, their folders in any order, are written byte for byte")
    func nestedFoldersAnyOrder() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("out")
            var nested = site
            nested.files += [
                SiteFile(path: "a/b/c/deep.html", contents: Data("deep".utf8)),
                SiteFile(path: "articles/late.html", contents: Data("back to a folder written before".utf8)),
                SiteFile(path: "a/shallow.html", contents: Data(repeating: 0xE2, count: 200_000)),
                SiteFile(path: "a/b/c/again.html", contents: Data()),
                SiteFile(path: "top.txt", contents: Data("top".utf8)),
            ]
            try SiteWriter(destination: out.path).write(nested)
            for file in nested.files {
                #expect(FileManager.default.contents(atPath: out.appendingPathComponent(file.path).path) == file.contents, "\(file.path)")
            }
        }
    }

    @Test("a folder kb did not write is never replaced")
    func refusesForeignFolder() throws {
        try withTemporaryFolder { folder in
            let precious = folder.appendingPathComponent("notes.txt")
            try Data("keep me".utf8).write(to: precious)
            #expect(throws: SiteError.notASiteFolder(path: folder.path)) {
                try SiteWriter(destination: folder.path).write(site)
            }
            #expect(FileManager.default.contents(atPath: precious.path) == Data("keep me".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        }
    }

    @Test("a file in the way is an error that says so")
    func refusesFile() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("site")
            try Data().write(to: file)
            #expect(throws: SiteError.outputIsAFile(path: file.path)) {
                try SiteWriter(destination: file.path).write(site)
            }
        }
    }

    @Test("a failed write leaves the previous site as it was and no staging folder")
    func failedWriteKeepsPrevious() throws {
        try withTemporaryFolder { folder in
            let out = folder.appendingPathComponent("out")
            try SiteWriter(destination: out.path).write(site)
            // A file whose path passes through an existing file cannot be written.
            var broken = site
            broken.files.append(SiteFile(path: "index.html/inside.html", contents: Data()))
            #expect(throws: SiteError.self) { try SiteWriter(destination: out.path).write(broken) }
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent("index.html").path) == site.file("index.html")?.contents)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
        }
    }

    @Test("error messages say what, where, and what to do")
    func messages() {
        #expect(SiteError.notASiteFolder(path: "/home/me").description
            == "'/home/me' is not empty and was not written by kb site build (it has no .kb-site file); choose another --out folder, or empty or remove this one")
        #expect(SiteError.outputIsAFile(path: "/tmp/x").description == "'/tmp/x' is a file; give --out a folder path (it is created if missing)")
    }
}
