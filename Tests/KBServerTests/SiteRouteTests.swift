import Foundation
import Hummingbird
import HummingbirdTesting
import KBServer
import KBSite
import Testing

@Suite("The static help site at /")
struct SiteRouteTests {
    /// The built site's bytes at `path`.
    private func built(_ path: String) throws -> Data {
        try #require(TestContent.staticSite.file(path), "the site has \(path)").contents
    }

    @Test("/ is the home page: HTML, a strong ETag, no-cache, Vary")
    func home() async throws {
        try await withServer { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.bytes == (try built("index.html")))
            let etag = try #require(response.headers[.eTag])
            #expect(etag.wholeMatch(of: /"[0-9a-f]{16}"/) != nil)
            #expect(etag == TestContent.servedSite.file("index.html")?.etag)
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(response.headers[.contentEncoding] == nil)
            #expect(response.headers[.contentLength] == String(try built("index.html").count))
            #expect(response.text.contains("Midtrans Help Center"))
            #expect(response.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("an article page, and a folder's index with and without its slash")
    func pages() async throws {
        try await withServer { client in
            let article = try await client.get("/articles/unlock-account.html")
            #expect(article.status == .ok)
            #expect(article.headers[.contentType] == "text/html; charset=utf-8")
            #expect(article.text.contains("How do I unlock my portal account?"))
            #expect(article.bytes == (try built("articles/unlock-account.html")))

            let codes = try await client.get("/codes/")
            #expect(codes.status == .ok)
            #expect(codes.bytes == (try built("codes/index.html")))

            let redirect = try await client.get("/codes?x=1")
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/codes/?x=1")

            let search = try await client.get("/search.html?q=locked%20account")
            #expect(search.status == .ok)
        }
    }

    @Test("each kind of file has its content type", arguments: [
        ("style.css", "text/css; charset=utf-8"),
        ("search.js", "text/javascript; charset=utf-8"),
        ("search-index.js", "text/javascript; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("codes/51.html", "text/html; charset=utf-8"),
    ])
    func contentTypes(_ path: String, _ type: String) async throws {
        try await withServer { client in
            let response = try await client.get("/" + path)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(response.bytes == (try built(path)))
        }
    }

    @Test("sitemap.xml is served as XML when the site has a base URL")
    func sitemap() async throws {
        let options = SiteOptions(baseURL: "https://help.example.com/")
        let store = try KnowledgeBaseStore(TestContent.knowledgeBase, directory: TestContent.directory, siteOptions: options)
        try await withServer(store: store) { client in
            let response = try await client.get("/sitemap.xml")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/xml; charset=utf-8")
            #expect(response.text.contains("<loc>https://help.example.com/articles/unlock-account.html</loc>"))
            #expect(try await client.get("/").text.contains(#"<link rel="canonical" href="https://help.example.com/">"#))
        }
    }

    @Test("If-None-Match with the ETag (alone, weak, in a list, or *) is a 304 with no body")
    func notModified() async throws {
        try await withServer { client in
            let etag = try #require(try await client.get("/style.css").headers[.eTag])
            for condition in [etag, "W/\(etag)", #""nope", \#(etag)"#, "*"] {
                let response = try await client.get("/style.css", headers: [.ifNoneMatch: condition])
                #expect(response.status == .notModified, "\(condition)")
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.vary] == "Accept-Encoding")
            }
            let changed = try await client.get("/style.css", headers: [.ifNoneMatch: #""0000000000000000""#])
            #expect(changed.status == .ok)
            #expect(changed.body.readableBytes > 0)

            // The gzip body's own ETag revalidates too, and so does the identity one when gzip is asked.
            let gzipped = try await client.get("/style.css", headers: [.acceptEncoding: "gzip"])
            let gzipTag = try #require(gzipped.headers[.eTag])
            #expect(gzipTag != etag)
            for condition in [gzipTag, etag] {
                let again = try await client.get("/style.css", headers: [.acceptEncoding: "gzip", .ifNoneMatch: condition])
                #expect(again.status == .notModified)
                #expect(again.headers[.eTag] == gzipTag)
            }
        }
    }

    @Test("gzip when Accept-Encoding accepts it; the body inflates to the file")
    func gzip() async throws {
        try await withServer { client in
            for accept in ["gzip", "br, gzip;q=0.8", "deflate, *", "x-gzip", "GZIP;q=1.0"] {
                let response = try await client.get("/search-index.js", headers: [.acceptEncoding: accept])
                #expect(response.status == .ok, "\(accept)")
                #expect(response.headers[.contentEncoding] == "gzip", "\(accept)")
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.headers[.vary] == "Accept-Encoding")
                let bytes = response.bytes
                #expect(bytes.prefix(2) == Data([0x1F, 0x8B]))
                #expect(bytes.count < (try built("search-index.js")).count / 2)
                #expect(response.headers[.contentLength] == String(bytes.count))
                #expect(try Self.gunzip(bytes) == (try built("search-index.js")))
            }
        }
    }

    @Test("no gzip when it is refused (q=0) or not named", arguments: ["gzip;q=0", "identity", "br", "gzip; q=0.000, *;q=1", "*;q=0", ""])
    func noGzip(_ accept: String) async throws {
        try await withServer { client in
            let headers: HTTPFields = accept.isEmpty ? [:] : [.acceptEncoding: accept]
            let response = try await client.get("/", headers: headers)
            #expect(response.headers[.contentEncoding] == nil)
            #expect(response.headers[.vary] == "Accept-Encoding")
            #expect(response.bytes == (try built("index.html")))
        }
    }

    @Test("HEAD answers the headers of GET without the body")
    func head() async throws {
        try await withServer { client in
            let get = try await client.get("/articles/unlock-account.html")
            let head = try await client.execute(uri: "/articles/unlock-account.html", method: .head) { $0 }
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == "text/html; charset=utf-8")
            let missing = try await client.execute(uri: "/nope.html", method: .head) { $0 }
            #expect(missing.status == .notFound)
            #expect(missing.body.readableBytes == 0)
        }
    }

