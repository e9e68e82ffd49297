extension SearchIndex {
    /// Characters (Unicode scalars) a snippet holds at most, ellipses aside.
    static var snippetLength: Int { 160 }
    /// Positions the best window spans when counting matches.
    private static var windowPositions: UInt32 { 20 }
    /// Context kept before the window's first match, in bytes.
    private static var leadingContext: Int { 40 }
    /// Occurrences of a term per document looked at to place a snippet (the first ones).
    static var snippetPositions: Int { 256 }

    /// The snippet of a hit: the window of the document's snippet text with the
    /// most matched positions, cut on word boundaries, matches highlighted.
    ///
    /// - Complexity: O(*q* + *c* + *l*) for *q* matched positions, *c* bytes from
    ///   the nearest restart point (about 16 positions before the window) and
    ///   *l* = ``snippetLength``.
    func snippet(for document: Int32, match: DocumentMatch) -> Snippet {
        let d = Int(document)
        let field = Int(storage.snippetFields[d])
        let base = storage.fieldPositionBases[d * storage.fieldCount + field]
        let fieldEnd = field + 1 < storage.fieldCount ? storage.fieldPositionBases[d * storage.fieldCount + field + 1] : .max
        let lower = Self.lowerBound(match.positions, base), upper = Self.lowerBound(match.positions, fieldEnd)

        var windowStart = base
        var bestCount = 0
        var j = lower
        for i in lower..<upper {
            while j < upper, match.positions[j] < match.positions[i] + Self.windowPositions { j += 1 }
            if j - i > bestCount {
                bestCount = j - i
                windowStart = match.positions[i]
            }
        }

        var restartOffset = 0
        var restartPosition = Int(base)
        let checkpoints = Int(storage.checkpointStarts[d])..<Int(storage.checkpointStarts[d + 1])
        var low = checkpoints.lowerBound, high = checkpoints.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if storage.checkpointPositions[mid] <= windowStart { low = mid + 1 } else { high = mid }
        }
        if low > checkpoints.lowerBound {
            restartOffset = Int(storage.checkpointOffsets[low - 1])
            restartPosition = Int(storage.checkpointPositions[low - 1])
        }
        var text = storage.snippetTexts[d]
        return text.withUTF8 { utf8 in
            cutSnippet(utf8, restartOffset: restartOffset, restartPosition: restartPosition,
                       windowStart: Int(windowStart), match: match)
        }
    }

    /// A whole short text (a title) with its matches highlighted, for suggestions.
    func titleSnippet(for document: Int32, match: DocumentMatch) -> Snippet {
        let d = Int(document)
        let base = Int(storage.fieldPositionBases[d * storage.fieldCount + storage.titleField])
        var text = storage.titleTexts[d]
        return text.withUTF8 { utf8 in
            cutSnippet(utf8, restartOffset: 0, restartPosition: base, windowStart: base, match: match)
        }
    }

    private func cutSnippet(
        _ text: UnsafeBufferPointer<UInt8>, restartOffset: Int, restartPosition: Int, windowStart: Int,
        match: DocumentMatch
    ) -> Snippet {
        // The last few tokens before the window, kept for leading context.
        struct Seen { var start = 0, end = 0, isMatch = false }
        var recentCount = 0
        var start: Int?
        var end = 0
        var highlights: [Range<Int>] = []
        var counted = 0, scalars = 0
        let terms = storage.terms
        match.positions.withUnsafeBufferPointer { positions in
            match.terms.withUnsafeBufferPointer { matchedTerms in
                withUnsafeTemporaryAllocation(of: Seen.self, capacity: 8) { ring in
                    ring.initialize(repeating: Seen())
                    Tokenizer.forEachToken(in: text, from: restartOffset, firstPosition: restartPosition) { token in
                        let isMatch: Bool
                        if token.isCompound {
                            isMatch = terms.id(of: token.term).map { Self.contains(matchedTerms, $0) } ?? false
                        } else {
                            isMatch = Self.contains(positions, UInt32(token.position))
                        }
                        if start == nil {
                            if token.position < windowStart {
                                ring[recentCount & 7] = Seen(start: token.start, end: token.end, isMatch: isMatch)
                                recentCount += 1
                                return true
                            }
                            var first = token.start <= Self.leadingContext ? 0 : token.start
                            let kept = (max(0, recentCount - 8)..<recentCount).map { ring[$0 & 7] }
                            for seen in kept where token.start - seen.start <= Self.leadingContext {
                                first = min(first, seen.start)
                            }
                            start = first
                            counted = first
                            for seen in kept where seen.start >= first {
                                if seen.isMatch { highlights.append(seen.start..<seen.end) }
                                end = max(end, seen.end)
                            }
                        }
                        while counted < token.end {
                            if text[counted] & 0xC0 != 0x80 { scalars += 1 }
                            counted += 1
                        }
                        if scalars > Self.snippetLength, end > start! { return false }
                        end = max(end, token.end)
                        if isMatch { highlights.append(token.start..<token.end) }
                        return true
                    }
                }
            }
        }
        guard let start else {
            let range = 0..<min(text.count, Self.snippetLength)
            return Snippet(segments: text.isEmpty ? [] : [.init(text: Self.collapsed(text, range), isHighlighted: false)])
        }
        // Keep closing punctuation ("code 51.") that directly follows the last word.
        while end < text.count, end - start < Self.snippetLength + 8, Self.isClosingPunctuation(text[end]) { end += 1 }

        highlights.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var segments: [Snippet.Segment] = []
        segments.reserveCapacity(2 * highlights.count + 3)
        if start > 0 { segments.append(.init(text: "… ", isHighlighted: false)) }
        var cursor = start
        func plain(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let value = Self.collapsed(text, range)
            if !value.isEmpty { segments.append(.init(text: value, isHighlighted: false)) }
        }
        for range in highlights where range.upperBound > cursor {
            let lower = max(range.lowerBound, cursor)
            plain(cursor..<lower)
            let upper = min(range.upperBound, end)
            guard lower < upper else { continue }
            segments.append(.init(text: Self.collapsed(text, lower..<upper), isHighlighted: true))
            cursor = upper
        }
        plain(cursor..<end)
        if end < text.count { segments.append(.init(text: " …", isHighlighted: false)) }
        return Snippet(segments: segments)
    }

    @inline(__always)
    private static func contains<T: Comparable>(_ sorted: UnsafeBufferPointer<T>, _ value: T) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// The text of a byte range with each run of white space made one space.
    private static func collapsed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            var count = 0
            var inSpace = false
            for k in range {
                let b = text[k]
                if b == 0x20 || (0x09...0x0D).contains(b) {
                    if !inSpace {
                        buffer[count] = 0x20
                        count += 1
                    }
                    inSpace = true
                } else {
                    buffer[count] = b
                    count += 1
                    inSpace = false
                }
            }
            return count
        }
    }

    private static func isClosingPunctuation(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x21 || b == 0x3F || b == 0x29 || b == 0x3B || b == 0x3A
    }

    static func lowerBound<T: Comparable>(_ sorted: [T], _ value: T) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
