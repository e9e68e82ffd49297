#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
public import Logging
import Synchronization

/// swift-log's handler for `kb serve`: lines in `StreamLogHandler`'s format,
///
///     2026-11-25T12:47:18+0000 info kb: duration_ms=0.760 hb.request.id=… http.method=GET … [KBServer] request
///
/// collected in a ``LogSink`` and written in batches instead of one `write` (and one
/// `fflush`) per line. At one line per request this is a large part of a cached
/// request's cost; batching keeps the log complete while the server stays fast.
public struct ServerLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let sink: LogSink

    public init(label: String, level: Logger.Level, sink: LogSink, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        logLevel = level
        self.sink = sink
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, new in new }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line = " \(event.level)"
        if !label.isEmpty { line += " " + label }
        line += ":"
        for key in merged.keys.sorted() {
            line += " \(key)=\(merged[key]!)"
        }
        line += " [\(event.source)] \(event.message)\n"
        sink.append(line, urgent: event.level >= .warning)
    }
}

/// Where ``ServerLogHandler`` lines go: a buffer written to a file descriptor when it
/// holds 16 KiB, when a line of level warning or above arrives, every quarter of a
/// second (when the sink has a flush interval), and when ``flush()`` is called (at
/// shutdown). Lines are written whole and in the order they were added.
public final class LogSink: Sendable {
    /// Standard error, flushed at least every 250 ms.
    public static let standardError = LogSink(fileDescriptor: 2, flushInterval: .milliseconds(250))

    /// Buffered bytes past which an append writes them out.
    static let flushThreshold = 16 * 1024

    private struct State {
        var buffer: [UInt8] = []
        /// The second the cached timestamp is for, and the timestamp (`2026-11-25T12:47:18+0000`).
        var second = -1
        var stamp = ""
    }

    private let fileDescriptor: Int32
    private let state = Mutex(State())
    /// Held while a batch is taken and written, so that batches leave in order.
    private let writeGate = Mutex(())

    /// A sink writing to `fileDescriptor` (not closed by the sink); with `flushInterval`,
    /// a background thread flushes it that often for as long as the process lives.
    public init(fileDescriptor: Int32, flushInterval: Duration? = nil) {
        self.fileDescriptor = fileDescriptor
        if let flushInterval {
            let microseconds = UInt32(flushInterval.components.seconds * 1_000_000 + flushInterval.components.attoseconds / 1_000_000_000_000)
            Thread.detachNewThread { [self] in
                while true {
                    usleep(microseconds)
                    flush()
                }
            }
        }
    }

    /// Adds a line (without its timestamp, starting with a space); writes the buffer
    /// out when `urgent` or when it is large.
    func append(_ line: String, urgent: Bool) {
        let now = time(nil)
        let isLarge = state.withLock { state in
            if state.second != now {
                state.second = now
                state.stamp = Self.timestamp(now)
            }
            state.buffer += state.stamp.utf8
            state.buffer += line.utf8
            return state.buffer.count >= Self.flushThreshold
        }
        if urgent || isLarge { flush() }
    }

    /// Writes out every line added so far.
    public func flush() {
        writeGate.withLock { _ in
            let batch = state.withLock { state -> [UInt8] in
                defer { state.buffer.removeAll(keepingCapacity: true) }
                return state.buffer
            }
            batch.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return  // the log's reader is gone; the server carries on
                    }
                }
            }
        }
    }

    /// `2026-11-25T12:47:18+0000` in UTC, as `StreamLogHandler` writes it for a UTC machine.
    static func timestamp(_ seconds: time_t) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [Int8](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S+0000", &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
