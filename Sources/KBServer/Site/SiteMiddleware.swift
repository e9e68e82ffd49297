import Foundation
import Hummingbird
import KBContent
import KBSite

/// Serves the static help site at `/`: every path that is not the API (`/v1` and
/// below) or one of `/healthz`, `/metrics`, `/openapi.yaml` is a site path, answered
/// from the request's snapshot (``ServedSite``), never from the disk.
///
/// - `/` is `index.html`, `/x/` is `x/index.html`, `/x` (a folder) redirects to `/x/`;
///   a missing file is the site's `404.html` with status 404 (`id/404.html` below `/id/`).
/// - GET and HEAD only; another method is a 405 with `Allow: GET, HEAD`.
/// - Paths that could leave the site are refused with a 400 (``SitePath``).
/// - `ETag` on every file, `If-None-Match` answered with 304; gzip when
///   `Accept-Encoding` accepts it; `Vary: Accept-Encoding`; `Cache-Control: no-cache`
///   (caches keep the files but ask again each time, so a reload shows at once and
///   costs a 304 when nothing changed).
struct SiteMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let store: KnowledgeBaseStore

    /// The label of site requests in the metrics.
    static let routeLabel = "site"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard Self.isSitePath(path) else { return try await next(request, context) }
        context.coreContext.endpointPath.value = Self.routeLabel
        let relative = try SitePath.resolve(path)
        guard request.method == .get || request.method == .head else {
            throw APIError.methodNotAllowed(request.method, path: path, allowed: [.get, .head])
        }
        let site = context.snapshot(of: store).site
        let response: Response
        if let page = try Self.flowAnswer(relative, request: request, site: site) {
            response = page
        } else if let file = site.file(relative) {
            response = Self.response(file, status: .ok, request: request)
        } else if site.file(relative + "/index.html") != nil {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            response = Response(status: .movedPermanently, headers: [.location: path + "/" + query])
        } else if let page = site.notFoundPage(for: relative) {
            response = Self.response(page, status: .notFound, request: request)
        } else {
            throw APIError.noRoute(path)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    /// A flow page answering its form (`flows/<id>.html?attempts=…`): rendered for this
    /// request, with what was typed and the simulator's result or the problem with it;
    /// `nil` for any other request (the built file answers those).
    static func flowAnswer(_ relative: String, request: Request, site: ServedSite) throws -> Response? {
        guard let builder = site.builder, request.uri.query?.isEmpty == false,
              let (language, id) = flowPage(relative)
        else { return nil }
        let pairs = Array(request.queryPairs().prefix(RequestLimits.flowInputItems))
        guard let body = try builder.flowPage(
            id, language: language, query: pairs, now: Date(), maxValueLength: RequestLimits.flowInputValue
        ) else { return nil }
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The language and flow id of a flow page's path (`flows/x.html`, `id/flows/x.html`).
    static func flowPage(_ relative: String) -> (Language, String)? {
        var path = Substring(relative)
        var language = Language.source
        for other in Language.translations where path.hasPrefix(SiteRoute.folder(of: other)) {
            language = other
            path = path.dropFirst(SiteRoute.folder(of: other).count)
        }
        guard path.hasPrefix("flows/"), path.hasSuffix(".html") else { return nil }
        let id = path.dropFirst("flows/".count).dropLast(".html".count)
        guard !id.isEmpty, !id.contains("/") else { return nil }
        return (language, String(id))
    }

    /// Whether the server answers `path` from the site rather than from a route.
    static func isSitePath(_ path: String) -> Bool {
        if path == "/v1" || path.hasPrefix("/v1/") { return false }
        return !ServerRoute.allCases.contains { $0.path == path }
    }

    /// `file` as the answer to `request`: gzip or not as asked, 304 when the client has it.
    static func response(_ file: ServedSite.File, status: HTTPResponse.Status, request: Request) -> Response {
        let gzip = file.gzipBody != nil && ContentNegotiation.acceptsGzip(request.headers[values: .acceptEncoding])
        let etag = gzip ? file.gzipETag : file.etag
        var headers: HTTPFields = [.cacheControl: "no-cache", .vary: "Accept-Encoding"]
        if status == .ok {
            headers[.eTag] = etag
            let conditions = request.headers[values: .ifNoneMatch]
            if !conditions.isEmpty, ContentNegotiation.noneMatch(conditions, matches: [file.etag, file.gzipETag]) {
                var response = Response(status: .notModified, headers: headers)
                response.headers[.contentLength] = nil
                return response
            }
        }
        headers[.contentType] = file.contentType
        if gzip, let body = file.gzipBody {
            headers[.contentEncoding] = "gzip"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }
}
