import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// What one connection may do, enforced in its channel pipeline before a request
/// reaches the router: the timeouts of ``ConnectionTimeouts``, a `Host` on every
/// HTTP/1.1 request, the sizes of the request line and header fields, keep-alive
/// as the client asked, and a JSON answer to HTTP that cannot be parsed.
///
/// Two handlers share it, both on the connection's event loop: ``ConnectionByteHandler``
/// first in the pipeline (it sees bytes arrive, and writes refusals straight to the
/// socket) and ``HTTPRequestGuardHandler`` just after the HTTP/1 decoder (it sees
/// heads, ends, answers and parse errors).
///
/// A refusal (400, 408, 414, 431) is written with `Connection: close`; the
/// connection then stops reading requests, shuts its output and reads and drops
/// what the client still sends for up to ``lingerTime`` (so the client reads the
/// answer rather than a reset), then closes.
final class ConnectionGuard {
    let limits: ConnectionLimits
    let metrics: ServerMetrics
    let logger: Logger
    private(set) var timeouts: ConnectionTimeouts<ContinuousClock>

    /// The byte handler's context: where refusals are written and the connection closed.
    var socket: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    private var timerDeadline: ContinuousClock.Instant?

    /// Bytes of the head being received, and the length of its request line once its end arrived.
    private var headBytes = 0
    private var requestLineBytes: Int?

    /// The client asked for no more requests (HTTP/1.0 without keep-alive,
    /// `Connection: close`), or its stream cannot be read further: answer what is owed, then close.
    private(set) var lastRequestRead = false
    /// The last head was HTTP/1.0 asking for keep-alive: the answer must say it is kept.
    private(set) var keepAliveSaid = false
    /// Refused or closing: read nothing more, write nothing more.
    private(set) var isClosing = false
    /// Bytes dropped while lingering.
    private var discarded = 0

    /// How long a refused connection keeps reading (and dropping) what the client sends.
    static let lingerTime: Duration = .seconds(2)
    /// How much it reads so at most.
    static let lingerBytes = 1 << 20

    init(limits: ConnectionLimits, metrics: ServerMetrics, logger: Logger) {
        self.limits = limits
        self.metrics = metrics
        self.logger = logger
        timeouts = ConnectionTimeouts(limits: limits, clock: ContinuousClock())
    }

    // MARK: Events from the byte handler

    func opened(_ context: ChannelHandlerContext) {
        socket = context
        timeouts.opened()
        metrics.connectionOpened()
        reschedule()
    }

