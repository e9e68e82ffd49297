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
    public var highlightRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var joined = ""
        var offset = 0
        for segment in segments {
            joined += segment.text
            let end = joined.count   // counted whole: a segment may extend the previous grapheme
            if segment.isHighlighted, end > offset { ranges.append(offset..<end) }
            offset = end
        }
        return ranges
    }
}
