import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with kb's ``ConnectionGuard`` in its pipeline:
///
/// ```
/// ConnectionByteHandler → HTTP/1 encoder and decoder (header limits) → HTTPRequestGuardHandler
///   → HTTP1ToHTTPServerCodec → HTTPConnectionStateHandler (graceful shutdown) → the router
/// ```
///
/// It is `HTTP1Channel.setup` with the two guard handlers added; the requests are
/// handled by Hummingbird's own `handleHTTP`.
struct GuardedHTTP1Channel: HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionLimits
    let metrics: ServerMetrics

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let guardian = ConnectionGuard(limits: limits, metrics: metrics, logger: logger)
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            // The request target counts as a field, and towards the total, in NIO's decoder.
            decoderLimits.maxHeaderFieldSize = max(limits.maxHeaderFieldBytes, limits.maxURIBytes)
            decoderLimits.maxHeaderListSize = limits.maxHeaderBytes + limits.maxURIBytes
            decoderLimits.maxHeaderFieldCount = limits.maxHeaderFields
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ConnectionByteHandler(guardian))
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,
                withErrorHandling: false,
                withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: decoderLimits
            )
            try pipeline.addHandler(HTTPRequestGuardHandler(guardian))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel,
                configuration: .init(isOutboundHalfClosureEnabled: true)
            )
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with kb's connection limits.
    static func guardedHTTP1(limits: ConnectionLimits, metrics: ServerMetrics) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            GuardedHTTP1Channel(responder: responder, limits: limits, metrics: metrics)
        }
    }
}
