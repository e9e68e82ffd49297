/// Splits query text into plain words, `"quoted phrases"`, `-excluded` words
/// or phrases and `facet:value` filters, after cutting it to ``SearchLimits``.
///
/// It never fails: an unbalanced quote is ignored (its words are searched as
/// plain words), a lone `-` is ignored, and `name:value` with an unknown name
/// is a plain word.
///
/// - Complexity: O(*n*) in the length of the cut query.
struct QueryParser {
    /// One item of a query.
    struct Item {
        enum Kind: Equatable {
            case word
            case phrase
            case excludedWord
            case excludedPhrase
            /// A filter on the facet at this index of the schema.
            case filter(facet: Int, value: String)
        }

        var kind: Kind
        /// The text searched: a word, or the inside of a phrase.
        var text: String
        /// Byte offset of `text` in the cut query's UTF-8.
        var utf8Start: Int
    }

    /// The query after cutting.
    var query: String
    var items: [Item] = []
    var parsed = ParsedQuery()
    var wasTruncated = false
    /// True when the query ends inside a word (search as you type).
    var endsInWord = false

    /// Parses a query for a schema whose facets have these names and keys
    /// (`IndexBuilder.key` of each name).
    init(_ rawQuery: String, facets: [String], facetKeys: [String]) {
        var cut = rawQuery
        if let end = rawQuery.index(rawQuery.startIndex, offsetBy: SearchLimits.maxQueryCharacters,
                                    limitedBy: rawQuery.endIndex),
           end != rawQuery.endIndex {
            cut = String(rawQuery[..<end])
            wasTruncated = true
        }
        let scalars = Array(cut.unicodeScalars)
        let bytes = Array(cut.utf8)
        var offsets: [Int] = []   // UTF-8 offset of each scalar, plus the end
        offsets.reserveCapacity(scalars.count + 1)
        var running = 0
        for scalar in scalars {
            offsets.append(running)
            running += UTF8.width(scalar)
        }
        offsets.append(running)

        func slice(_ range: Range<Int>) -> String {
            String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }
        func wordEnd(from start: Int) -> Int {
            var end = start
            while end < scalars.count, !Self.isSeparator(scalars[end]), !Self.isQuote(scalars[end]) { end += 1 }
            return end
        }
        func closingQuote(after start: Int) -> Int? {
            var k = start
            while k < scalars.count {
                if Self.isQuote(scalars[k]) { return k }
                k += 1
            }
            return nil
        }

        var words = 0
        var cutAt = scalars.count
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if Self.isSeparator(scalar) { i += 1; continue }
            let itemStart = i
            var item: Item
            var itemWords = 1
            if Self.isQuote(scalar) {
                guard let close = closingQuote(after: i + 1) else { i += 1; continue }
                let inside = slice((i + 1)..<close)
                itemWords = max(1, Self.wordCount(inside))
                item = Item(kind: .phrase, text: inside, utf8Start: offsets[i + 1])
                i = close + 1
            } else if scalar == "-" {
                let next = i + 1
                if next >= scalars.count || Self.isSeparator(scalars[next]) {
                    i = next
                    continue
                }
                if Self.isQuote(scalars[next]), let close = closingQuote(after: next + 1) {
                    let inside = slice((next + 1)..<close)
                    itemWords = max(1, Self.wordCount(inside))
                    item = Item(kind: .excludedPhrase, text: inside, utf8Start: offsets[next + 1])
                    i = close + 1
                } else if Self.isQuote(scalars[next]) {
                    i = next + 1
                    continue
                } else {
                    let end = wordEnd(from: next)
                    item = Item(kind: .excludedWord, text: slice(next..<end), utf8Start: offsets[next])
                    i = end
                }
            } else {
                let end = wordEnd(from: i)
                let word = slice(i..<end)
                var kind = Item.Kind.word
                if !facetKeys.isEmpty, let colon = scalars[i..<end].firstIndex(of: ":"), colon > i, colon + 1 < end {
                    let name = IndexBuilder.key(slice(i..<colon))
                    if let facet = facetKeys.firstIndex(of: name) {
                        kind = .filter(facet: facet, value: slice((colon + 1)..<end))
                    }
                }
                item = Item(kind: kind, text: word, utf8Start: offsets[i])
                i = end
                if i == scalars.count { endsInWord = true }
            }
            if words + itemWords > SearchLimits.maxQueryWords {
                cutAt = itemStart
                wasTruncated = true
                endsInWord = false
                break
            }
            words += itemWords
            items.append(item)
        }
        if cutAt < scalars.count {
            var end = cutAt
            while end > 0, Self.isSeparator(scalars[end - 1]) { end -= 1 }
            cut = slice(0..<end)
        }
        query = cut

        for item in items {
            switch item.kind {
            case .word: parsed.words.append(item.text)
            case .phrase: parsed.phrases.append(item.text)
            case .excludedWord, .excludedPhrase: parsed.excluded.append(item.text)
            case .filter(let facet, let value): parsed.filters[facets[facet], default: []].insert(value)
            }
        }
    }

    /// Whitespace and control characters separate items.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x21 || (0x7F...0xA0).contains(scalar.value) { return true }
        if scalar.isASCII { return false }
        let properties = scalar.properties
        return properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}"
    }

    private static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if isSeparator(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
