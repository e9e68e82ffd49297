/// One token found by ``Tokenizer``.
///
/// `term` points into the tokenizer's scratch buffer and is valid only during
/// the callback that receives the token.
struct RawToken {
    /// The folded term: NFKC, case folded, diacritics removed, apostrophes dropped.
    var term: UnsafeBufferPointer<UInt8>
    /// The token's position; a compound (e-mail, URL) shares the position of its first part.
    var position: Int
    /// Byte range of the token in the source text.
    var start: Int
    var end: Int
    /// Byte offset where the scanner unit (a word run or a whole compound) begins:
    /// tokenizing again from there reproduces the same tokens and positions.
    var unitStart: Int
    /// The position of the unit's first token: with `unitStart`, a restart point.
    var unitPosition: Int
    var hasDigit: Bool
    var isCompound: Bool
}

/// Splits UTF-8 text into terms: runs of letters and digits, plus e-mail
/// addresses and URLs kept whole (and also split into their parts).
///
/// ASCII runs are folded byte by byte; a run holding any other scalar goes
/// through ``TextFolding`` (NFKC, case and diacritic folding). Every token takes
/// one position, stop words included (the caller drops them and so leaves a
/// gap), so phrase offsets match between documents and queries.
///
/// - Complexity: O(*n*) in the length of the text (an e-mail candidate is
///   scanned at most 64 + 253 bytes ahead).
struct Tokenizer {
    /// Longer word runs (hashes, base64) are skipped; they still take a position.
    static let maxWordBytes = 64
    /// Longer e-mails and URLs are only indexed by their parts.
    static let maxCompoundBytes = 128

    private let text: UnsafeBufferPointer<UInt8>
    private let scratch: UnsafeMutableBufferPointer<UInt8>
    private var noEmailBefore = 0

