import Foundation
public import KBContent

extension MultipleWebsitesSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField("registered_site", .host, help: say.registeredHelp, example: "example.co.id"),
            FlowField("new_site", .host, help: say.newHelp, example: "shop.example.co.id"),
            FlowField("same_business", .boolean, help: say.businessHelp),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let registered = try site("registered_site", reader, say)
        let new = try site("new_site", reader, say)
        return Input(registered: registered, new: new, sameBusiness: try reader.boolean("same_business"))
    }

    /// The host of a site given as a host name or a URL, with its registrable domain.
    private func site(_ name: String, _ reader: FieldReader, _ say: Phrases) throws(FlowInputError) -> Site {
        let text = try reader.nonEmptyText(name)
        let hostHint = say.hostHint
        var host = text
        if host.contains("://") {
            guard let parsed = URLComponents(string: host)?.host, !parsed.isEmpty else {
                throw FlowInputError(field: name, say.notAWebAddress(text), hint: hostHint)
            }
            host = parsed
        } else {
            host = String(host.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0])
            host = String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
        }
        host = host.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if IPAddress(host) != nil || host.hasPrefix("[") {
            throw FlowInputError(field: name, say.ipAddress(text), hint: hostHint)
        }
        if host.unicodeScalars.contains(where: { !$0.isASCII }) {
            throw FlowInputError(field: name, say.nonASCII(text), hint: say.punycodeHint)
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.count >= 2 && host.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
        guard valid else { throw FlowInputError(field: name, say.notAHostName(text), hint: hostHint) }
        guard let domain = PublicSuffixList.registrableDomain(of: host) else {
            throw FlowInputError(field: name, say.publicSuffix(text), hint: say.ownDomainHint)
        }
        return Site(host: host, registrableDomain: domain)
    }

    /// Pairs of sites on the same and on different registrable domains, including
    /// public-suffix cases, each with the same business.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
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
            return [first, second + (sameBusiness ? "" : say.otherBusiness), a.registrableDomain, b.registrableDomain, say.verdict(result.verdict)]
        }
        return [FlowScenarioTable(
            title: say.tableTitle,
            note: say.tableNote,
            columns: say.tableColumns,
            rows: rows
        )]
    }
}
