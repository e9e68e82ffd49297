public import Hummingbird

/// Every route the server answers. The router is built from this list, the
/// `405 Method Not Allowed` answers come from it, and the tests hold the OpenAPI
/// document against it.
public enum ServerRoute: String, CaseIterable, Sendable {
    case articles
    case article
    case articleAnswer
    case categories
    case codes
    case code
    case codeAnswer
    case search
    case suggest
    case flows
    case simulate
    case explain
    case suggestAnswer
    case health
    case metrics
    case openAPI
    case feedback
    case click
    case report
    case adminReport

    public var method: HTTPRequest.Method {
        switch self {
        case .simulate, .explain, .suggestAnswer, .feedback, .click: .post
        default: .get
        }
    }

    /// The path pattern, `{name}` standing for one path segment.
    public var path: String {
        switch self {
        case .articles: "/v1/articles"
        case .article: "/v1/articles/{slug}"
        case .articleAnswer: "/v1/articles/{slug}/answer"
        case .categories: "/v1/categories"
        case .codes: "/v1/codes"
        case .code: "/v1/codes/{code}"
        case .codeAnswer: "/v1/codes/{code}/answer"
        case .search: "/v1/search"
        case .suggest: "/v1/suggest"
        case .flows: "/v1/flows"
        case .simulate: "/v1/flows/{id}/simulate"
        case .explain: "/v1/explain"
        case .suggestAnswer: "/v1/answers/suggest"
        case .health: "/healthz"
        case .metrics: "/metrics"
        case .openAPI: "/openapi.yaml"
        case .feedback: "/v1/feedback"
        case .click: "/v1/events/click"
        case .report: "/v1/report"
        case .adminReport: "/admin/report"
        }
    }

    /// The methods some route answers at `path` (HEAD wherever GET is), empty when no route has that path.
    public static func allowedMethods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods: [HTTPRequest.Method] = []
        for route in allCases where route.matches(segments) && !methods.contains(route.method) {
            methods.append(route.method)
            if route.method == .get { methods.append(.head) }
        }
        return methods
    }

    /// Whether the path's segments fit this route's pattern.
    private func matches(_ segments: [Substring]) -> Bool {
        let pattern = path.split(separator: "/")
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { expected, actual in
            expected.hasPrefix("{") || expected == actual
        }
    }
}
