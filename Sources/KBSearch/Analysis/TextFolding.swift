import Foundation

/// The slow path of analysis for text that is not plain ASCII: Unicode NFKC,
/// full case folding and diacritic folding, through Foundation.
///
/// Only word runs holding a non-ASCII scalar come here; ASCII runs are folded
/// byte by byte by ``Tokenizer``.
enum TextFolding {
    /// Folds `text` and calls `body` with the UTF-8 bytes of each word of the
    /// result (folding can split a run, as NFKC turns "½" into "1⁄2") and whether
    /// it holds a digit. `body` returns false to stop.
    static func forEachFoldedWord(in text: String, _ body: ([UInt8], Bool) -> Bool) {
        let folded = fold(text)
        var word: [UInt8] = []
        var hasDigit = false
        let scalars = Array(folded.unicodeScalars)
        for (k, scalar) in scalars.enumerated() {
            if Tokenizer.isWordScalar(scalar) {
                // A combining mark with no letter before it (a lone accent) is dropped.
                if word.isEmpty, Self.isMark(scalar) { continue }
                word.append(contentsOf: scalar.utf8)
                hasDigit = hasDigit || scalar.properties.numericType != nil
                continue
            }
            let isApostrophe = scalar == "'" || scalar == "\u{2019}"
            if isApostrophe, !word.isEmpty, k + 1 < scalars.count, Tokenizer.isWordScalar(scalars[k + 1]) {
                continue
            }
            if !word.isEmpty {
                guard body(word, hasDigit) else { return }
                word.removeAll(keepingCapacity: true)
                hasDigit = false
            }
        }
        if !word.isEmpty { _ = body(word, hasDigit) }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// NFKC, then case and diacritic folding (é → e, ß → ss, Ｆ → f).
    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