    func closed() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
        if socket != nil { metrics.connectionClosed() }
        socket = nil
    }

    /// Bytes arrived; `false` when they are to be dropped (the connection is closing).
    func received(_ buffer: ByteBuffer) -> Bool {
        if isClosing {
            discarded += buffer.readableBytes
            if discarded > Self.lingerBytes { socket?.close(promise: nil) }
            return false
        }
        let wasWaiting = timeouts.headStartedAt == nil && timeouts.bodyStartedAt == nil && timeouts.answersOwed == 0
        timeouts.bytesReceived()
        if wasWaiting, timeouts.headStartedAt != nil {
            headBytes = 0
            requestLineBytes = nil
            reschedule()
        }
        if timeouts.headStartedAt != nil {
            if requestLineBytes == nil, let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                requestLineBytes = headBytes + (newline - buffer.readableBytesView.startIndex)
            }
            headBytes += buffer.readableBytes
        }
        return true
    }

    // MARK: Events from the HTTP handler

    /// A head was decoded: the refusal it earns, if any.
    func headReceived(_ head: HTTPRequestHead) -> Refusal? {
        if head.version.major == 1, head.version.minor >= 1 {
            let hosts = head.headers["Host"]
            if hosts.isEmpty { return .missingHost }
            if hosts.count > 1 { return .repeatedHost(hosts.count) }
        }
        if head.uri.utf8.count > limits.maxURIBytes { return .uriTooLong(head.uri.utf8.count, limits.maxURIBytes) }
        timeouts.headReceived()
        if !head.isKeepAlive { lastRequestRead = true }
        keepAliveSaid = head.version == .http1_0 && head.isKeepAlive
        reschedule()
        return nil
    }

    func requestEnded() {
        timeouts.requestEnded()
        reschedule()
    }

    /// An answer was written to its end; `true` when the connection is to close now.
    func answerEnded() -> Bool {
        timeouts.answerEnded()
        if lastRequestRead, timeouts.answersOwed == 0 {
            isClosing = true
            return true
        }
        reschedule()
        return false
    }

    /// The HTTP/1 decoder failed. While a body is read, the answer sees the error (and
    /// the connection closes after it); while answers are owed, it closes after them;
    /// otherwise the error is refused here. Returns whether to pass the error on.
    func parseFailed(_ error: HTTPParserError) -> Bool {
        if timeouts.answersOwed > 0 {
            lastRequestRead = true
            return timeouts.bodyStartedAt != nil
        }
        if timeouts.bodyStartedAt != nil {
            // Answered already (a 413 before the body ended, say): nothing more to say.
            isClosing = true
            socket?.close(promise: nil)
            return false
        }
        refuse(Refusal(error, requestLineBytes: requestLineBytes, headBytes: headBytes, limits: limits))
        return false
    }

    /// Stops writing answers: later writes are dropped, the connection closes.
    func markClosing() {
        isClosing = true
    }

    // MARK: Refusals and timeouts

    /// Answers `refusal` straight on the socket and closes the connection, lingering.
    func refuse(_ refusal: Refusal) {
        guard !isClosing, let socket else { return }
        isClosing = true
        cancelTimer()
        let requestID = RequestID().description
        metrics.recordRefusal(refusal.error.code)
        logger.info("refused", metadata: [
            "hb.request.id": .string(requestID),
            "http.status": .stringConvertible(refusal.error.status.code),
            "error": .string(refusal.error.code),
        ])
        let bytes = refusal.error.rawResponse(requestID: requestID)
        var buffer = socket.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        let loop = socket.eventLoop
        socket.writeAndFlush(NIOAny(buffer)).assumeIsolated().whenComplete { [weak self] _ in
            guard let self, let socket = self.socket else { return }
            socket.close(mode: .output, promise: nil)
            _ = loop.assumeIsolated().scheduleTask(in: TimeAmount(Self.lingerTime)) { [weak self] in
                self?.socket?.close(promise: nil)
            }
        }
    }

    /// Looks at the connection when the next deadline comes.
    ///
    /// One timer at a time: when the deadline moves later it fires early, sees
    /// nothing has run out, and sets itself again; only an earlier deadline replaces it.
    private func reschedule() {
        guard !isClosing, let socket, let deadline = timeouts.deadline else { return }
        if let timerDeadline, timerDeadline <= deadline { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = socket.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(deadline - .now)) { [weak self] in
            self?.deadlinePassed()
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
    }

    private func deadlinePassed() {
        timer = nil
        timerDeadline = nil
        guard !isClosing, let socket else { return }
        switch timeouts.expired() {
        case nil:
            reschedule()
        case .header:
            refuse(.headerTimeout(limits.headerTimeout))
        case .body:
            isClosing = true
            metrics.recordRefusal("body-timeout")
            logger.info("closed a connection whose request body did not arrive in time", metadata: [
                "timeout_s": .stringConvertible(Self.seconds(limits.bodyTimeout)),
            ])
            socket.close(promise: nil)
        case .silent, .idle:
            isClosing = true
            socket.close(promise: nil)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}

extension ConnectionGuard {
    /// A request the connection answers itself, with an error, and then closes.
    struct Refusal {
        var error: APIError

        static var missingHost: Refusal {
            Refusal(error: APIError(
                .badRequest, code: "missing-host",
                message: "an HTTP/1.1 request needs a Host header (RFC 9112, section 3.2)"
            ))
        }

        static func repeatedHost(_ count: Int) -> Refusal {
            Refusal(error: APIError(
                .badRequest, code: "repeated-host",
                message: "the request has \(count) Host headers; send exactly one (RFC 9112, section 3.2)"
            ))
        }

        static func uriTooLong(_ length: Int?, _ limit: Int) -> Refusal {
            let size = length.map { "is \($0) bytes long" } ?? "is too long"
            return Refusal(error: APIError(
                .uriTooLong, code: "uri-too-long",
                message: "the request target (path and query) \(size); the server reads at most \(limit) bytes"
            ))
        }

        static func headerTimeout(_ timeout: Duration) -> Refusal {
            Refusal(error: APIError(
                .requestTimeout, code: "header-timeout",
                message: "the request head did not arrive within \(ConnectionGuard.seconds(timeout).formatted()) s"
            ))
        }

        /// The refusal for a request the HTTP/1 decoder could not read.
        init(_ error: HTTPParserError, requestLineBytes: Int?, headBytes: Int, limits: ConnectionLimits) {
            if error == .headerOverflow {
                if requestLineBytes.map({ $0 > limits.maxURIBytes }) ?? (headBytes > limits.maxURIBytes) {
                    self = .uriTooLong(requestLineBytes, limits.maxURIBytes)
                } else {
                    self.error = APIError(
                        .requestHeaderFieldsTooLarge, code: "header-too-large",
                        message: "the request's header fields are too large: at most \(limits.maxHeaderFields) fields, "
                            + "\(limits.maxHeaderFieldBytes) bytes each and \(limits.maxHeaderBytes) bytes in all"
                    )
                }
            } else {
                self.error = APIError(
                    .badRequest, code: "malformed-request",
                    message: "the request is not valid HTTP/1.1 (\(error)); the connection is closed"
                )
            }
        }

        private init(error: APIError) {
            self.error = error
        }
    }
}

/// First in a connection's pipeline: tells the guard when bytes arrive, drops them
/// once the connection is closing, and is where the guard writes refusals.
final class ConnectionByteHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let guardian: ConnectionGuard

    init(_ guardian: ConnectionGuard) {
        self.guardian = guardian
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { guardian.opened(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if guardian.socket == nil { guardian.opened(context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        guardian.closed()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        guardian.closed()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if guardian.received(unwrapInboundIn(data)) { context.fireChannelRead(data) }
    }
}

@available(*, unavailable)
extension ConnectionByteHandler: Sendable {}

/// Just after the HTTP/1 decoder: checks each head, refuses what the guard refuses,
/// keeps the connection open or closes it after the answer as the client asked,
/// and turns parse errors into answers.
final class HTTPRequestGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let guardian: ConnectionGuard
    /// The last request the client will send has been read to its end: drop anything after it.
    private var readingDone = false

    init(_ guardian: ConnectionGuard) {
        self.guardian = guardian
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !guardian.isClosing, !readingDone else { return }
        switch unwrapInboundIn(data) {
        case let .head(head):
            if let refusal = guardian.headReceived(head) {
                guardian.refuse(refusal)
                return
            }
            context.fireChannelRead(data)
        case .body:
            context.fireChannelRead(data)
        case .end:
            guardian.requestEnded()
            if guardian.lastRequestRead { readingDone = true }
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if guardian.isClosing {
            // An answer after the last one (Hummingbird's own to a parse error): the client has its answer.
            promise?.succeed(())
            return
        }
        switch unwrapOutboundIn(data) {
        case var .head(head):
            if guardian.lastRequestRead, guardian.timeouts.answersOwed <= 1 {
                head.headers.replaceOrAdd(name: "Connection", value: "close")
            } else if guardian.keepAliveSaid {
                head.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            if guardian.answerEnded() {
                context.writeAndFlush(data, promise: promise)
                context.close(promise: nil)
            } else {
                context.write(data, promise: promise)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let parseError = error as? HTTPParserError {
            if guardian.parseFailed(parseError) { context.fireErrorCaught(error) }
            return
        }
        // Once the connection is closing or reads no more requests, what the decoder
        // says of later bytes (data received in its error state) is of no interest.
        if guardian.isClosing || guardian.lastRequestRead { return }
        context.fireErrorCaught(error)
    }
}

@available(*, unavailable)
extension HTTPRequestGuardHandler: Sendable {}
