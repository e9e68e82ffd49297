extension IPWhitelistSimulator {
    public var fields: [FlowField] {
        [
            FlowField("enabled", .boolean, default: "yes", help: "Is the IP whitelist switched on for the account?"),
            FlowField(
                "whitelist", .list, default: "",
                help: "The whitelist entries: IPv4 or IPv6 addresses or CIDR ranges",
                example: "203.0.113.0/24, 2001:db8::/32"
            ),
            FlowField("ip", .ipAddress, help: "The public address the user signs in from", example: "203.0.113.7"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let enabled = try reader.boolean("enabled")
        var entries: [Entry] = []
        for (index, item) in try reader.list("whitelist").enumerated() {
            do throws(IPNetwork.ParseError) {
                entries.append(try Entry(item))
            } catch {
                throw FlowInputError(
                    field: "whitelist", "entry \(index + 1) '\(item)' \(error.reason)",
                    hint: "write addresses (203.0.113.7, 2001:db8::7) or ranges (203.0.113.0/24, 2001:db8::/32)"
                )
            }
        }
        let text = try reader.nonEmptyText("ip")
        guard let address = IPAddress(text) else {
            throw FlowInputError(
                field: "ip", "'\(text)' is not an IPv4 or IPv6 address",
                hint: "write four numbers from 0 to 255 (203.0.113.7) or an IPv6 address (2001:db8::7), without a range"
            )
        }
        return Input(enabled: enabled, whitelist: entries, address: address)
    }

    /// One office range and one IPv6 range, tried with addresses inside, outside and at
    /// their edges, in several spellings; then /0, /32 and /128 entries.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        func row(_ whitelist: [String], _ address: String) -> [String] {
            let entries = whitelist.compactMap { try? Entry($0) }
            guard let ip = IPAddress(address) else { return [whitelist.joined(separator: ", "), address, "invalid", "–"] }
            let result = run(Input(enabled: true, whitelist: entries, address: ip), context: context)
            return [whitelist.joined(separator: ", "), address, result.verdict.rawValue, result.outcome.matchedEntry ?? "–"]
        }
        let office = ["203.0.113.0/24", "2001:db8:10::/48"]
        let ranges = FlowScenarioTable(
            title: "An office range and an IPv6 range",
            note: "Each row is a run with the whitelist on.",
            columns: ["Whitelist", "Address", "Result", "Matched entry"],
            rows: [
                row(office, "203.0.113.0"), row(office, "203.0.113.255"), row(office, "203.0.114.0"),
                row(office, "::ffff:203.0.113.7"), row(office, "::ffff:cb00:7107"),
                row(office, "2001:db8:10:0:0:0:0:1"), row(office, "2001:0db8:0010:ffff::1"), row(office, "2001:db8:11::1"),
            ]
        )
        let edges = FlowScenarioTable(
            title: "Prefix lengths at their limits",
            note: "/0 holds every address of its family, /32 and /128 exactly one.",
            columns: ["Whitelist", "Address", "Result", "Matched entry"],
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
