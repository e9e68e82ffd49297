public import KBContent

/// `ip-whitelist`: whether the portal lets a sign-in through from an address, given
/// the account's IP whitelist, which entry matched, and the fix when it refuses.
///
/// Entries are addresses or CIDR ranges, IPv4 or IPv6 in any usual form; IPv4-mapped
/// IPv6 addresses count as the IPv4 address they map (see ``IPNetwork``).
public struct IPWhitelistSimulator: FlowSimulator {
    public static let id = "ip-whitelist"
    public static let article = "ip-whitelist-login"
    public static let title = "Will the IP whitelist let this address sign in?"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `ip_whitelist.menu`
        public var menu: String
        /// `ip_whitelist.refusal_text`
        public var refusalText: String
        /// `support.email`
        public var supportEmail: String

        public init(menu: String, refusalText: String, supportEmail: String) {
            self.menu = menu
            self.refusalText = refusalText
            self.supportEmail = supportEmail
        }

        /// - Throws: ``FlowPolicyError`` naming a missing value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: IPWhitelistSimulator.id)
            self.init(
                menu: try reader.text("ip_whitelist.menu"), refusalText: try reader.text("ip_whitelist.refusal_text"),
                supportEmail: try reader.text("support.email")
            )
        }
    }

    /// A whitelist entry as written, and the range it means.
    public struct Entry: Sendable, Hashable {
        public var written: String
        public var network: IPNetwork

        public init(written: String, network: IPNetwork) {
            self.written = written
            self.network = network
        }

        /// Parses an entry.
        ///
        /// - Throws: ``IPNetwork/ParseError`` saying what is wrong.
        public init(_ text: String) throws(IPNetwork.ParseError) {
            self.init(written: text, network: try IPNetwork(text))
        }
    }

    public struct Input: Sendable, Hashable {
        /// Whether the whitelist feature is switched on for the account.
        public var enabled: Bool
        public var whitelist: [Entry]
        /// The public address the user connects from.
        public var address: IPAddress

        public init(enabled: Bool, whitelist: [Entry], address: IPAddress) {
            self.enabled = enabled
            self.whitelist = whitelist
            self.address = address
        }
    }

    /// Whether the portal lets the sign-in through.
    public enum Verdict: String, FlowVerdict {
        case allowed, refused
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var allowed: Bool
        /// The address in canonical form (an IPv4-mapped one as IPv4).
        public var address: String
        public var family: IPAddress.Family
        /// The entry that let it in, as written, if one did.
        public var matchedEntry: String?
        /// The matching range in canonical form.
        public var matchedRange: String?
        /// What to do when refused.
        public var fixes: [String]
        /// True when the address is private, loopback or link-local: not what the portal sees.
        public var isPrivateAddress: Bool
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let address = input.address
        var trace: [FlowStep] = []
        if address.isPrivate {
            trace.append(FlowStep(
                rule: "The whitelist holds the public address a device connects from",
                compared: "\(address) is a private or local \(address.family.rawValue) address",
                result: "the portal sees the network's public address instead; look it up with a \"what is my IP\" site",
                source: section("add-the-new-ip-address")
            ))
        }
        guard input.enabled else {
            trace.append(FlowStep(
                rule: "Only an account with the IP whitelist switched on checks the address at sign-in",
                compared: "whitelist on: no", result: "allowed: the address is not checked",
                source: section("what-the-message-means")
            ))
            return FlowResult(
                verdict: .allowed, headline: "Allowed: the IP whitelist is off, so any address may sign in.",
                details: [FlowDetail("Address", address.description)],
                outcome: Outcome(
                    allowed: true, address: address.description, family: address.family, matchedEntry: nil,
                    matchedRange: nil, fixes: [], isPrivateAddress: address.isPrivate
                ),
                trace: trace
            )
        }

        var match: Entry?
        for (index, entry) in input.whitelist.enumerated() {
            let network = entry.network
            let range = "\(network.address)–\(network.lastAddress)"
            let inside = network.contains(address)
            let compared: String
            if network.address.family != address.family {
                compared = "\(address) (\(address.family.rawValue)) vs entry \(index + 1) '\(entry.written)' (\(network.address.family.rawValue))"
            } else {
                compared = "\(address) \(inside ? "in" : "not in") entry \(index + 1) '\(entry.written)' = \(network) (\(range))"
            }
            trace.append(FlowStep(
                rule: "With the whitelist on, the portal accepts a sign-in only from an address on the list",
                compared: compared, result: inside ? "match: allowed" : "no match",
                source: section("what-the-message-means")
            ))
            if inside {
                match = entry
                break
            }
        }

        if let match {
            return FlowResult(
                verdict: .allowed,
                headline: "Allowed: \(address) is on the whitelist (entry '\(match.written)').",
                details: [FlowDetail("Address", address.description), FlowDetail("Matched", "\(match.written) = \(match.network)")],
                outcome: Outcome(
                    allowed: true, address: address.description, family: address.family, matchedEntry: match.written,
                    matchedRange: match.network.description, fixes: [], isPrivateAddress: address.isPrivate
                ),
                trace: trace
            )
        }

        if input.whitelist.isEmpty {
            trace.append(FlowStep(
                rule: "With the whitelist on, the portal accepts a sign-in only from an address on the list",
                compared: "\(address) vs an empty list", result: "no match", source: section("what-the-message-means")
            ))
        }
        trace.append(FlowStep(
            rule: "An address not on the list is refused with the whitelist message, whatever the password",
            compared: "\(address) matched none of \(input.whitelist.count) entr\(input.whitelist.count == 1 ? "y" : "ies")",
            result: "refused: \"\(policy.refusalText)\"", source: section("what-the-message-means"),
            policies: ["ip_whitelist.refusal_text"]
        ))
        let add = "Have someone who can still sign in add \(address) under \(policy.menu)."
        let off = "Or email \(policy.supportEmail) to switch the IP whitelist off, naming the account and the blocked user."
        trace.append(FlowStep(
            rule: "A colleague who can still sign in adds the new public address to the list",
            result: "add \(address) under \(policy.menu)", source: section("add-the-new-ip-address"),
            policies: ["ip_whitelist.menu"]
        ))
        trace.append(FlowStep(
            rule: "Support can switch the whitelist off when nobody can get in",
            result: "email \(policy.supportEmail)", source: section("turn-the-whitelist-off"), policies: ["support.email"]
        ))
        var fixes = [add, off]
        if !address.isPrivate {
            fixes.append("Whitelist only static addresses: a dynamic one changes without warning.")
        }
        return FlowResult(
            verdict: .refused,
            headline: "Refused with \"\(policy.refusalText)\": \(address) matches no whitelist entry.",
            details: [
                FlowDetail("Address", address.description),
                FlowDetail("Fix", add),
                FlowDetail("Or", off),
            ],
            outcome: Outcome(
                allowed: false, address: address.description, family: address.family, matchedEntry: nil,
                matchedRange: nil, fixes: fixes, isPrivateAddress: address.isPrivate
            ),
            trace: trace
        )
    }
}
