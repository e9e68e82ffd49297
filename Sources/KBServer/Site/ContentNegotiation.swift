import Foundation

/// The two request headers a site file's answer depends on, read as RFC 9110 says.
enum ContentNegotiation {
    /// Whether `If-None-Match` (all its values) matches one of `etags`: `*`, or any
    /// listed tag equal to one of them under the weak comparison (`W/` ignored).
    static func noneMatch(_ values: [String], matches etags: [String]) -> Bool {
        for value in values {
            for tag in value.split(separator: ",") {
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                if trimmed == "*" { return true }
                let opaque = trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
                if etags.contains(opaque) { return true }
            }
        }
        return false
    }

    /// Whether `Accept-Encoding` (all its values) accepts gzip: `gzip` or `x-gzip`
    /// with a q-value above 0, or `*` above 0 when gzip is not listed itself.
    static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var wildcard: Double?
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let coding = parts.first?.lowercased(), !coding.isEmpty else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() {
                    let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if pair.count == 2, pair[0].lowercased() == "q" { quality = Double(pair[1]) ?? 0 }
                }
                switch coding {
                case "gzip", "x-gzip": gzip = max(gzip ?? 0, quality)
                case "*": wildcard = max(wildcard ?? 0, quality)
                default: break
                }
            }
        }
        if let gzip { return gzip > 0 }
        return (wildcard ?? 0) > 0
    }
}
