import CZlib
import Foundation

/// Compresses bytes into the gzip format (RFC 1952) with zlib: the one file that
/// calls zlib, so no zlib type leaves it.
enum Gzip {
    /// Why zlib refused: its return code and message.
    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { "zlib failed (\(code)): \(message)" }
    }

    /// `data` as one gzip member, at zlib's best compression (the site is compressed once per load).
    static func compress(_ data: Data, level: Int32 = Z_BEST_COMPRESSION) throws(Failure) -> Data {
        var stream = z_stream()
        let status = kb_deflate_init_gzip(&stream, level)
        guard status == Z_OK else { throw Failure(code: status, message: Self.message(stream)) }
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: bound)
        var input = data
        let result: Int32 = input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                stream.next_in = inputBytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(inputBytes.count)
                stream.next_out = outputBytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outputBytes.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound is enough for one Z_FINISH call; anything but Z_STREAM_END is a failure.
        guard result == Z_STREAM_END else { throw Failure(code: result, message: Self.message(stream)) }
        output.count = Int(stream.total_out)
        return output
    }

    private static func message(_ stream: z_stream) -> String {
        stream.msg.map { String(cString: $0) } ?? "no message"
    }
}
