public import Hummingbird
import Logging

/// The context of one request: Hummingbird's, plus the request's id, which is in
/// every log line about the request, in `X-Request-ID`, and in a 500's message.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Hummingbird's id for the request (`hb.request.id` in the logs).
    public let requestID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        let existing = source.logger[metadataKey: "hb.request.id"]
        requestID = existing?.description ?? RequestID().description
        if existing == nil { logger[metadataKey: "hb.request.id"] = .string(requestID) }
    }
}