    @Test("a missing page is the site's 404 page, as HTML", arguments: ["/nowhere", "/nope.html", "/articles/nope.html", "/v2/codes", "/healthz/", "/articles/"])
    func notFound(_ path: String) async throws {
        try await withServer { client in
            let response = try await client.get(path, headers: [.acceptEncoding: "gzip"])
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.eTag] == nil)
            #expect(response.headers[.contentEncoding] == "gzip")
            #expect(try Self.gunzip(response.bytes) == (try built("404.html")))
        }
    }

    @Test("/id/ is the Indonesian home page; /id redirects to it; its pages and search data are served")
    func indonesian() async throws {
        try await withServer { client in
            let home = try await client.get("/id/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.bytes == (try built("id/index.html")))
            #expect(home.text.contains("<html lang=\"id\">"))
            #expect(home.text.contains("Pusat Bantuan Midtrans"))
            #expect(home.headers[.eTag] == TestContent.servedSite.file("id/index.html")?.etag)

            let redirect = try await client.get("/id?q=akun")
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/id/?q=akun")

            let article = try await client.get("/id/articles/unlock-account.html")
            #expect(article.status == .ok)
            #expect(article.bytes == (try built("id/articles/unlock-account.html")))
            let index = try await client.get("/id/search-index.js")
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(index.bytes == (try built("id/search-index.js")))
            #expect(try await client.get("/id/codes/").bytes == (try built("id/codes/index.html")))
        }
    }

    @Test("a missing page below /id/ is the Indonesian 404 page", arguments: ["/id/nowhere", "/id/articles/nope.html", "/id/articles/"])
    func indonesianNotFound(_ path: String) async throws {
        try await withServer { client in
            let response = try await client.get(path)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.bytes == (try built("id/404.html")))
            #expect(response.text.contains("Halaman tidak ditemukan"))
        }
        #expect(TestContent.servedSite.notFoundPage(for: "idx/nope.html")?.path == "404.html")
        #expect(TestContent.servedSite.notFoundPage(for: "articles/nope.html")?.path == "404.html")
    }

    @Test("the API, health, metrics and the OpenAPI document are not site paths")
    func notSitePaths() async throws {
        try await withServer { client in
            let api = try await client.get("/v1/nope")
            #expect(api.status == .notFound)
            #expect(try api.error.code == "not-found")
            #expect(try await client.get("/v1").status == .notFound)
            #expect(try await client.get("/healthz").headers[.contentType] == "application/json; charset=utf-8")
            #expect(try await client.get("/openapi.yaml").headers[.contentType] == "application/yaml; charset=utf-8")
            _ = try await client.get("/")
            let metrics = try await client.get("/metrics")
            #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(metrics.text.contains(#"route="site""#))
        }
    }

    @Test("a path that could leave the site is refused, never resolved", arguments: [
        "/../etc/passwd",
        "/%2e%2e/x",
        "/%2E%2E/Package.swift",
        "/articles/..%2fPackage.swift",
        "/articles/%2F..%2FPackage.swift",
        "//etc/passwd",
        "/articles//unlock-account.html",
        "/articles\\..\\Package.swift",
        "/a%5cb",
        "/articles/../index.html",
        "/./index.html",
        "/articles/.",
        "/%00",
        "/index.html%00.txt",
        "/%252e%252e/x",
        "/x%zz",
    ])
    func traversal(_ path: String) async throws {
        try await withServer { client in
            let response = try await client.get(path)
            #expect(response.status == .badRequest, "\(path)")
            let error = try response.error
            #expect(error.code == "bad-path")
            #expect(error.message.hasPrefix("refused the path"))
        }
    }

    @Test("other methods on site paths are a 405 with Allow")
    func methods() async throws {
        try await withServer { client in
            for (method, path) in [(HTTPRequest.Method.post, "/"), (.put, "/style.css"), (.delete, "/articles/unlock-account.html"), (.post, "/nowhere")] {
                let response = try await client.execute(uri: path, method: method) { $0 }
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(try response.error.code == "method-not-allowed")
            }
        }
    }

    @Test("ServedSite: FNV-1a ETags, types by extension, gzip only for text that shrinks")
    func servedSite() throws {
        let big = Data(String(repeating: "help center ", count: 100).utf8)
        let site = try ServedSite(StaticSite(files: [
            SiteFile(path: "a.txt", contents: Data("a".utf8)),
            SiteFile(path: "empty.html", contents: Data()),
            SiteFile(path: "big.css", contents: big),
            SiteFile(path: "blob.bin", contents: big),
            SiteFile(path: "noext", contents: big),
            SiteFile(path: "x/Page.HTML", contents: big),
        ]))
        let small = try #require(site.file("a.txt"))
        #expect(small.etag == #""af63dc4c8601ec8c""#)
        #expect(small.gzipETag == #""af63dc4c8601ec8c-gz""#)
        #expect(small.contentType == "text/plain; charset=utf-8")
        #expect(small.gzipByteCount == nil)
        #expect(site.file("empty.html")?.etag == #""cbf29ce484222325""#)
        #expect(site.file("big.css")?.gzipByteCount.map { $0 < big.count / 4 } == true)
        #expect(site.file("blob.bin")?.contentType == "application/octet-stream")
        #expect(site.file("blob.bin")?.gzipByteCount == nil)
        #expect(site.file("noext")?.contentType == "application/octet-stream")
        #expect(site.file("x/Page.HTML")?.contentType == "text/html; charset=utf-8")
        #expect(site.notFoundPage == nil)
    }

    /// `data` inflated by the system's gzip.
    static func gunzip(_ data: Data) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kb-gunzip-\(UUID().uuidString).gz")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc \"$0\"", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return result
    }
}

extension TestResponse {
    /// The body's bytes.
    var bytes: Data { Data(body.readableBytesView) }
}
