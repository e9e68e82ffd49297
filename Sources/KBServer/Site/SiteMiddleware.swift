import Hummingbird

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
        if let file = site.file(relative) {
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
