/// A short passage of a document with the matched words marked.
public struct Snippet: Sendable, Hashable {
    /// A run of text, highlighted or not.
    public struct Segment: Sendable, Hashable {
        public var text: String
        public var isHighlighted: Bool

        /// Creates a segment.
        public init(text: String, isHighlighted: Bool) {
            self.text = text
            self.isHighlighted = isHighlighted
        }
    }

    /// The passage as consecutive segments.
    public var segments: [Segment]

    /// Creates a snippet.
    public init(segments: [Segment] = []) {
        self.segments = segments
    }

    /// The passage as plain text.
    public var text: String {
        segments.reduce(into: "") { $0 += $1.text }
    }

    /// The highlighted ranges, as offsets in `Character`s within ``text``.
    ///
    /// - Complexity: O(length of the text): each segment is counted once, and where two
    ///   segments meet, their edge characters are checked for forming one grapheme
    ///   (a combining mark starting a segment joins the previous segment's last character).
    ///   Regional indicators (flags) pair up across any distance, so a text holding one
    ///   is counted the slow way.
    public var highlightRanges: [Range<Int>] {
        let hasRegionalIndicator = segments.contains { segment in
            segment.text.unicodeScalars.contains { (0x1F1E6...0x1F1FF).contains($0.value) }
        }
        if hasRegionalIndicator { return highlightRangesByRecounting }
        var ranges: [Range<Int>] = []
        var offset = 0
        var previousLast: Character?
        for segment in segments {
            guard let first = segment.text.first else { continue }
            var count = segment.text.count
            if let previousLast, (String(previousLast) + String(first)).count == 1 {
                count -= 1  // the segment's first character extends the previous one
            }
            let end = offset + count
            if segment.isHighlighted, end > offset { ranges.append(offset..<end) }
            offset = end
            previousLast = segment.text.last
        }
        return ranges
    }

    /// ``highlightRanges`` computed the slow, obvious way (counting the whole text so
    /// far after each segment); kept to check the fast one against.
    var highlightRangesByRecounting: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var joined = ""
        var offset = 0
        for segment in segments {
            joined += segment.text
            let end = joined.count
            if segment.isHighlighted, end > offset { ranges.append(offset..<end) }
            offset = end
        }
        return ranges
    }
}
