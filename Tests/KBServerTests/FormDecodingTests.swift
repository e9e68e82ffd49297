import Foundation
import Hummingbird
import Testing
@testable import KBServer

@Suite("Form decoding of query strings")
struct FormDecodingTests {
    /// What the decoding did before it read bytes: `+` as a space, then Foundation's
    /// percent-decoding, kept with only `+` decoded where that fails.
    static func reference(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    @Test("decodes as Foundation does: spaces, UTF-8, malformed escapes, bytes that are not UTF-8")
    func matchesFoundation() {
        let cases = [
            "", "plain", "a+b", "acount%20locked", "kartu+ditolak%3F", "%E2%80%94", "%e2%80%94", "caf%C3%A9", "%", "%2", "%zz",
            "100%", "50%25", "%C3", "%FF%FE", "a%2Bb", "++", "%00", "%0A%0D", "tanda%20%2B%20plus+x", "%%20", "%2%20", "日本",
            "%F0%9F%98%80", "%ED%A0%80", "x%C0%AF", "a%2", "%20%", "%41%42%43",
        ]
        for text in cases {
            #expect(Request.formDecoded(text[...]) == Self.reference(text[...]), "\(text.debugDescription)")
        }
    }

    @Test("random strings of escapes, pluses and letters decode as Foundation does")
    func randomStrings() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["%", "+", "a", "Z", "0", "9", "f", "F", "%2", "%20", "%C3", "%A9", "%E2", "%80", "%FF", "%g", "é", " "]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Request.formDecoded(text[...]) == Self.reference(text[...]), "\(text.debugDescription)")
        }
    }
}
