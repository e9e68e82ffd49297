/// `SearchResponse` written straight to JSON bytes, for the server's hottest route.
///
/// The output is byte for byte what `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (a test holds them equal over the relevance queries), at a
/// fraction of the cost: no boxing of every value, no dictionary per object, no
/// dynamic casts. `JSONEncoder` stays the reference and is used everywhere else.
extension SearchResponse {
    /// The compact JSON of this response, keys sorted.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONBytesWriter()
        writer.reserve(512 + hits.count * 320)
        writer.beginObject()
        writer.key("facets", first: true)
        writer.beginObject()
        for (index, name) in facets.keys.sorted().enumerated() {
            writer.key(name, first: index == 0)
            writer.counts(facets[name] ?? [:])
        }
        writer.endObject()
        writer.key("hits")
        writer.beginArray()
        for (index, hit) in hits.enumerated() {
            if index > 0 { writer.comma() }
            hit.write(to: &writer)
        }
        writer.endArray()
        writer.key("lang")
        writer.string(lang)
        writer.key("query")
        writer.string(query)
        if let suggestion {
            writer.key("suggestion")
            writer.string(suggestion)
        }
        writer.key("tookMicros")
        writer.integer(tookMicros)
        writer.key("total")
        writer.integer(total)
        writer.key("truncated")
        writer.boolean(truncated)
        writer.endObject()
        return writer.bytes
    }
}

extension SearchResponse.Hit {
    /// The hit as a JSON object, keys sorted.
    func write(to writer: inout JSONBytesWriter) {
        writer.beginObject()
        writer.key("highlights", first: true)
        writer.beginArray()
        for (index, range) in highlights.enumerated() {
            if index > 0 { writer.comma() }
            writer.beginArray()
            for (offset, bound) in range.enumerated() {
                if offset > 0 { writer.comma() }
                writer.integer(bound)
            }
            writer.endArray()
        }
        writer.endArray()
        writer.key("id")
        writer.string(id)
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("lang")
        writer.string(lang)
        writer.key("score")
        writer.number(score)
        writer.key("snippet")
        writer.string(snippet)
        writer.key("title")
        writer.string(title)
        writer.key("url")
        writer.string(url)
        writer.endObject()
    }
}

/// Appends compact JSON to a byte array. Strings are escaped as `JSONEncoder` escapes
/// them: `"` and `\` with a backslash, control characters as `\b \f \n \r \t` or
/// `\u00XX`, everything else (slashes and non-ASCII included) as UTF-8.
struct JSONBytesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }
    mutating func beginObject() { bytes.append(UInt8(ascii: "{")) }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { bytes.append(UInt8(ascii: "[")) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")) }
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// `"name":`, after a comma unless it is the object's first key.
    mutating func key(_ name: String, first: Bool = false) {
        if !first { comma() }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func integer(_ value: Int) { bytes += String(value).utf8 }

    mutating func boolean(_ value: Bool) { bytes += (value ? "true" : "false").utf8 }

    /// A finite number as `JSONEncoder` writes it: integral values without `.0`.
    mutating func number(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes += value.description.utf8
        }
    }

    /// `{"name":count,…}` with the names sorted.
    mutating func counts(_ counts: [String: Int]) {
        beginObject()
        for (index, name) in counts.keys.sorted().enumerated() {
            key(name, first: index == 0)
            integer(counts[name] ?? 0)
        }
        endObject()
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
