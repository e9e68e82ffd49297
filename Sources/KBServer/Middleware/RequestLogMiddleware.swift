public import Hummingbird
import Logging

/// Logs one line per request at info (method, path, status, duration and the
/// request id the logger carries), records it in the metrics by route and
/// status, and returns the request id in `X-Request-ID`.
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = ServerRequestContext

    let metrics: ServerMetrics

    public init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        finish(&response, request: request, context: context, route: routeLabel(context: context, path: request.uri.path), since: start)
        return response
    }

    /// Records `response` in the metrics under `route`, adds `X-Request-ID` and logs the
    /// line (the cached fast path calls this too).
    func finish(_ response: inout Response, request: Request, context: Context, route: String, since start: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - start
        metrics.recordRequest(route: route, method: request.method, status: response.status, duration: duration)
        response.headers[.xRequestID] = context.requestID
        context.logger.info("request", metadata: [
            "http.method": .string(request.method.rawValue),
            "http.path": .string(request.uri.path),
            "http.status": .stringConvertible(response.status.code),
            "duration_ms": .string(Self.milliseconds(duration)),
        ])
    }

    /// The route's pattern, or `unmatched`: never the raw path, which would let clients create metric series.
    private func routeLabel(context: Context, path: String) -> String {
        if let endpoint = context.endpointPath, endpoint != "NotFound" { return endpoint }
        return "unmatched"
    }

    /// A duration in milliseconds with three decimals.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let whole = microseconds / 1000, fraction = microseconds % 1000
        let padded = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
