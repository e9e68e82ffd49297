/// Cleans text before it enters a document: HTML forbids most control characters,
/// and a NUL would cut a C string short.
enum MarkupText {
    /// `text` without C0 controls other than tab, line feed and carriage return,
    /// without DEL and C1 controls, and without Unicode noncharacters.
    ///
    /// - Complexity: O(n); plain printable ASCII is returned as it is after one pass.
    static func clean(_ text: String) -> String {
        let isPlain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { byte in byte >= 0x7F || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) }
        }
        if isPlain == true { return text }
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isForbidden(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Calls `body` with the cleaned text as a NUL-terminated UTF-8 C string.
    static func withCleanCString<Result>(_ text: String, _ body: (UnsafePointer<UInt8>) -> Result) -> Result {
        let cleaned = clean(text)
        // Cleaning removed every NUL, so the C string is the whole text.
        return cleaned.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: cleaned.utf8.count + 1, body)
        }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D:
            return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF:
            return true
        default:
            return value & 0xFFFE == 0xFFFE
        }
    }
}