    /// Calls `body` for every token of `text` from byte offset `start` (which
    /// must be a unit start, such as 0), numbering positions from `firstPosition`.
    /// `body` returns false to stop early. Returns the next unused position.
    @discardableResult
    static func forEachToken(
        in text: UnsafeBufferPointer<UInt8>,
        from start: Int = 0,
        firstPosition: Int = 0,
        _ body: (RawToken) -> Bool
    ) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { scratch in
            var tokenizer = Tokenizer(text: text, scratch: scratch)
            return tokenizer.run(from: start, position: firstPosition, body)
        }
    }

    /// Tokenizes a Swift string.
    @discardableResult
    static func forEachToken(in string: String, firstPosition: Int = 0, _ body: (RawToken) -> Bool) -> Int {
        var string = string
        return string.withUTF8 { forEachToken(in: $0, firstPosition: firstPosition, body) }
    }

    private init(text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.scratch = scratch
    }

    private mutating func run(from start: Int, position: Int, _ body: (RawToken) -> Bool) -> Int {
        Self.byteClasses.withUnsafeBufferPointer { classes in
            var position = position
            var i = start
            let n = text.count
            guard let bytes = text.baseAddress, let lowered = scratch.baseAddress else { return position }
            while i < n {
                let first = classes[Int(bytes[i])]
                if first & ByteClass.word == 0 {
                    guard first & ByteClass.nonASCII != 0 else { i += 1; continue }
                    let (scalar, length) = decode(at: i)
                    guard let scalar, Self.isWordScalar(scalar) else { i += length; continue }
                    let end = wordRunEnd(from: i)
                    guard emitWords(i..<end, unitStart: i, unitPosition: position, position: &position, body) else {
                        return position
                    }
                    i = end
                    continue
                }
                // ASCII fast path: scan, lowercase and note digits in one pass.
                var j = i
                var seen: UInt8 = 0
                while j < n {
                    let b = bytes[j]
                    let c = classes[Int(b)]
                    guard c & ByteClass.word != 0 else { break }
                    lowered[(j - i) & 0x7F] = b | (c & ByteClass.upper)
                    seen |= c
                    j += 1
                }
                let length = j - i
                if j < n {
                    let stop = classes[Int(text[j])]
                    if stop & (ByteClass.nonASCII | ByteClass.apostrophe) != 0 {
                        // A run going on with an apostrophe or a non-ASCII letter: the general path.
                        let end = wordRunEnd(from: i)
                        if end > j {
                            guard emitWords(i..<end, unitStart: i, unitPosition: position, position: &position, body) else {
                                return position
                            }
                            i = end
                            continue
                        }
                    } else if stop & ByteClass.compoundStop != 0, let compound = compoundEnd(at: i, runEnd: j) {
                        // Only a run followed by ':', '@', '.' and the like can start an e-mail or URL.
                        guard emitCompound(i..<compound, position: &position, body) else { return position }
                        i = compound
                        continue
                    }
                }
                defer { position += 1 }
                if length <= Self.maxWordBytes {
                    let token = RawToken(
                        term: UnsafeBufferPointer(rebasing: scratch[0..<length]), position: position,
                        start: i, end: j, unitStart: i, unitPosition: position,
                        hasDigit: seen & ByteClass.digit != 0, isCompound: false)
                    guard body(token) else { return position + 1 }
                }
                i = j
            }
            return position
        }
    }

    /// Bits describing each byte value, for the ASCII fast path.
    enum ByteClass {
        static let word: UInt8 = 0x01
        static let digit: UInt8 = 0x02
        /// '@', '.', '_', '%', '+', '-' (e-mail local parts) and ':' (URL schemes).
        static let compoundStop: UInt8 = 0x04
        static let apostrophe: UInt8 = 0x08
        /// Set for 'A'...'Z': OR-ing it into the byte lowercases it.
        static let upper: UInt8 = 0x20
        static let nonASCII: UInt8 = 0x80
    }

    private static let byteClasses: [UInt8] = (0..<256).map { value -> UInt8 in
        let b = UInt8(value)
        if b >= 0x80 { return ByteClass.nonASCII }
        var bits: UInt8 = 0
        if isAlphanumeric(b) { bits |= ByteClass.word }
        if (b &- 0x30) < 10 { bits |= ByteClass.digit }
        if (b &- 0x41) < 26 { bits |= ByteClass.upper }
        if b == 0x27 { bits |= ByteClass.apostrophe }
        if b == 0x40 || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D || b == 0x3A {
            bits |= ByteClass.compoundStop
        }
        return bits
    }

    // MARK: Word runs

    /// The end of the run of word characters starting at `start`; apostrophes
    /// between word characters belong to the run.
    private func wordRunEnd(from start: Int) -> Int {
        var j = start
        let n = text.count
        while j < n {
            let b = text[j]
            if b < 0x80 {
                if Self.isAlphanumeric(b) { j += 1; continue }
                if b == 0x27, isWordStart(at: j + 1) { j += 1; continue }
                break
            }
            if isRightQuote(at: j), isWordStart(at: j + 3) { j += 3; continue }
            let (scalar, length) = decode(at: j)
            guard let scalar, Self.isWordScalar(scalar) else { break }
            j += length
        }
        return j
    }

    private func isWordStart(at j: Int) -> Bool {
        guard j < text.count else { return false }
        let b = text[j]
        if b < 0x80 { return Self.isAlphanumeric(b) }
        guard let scalar = decode(at: j).0 else { return false }
        return Self.isWordScalar(scalar)
    }

    private func isRightQuote(at j: Int) -> Bool {
        j + 2 < text.count && text[j] == 0xE2 && text[j + 1] == 0x80 && text[j + 2] == 0x99
    }

    /// Emits the terms of one word run (one term if ASCII; folding may split others).
    private func emitWords(
        _ range: Range<Int>, unitStart: Int, unitPosition: Int, position: inout Int, _ body: (RawToken) -> Bool
    ) -> Bool {
        var length = 0
        var hasDigit = false
        var isASCII = true
        for j in range {
            let b = text[j]
            if b >= 0x80 { isASCII = false; break }
            if b == 0x27 { continue }
            if length < Self.maxWordBytes { scratch[length] = Self.lowercased(b) }
            length += 1
            hasDigit = hasDigit || (b &- 0x30) < 10
        }
        if isASCII {
            defer { position += 1 }
            guard length <= Self.maxWordBytes else { return true }
            let token = RawToken(
                term: UnsafeBufferPointer(rebasing: scratch[0..<length]), position: position,
                start: range.lowerBound, end: range.upperBound, unitStart: unitStart,
                unitPosition: unitPosition, hasDigit: hasDigit, isCompound: false)
            return body(token)
        }
        let original = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
        var keepGoing = true
        TextFolding.forEachFoldedWord(in: original) { word, hasDigit in
            defer { position += 1 }
            guard word.count <= Self.maxWordBytes else { return true }
            for (k, byte) in word.enumerated() { scratch[k] = byte }
            let token = RawToken(
                term: UnsafeBufferPointer(rebasing: scratch[0..<word.count]), position: position,
                start: range.lowerBound, end: range.upperBound, unitStart: unitStart,
                unitPosition: unitPosition, hasDigit: hasDigit, isCompound: false)
            keepGoing = body(token)
            return keepGoing
        }
        return keepGoing
    }

    // MARK: Compounds

    private mutating func compoundEnd(at i: Int, runEnd: Int) -> Int? {
        let stop = text[runEnd]
        if (stop == 0x3A && runEnd - i <= 5) || (stop == 0x2E && runEnd - i == 3), let end = urlEnd(at: i) {
            return end
        }
        return stop == 0x3A ? nil : emailEnd(at: i, runEnd: runEnd)
    }


    /// Emits a whole e-mail or URL, then its parts from the same position.
    private func emitCompound(_ range: Range<Int>, position: inout Int, _ body: (RawToken) -> Bool) -> Bool {
        var hasDigit = false
        for (k, j) in range.enumerated() {
            let b = text[j]
            scratch[k] = Self.lowercased(b)
            hasDigit = hasDigit || (b &- 0x30) < 10
        }
        let whole = RawToken(
            term: UnsafeBufferPointer(rebasing: scratch[0..<range.count]), position: position,
            start: range.lowerBound, end: range.upperBound, unitStart: range.lowerBound,
            unitPosition: position, hasDigit: hasDigit, isCompound: true)
        guard body(whole) else { return false }
        let unitPosition = position
        var j = range.lowerBound
        while j < range.upperBound {
            guard Self.isAlphanumeric(text[j]) else { j += 1; continue }
            var end = j
            while end < range.upperBound, Self.isAlphanumeric(text[end]) { end += 1 }
            guard emitWords(j..<end, unitStart: range.lowerBound, unitPosition: unitPosition,
                            position: &position, body) else { return false }
            j = end
        }
        return true
    }

    private func urlEnd(at i: Int) -> Int? {
        let b = Self.lowercased(text[i])
        guard b == 0x68 || b == 0x66 || b == 0x77 else { return nil } // h, f, w
        var bodyStart: Int?
        for scheme: StaticString in ["https://", "http://", "ftp://", "www."] where hasPrefix(scheme, at: i) {
            bodyStart = i + scheme.utf8CodeUnitCount
            break
        }
        guard let bodyStart else { return nil }
        var j = bodyStart
        let limit = min(text.count, i + Self.maxCompoundBytes + 1)
        while j < limit, Self.isURLCharacter(text[j]) { j += 1 }
        guard j < limit || j == text.count else { return nil }
        while j > bodyStart, Self.isTrailingPunctuation(text[j - 1]) { j -= 1 }
        guard j > bodyStart, j - i <= Self.maxCompoundBytes, Self.isAlphanumeric(text[bodyStart]) else { return nil }
        return j
    }

    /// The end of an e-mail address starting at `i`, whose first `runEnd - i`
    /// bytes are letters and digits.
    private mutating func emailEnd(at i: Int, runEnd: Int) -> Int? {
        guard i >= noEmailBefore else { return nil }
        let n = text.count
        var j = runEnd
        let localLimit = min(n, i + 64)
        while j < localLimit, Self.isEmailLocalCharacter(text[j]) { j += 1 }
        guard j < n, text[j] == 0x40 else {
            if j < localLimit || j == n { noEmailBefore = j }
            return nil
        }
        let domainStart = j + 1
        var end = domainStart
        let domainLimit = min(n, domainStart + 253)
        while end < domainLimit {
            let c = text[end]
            guard Self.isAlphanumeric(c) || c == 0x2E || c == 0x2D else { break }
            end += 1
        }
        while end > domainStart, text[end - 1] == 0x2E || text[end - 1] == 0x2D { end -= 1 }
        var lastDot = end - 1
        while lastDot > domainStart, text[lastDot] != 0x2E { lastDot -= 1 }
        // A domain needs a dot after its first character and a top-level label of 2+ letters.
        guard end - i <= Self.maxCompoundBytes, lastDot > domainStart, text[lastDot] == 0x2E, end - lastDot - 1 >= 2,
              Self.isAlphanumeric(text[domainStart]) else { return nil }
        for k in (lastDot + 1)..<end where !Self.isLetter(text[k]) { return nil }
        return end
    }

    private func hasPrefix(_ prefix: StaticString, at i: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= text.count else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<count where Self.lowercased(text[i + k]) != p[k] { return false }
            return true
        }
    }

    // MARK: Bytes and scalars

    /// Decodes the scalar at `i`; nil (with length 1) for an invalid sequence.
    private func decode(at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = UInt32(text[i])
        let n = text.count
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = text[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0..<0x80:
            return (Unicode.Scalar(b0), 1)
        case 0xC2..<0xE0:
            guard let c1 = continuation(1) else { return (nil, 1) }
            return (Unicode.Scalar((b0 & 0x1F) << 6 | c1), 2)
        case 0xE0..<0xF0:
            guard let c1 = continuation(1), let c2 = continuation(2) else { return (nil, 1) }
            return (Unicode.Scalar((b0 & 0x0F) << 12 | c1 << 6 | c2), 3)
        case 0xF0..<0xF5:
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return (nil, 1) }
            return (Unicode.Scalar((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3), 4)
        default:
            return (nil, 1)
        }
    }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool {
        ((b | 0x20) &- 0x61) < 26
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 {
        (b &- 0x41) < 26 ? b | 0x20 : b
    }

    /// Letters, digits and combining marks of any script.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isAlphanumeric(UInt8(scalar.value)) }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    private static func isURLCharacter(_ b: UInt8) -> Bool {
        guard b > 0x20, b < 0x7F else { return false }
        switch b {
        case 0x22, 0x27, 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x7B, 0x7C, 0x7D:
            return false // " ' ( ) < > [ \ ] ^ ` { | }
        default:
            return true
        }
    }

    private static func isTrailingPunctuation(_ b: UInt8) -> Bool {
        switch b {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x2A, 0x5F, 0x7E: return true // . , ; : ! ? * _ ~
        default: return false
        }
    }

    private static func isEmailLocalCharacter(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }
}
