public import Hummingbird
import Logging

/// The context of one request: Hummingbird's, plus the request's id, which is in
/// every log line about the request, in `X-Request-ID`, and in a 500's message.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Hummingbird's id for the request (`hb.request.id` in the logs).
    public let requestID: String
    /// What the request is answered from, taken once when it arrives so that every
    /// part of the answer (and the cache key) comes from one version of the content.
    public var snapshot: KnowledgeBaseStore.Snapshot?
    /// The client's IP address, for the rate limit of the POST routes only: held in
    /// memory, never logged or stored.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        snapshot = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
        coreContext = CoreRequestContextStorage(source: source)
        let existing = source.logger[metadataKey: "hb.request.id"]
        requestID = existing?.description ?? RequestID().description
        if existing == nil { logger[metadataKey: "hb.request.id"] = .string(requestID) }
    }
}

extension ServerRequestContext {
    /// The request's snapshot, or `store`'s current one when none was taken.
    func snapshot(of store: KnowledgeBaseStore) -> KnowledgeBaseStore.Snapshot {
        snapshot ?? store.snapshot
    }
}
