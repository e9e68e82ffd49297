import Foundation

extension MultipleWebsitesSimulator {
    public var fields: [FlowField] {
        [
            FlowField("registered_site", .host, help: "The website the account was registered for", example: "example.co.id"),
            FlowField("new_site", .host, help: "The website that would use the same account", example: "shop.example.co.id"),
            FlowField("same_business", .boolean, help: "Does the new site sell within the same scope of business?"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let registered = try site("registered_site", reader)
        let new = try site("new_site", reader)
        return Input(registered: registered, new: new, sameBusiness: try reader.boolean("same_business"))
    }

    /// The host of a site given as a host name or a URL, with its registrable domain.
    private func site(_ name: String, _ reader: FieldReader) throws(FlowInputError) -> Site {
        let text = try reader.nonEmptyText(name)
        let hostHint = "give the site's host name, e.g. shop.example.co.id or https://shop.example.co.id/"
        var host = text
        if host.contains("://") {
            guard let parsed = URLComponents(string: host)?.host, !parsed.isEmpty else {
                throw FlowInputError(field: name, "'\(text)' is not a web address", hint: hostHint)
            }
            host = parsed
        } else {
            host = String(host.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0])
            host = String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
        }
        host = host.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if IPAddress(host) != nil || host.hasPrefix("[") {
            throw FlowInputError(field: name, "'\(text)' is an IP address, not a domain", hint: hostHint)
        }
        if host.unicodeScalars.contains(where: { !$0.isASCII }) {
            throw FlowInputError(
                field: name, "'\(text)' has letters outside ASCII",
                hint: "write an internationalized domain in its xn-- (punycode) form"
            )
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.count >= 2 && host.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        guard valid else { throw FlowInputError(field: name, "'\(text)' is not a host name", hint: hostHint) }
        guard let domain = PublicSuffixList.registrableDomain(of: host) else {
            throw FlowInputError(
                field: name, "'\(text)' is a public suffix, under which anyone can register, not a site's domain",
                hint: "give the site's own domain, e.g. example.co.id rather than co.id"
            )
        }
        return Site(host: host, registrableDomain: domain)
    }

    /// Pairs of sites on the same and on different registrable domains, including
    /// public-suffix cases, each with the same business.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let pairs = [
            ("example.com", "event.example.com"), ("example.co.id", "shop.example.co.id"), ("example.com", "example.net"),
            ("example.co.id", "example.com"), ("alice.github.io", "bob.github.io"), ("alice.github.io", "shop.alice.github.io"),
        ]
        func site(_ host: String) -> Site? {
            PublicSuffixList.registrableDomain(of: host).map { Site(host: host, registrableDomain: $0) }
        }
        let cases = pairs.map { ($0, $1, true) } + [("example.com", "tickets.example.com", false)]
        let rows = cases.compactMap { first, second, sameBusiness -> [String]? in
            guard let a = site(first), let b = site(second) else { return nil }
            let result = run(Input(registered: a, new: b, sameBusiness: sameBusiness), context: context)
            return [first, second + (sameBusiness ? "" : " (other business)"), a.registrableDomain, b.registrableDomain, result.verdict.rawValue]
        }
        return [FlowScenarioTable(
            title: "Which sites share an account",
            note: "Each row is a run; registrable domains come from libpsl's Public Suffix List. The business is the same unless said.",
            columns: ["Registered site", "New site", "Its domain", "New site's domain", "Result"],
            rows: rows
        )]
    }
}
