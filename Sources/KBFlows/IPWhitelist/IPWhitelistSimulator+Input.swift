public import KBContent

extension IPWhitelistSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField("enabled", .boolean, default: "yes", help: say.enabledHelp),
            FlowField("whitelist", .list, default: "", help: say.whitelistHelp, example: "203.0.113.0/24, 2001:db8::/32"),
            FlowField("ip", .ipAddress, help: say.ipHelp, example: "203.0.113.7"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let enabled = try reader.boolean("enabled")
        var entries: [Entry] = []
        for (index, item) in try reader.list("whitelist").enumerated() {
            do throws(IPNetwork.ParseError) {
                entries.append(try Entry(item))
            } catch {
                throw FlowInputError(field: "whitelist", say.badEntry(index + 1, item, error), hint: say.entryHint)
            }
        }
        let text = try reader.nonEmptyText("ip")
        guard let address = IPAddress(text) else {
            throw FlowInputError(field: "ip", say.notAnAddress(text), hint: say.addressHint)
        }
        return Input(enabled: enabled, whitelist: entries, address: address)
    }

    /// One office range and one IPv6 range, tried with addresses inside, outside and at
    /// their edges, in several spellings; then /0, /32 and /128 entries.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
        func row(_ whitelist: [String], _ address: String) -> [String] {
            let entries = whitelist.compactMap { try? Entry($0) }
            guard let ip = IPAddress(address) else { return [whitelist.joined(separator: ", "), address, say.invalid, "–"] }
            let result = run(Input(enabled: true, whitelist: entries, address: ip), context: context)
            return [whitelist.joined(separator: ", "), address, say.verdict(result.verdict), result.outcome.matchedEntry ?? "–"]
        }
        let office = ["203.0.113.0/24", "2001:db8:10::/48"]
        let ranges = FlowScenarioTable(
            title: say.rangesTitle,
            note: say.rangesNote,
            columns: say.columns,
            rows: [
                row(office, "203.0.113.0"), row(office, "203.0.113.255"), row(office, "203.0.114.0"),
                row(office, "::ffff:203.0.113.7"), row(office, "::ffff:cb00:7107"),
                row(office, "2001:db8:10:0:0:0:0:1"), row(office, "2001:0db8:0010:ffff::1"), row(office, "2001:db8:11::1"),
            ]
        )
        let edges = FlowScenarioTable(
            title: say.edgesTitle,
            note: say.edgesNote,
            columns: say.columns,
            rows: [
                row(["0.0.0.0/0"], "198.51.100.23"), row(["0.0.0.0/0"], "2001:db8::1"),
                row(["198.51.100.23/32"], "198.51.100.23"), row(["198.51.100.23/32"], "198.51.100.24"),
                row(["2001:db8::1/128"], "2001:db8:0:0:0:0:0:1"), row(["2001:db8::1/128"], "2001:db8::2"),
                row(["::/0"], "2001:db8::1"), row(["::/0"], "198.51.100.23"),
            ]
        )
        return [ranges, edges]
    }
}
