import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a loopback port, for sending what no HTTP client
/// would (half a head, no Host, broken chunked encoding) and reading exactly
/// what the server answers, or that it closed.
///
/// Each call blocks a thread of its own, never one of Swift concurrency's (a
/// blocked cooperative thread could hold up the server under test).
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    /// What was read, and whether the server closed the connection.
    struct Reply: Sendable {
        var bytes: [UInt8]
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
        /// The status code of the first response, if one was read.
        var status: Int? {
            guard text.hasPrefix("HTTP/1.") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }
        /// The body after the first blank line.
        var body: String {
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[range.upperBound...])
        }
        /// A header of the first response, by name in any case.
        func header(_ name: String) -> String? {
            let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
            for line in head.components(separatedBy: "\r\n").dropFirst() {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends `text` (as UTF-8) on a thread of its own; `false` when the server had closed.
    @discardableResult
    func send(_ text: String) async -> Bool {
        await send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        await Self.onThread { [descriptor] in
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// Reads until the server closes, `until` holds for what was read, or `timeout` passes.
    func receive(timeout: Duration = .seconds(30), until done: @escaping @Sendable ([UInt8]) -> Bool = { _ in false }) async -> Reply {
        await Self.onThread { [descriptor] in
            var bytes: [UInt8] = []
            let deadline = ContinuousClock.now + timeout
            var buffer = [UInt8](repeating: 0, count: 65536)
            while ContinuousClock.now < deadline {
                let left = deadline - ContinuousClock.now
                let milliseconds = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, milliseconds)
                if ready <= 0 { continue }
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 { return Reply(bytes: bytes, closed: true) }
                bytes += buffer[0..<count]
                if done(bytes) { return Reply(bytes: bytes, closed: false) }
            }
            return Reply(bytes: bytes, closed: false)
        }
    }

    /// Reads one whole response (its head and a body of `Content-Length` bytes).
    func receiveResponse(timeout: Duration = .seconds(30)) async -> Reply {
        await receive(timeout: timeout) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { return false }
            let head = text[..<end.lowerBound].lowercased()
            guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            else { return true }
            return text[end.upperBound...].utf8.count >= length
        }
    }

    /// Closes the connection at once (as a client that goes away).
    func shutdown() {
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.start()
        }
    }
}
