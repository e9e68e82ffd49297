public import KBContent

/// `ip-whitelist`: whether the portal lets a sign-in through from an address, given
/// the account's IP whitelist, which entry matched, and the fix when it refuses.
///
/// Entries are addresses or CIDR ranges, IPv4 or IPv6 in any usual form; IPv4-mapped
/// IPv6 addresses count as the IPv4 address they map (see ``IPNetwork``).
public struct IPWhitelistSimulator: FlowSimulator {
    public static let id = "ip-whitelist"
    public static let article = "ip-whitelist-login"

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
        let say = Phrases(language: context.language)
        let address = input.address
        var trace: [FlowStep] = []
        if address.isPrivate {
            trace.append(FlowStep(
                rule: say.publicAddressRule, compared: say.privateAddress(address), result: say.seesPublicAddress,
                source: section("add-the-new-ip-address")
            ))
        }
        guard input.enabled else {
            trace.append(FlowStep(
                rule: say.switchedOnRule, compared: say.whitelistOff, result: say.notChecked,
                source: section("what-the-message-means")
            ))
            return FlowResult(
                verdict: .allowed, headline: say.offHeadline,
                details: [FlowDetail(say.addressLabel, address.description)],
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
            let compared = network.address.family != address.family
                ? say.otherFamily(address, entry: index + 1, entry)
                : say.inRange(address, inside, entry: index + 1, entry, range: range)
            trace.append(FlowStep(
                rule: say.listRule, compared: compared, result: say.matchResult(inside),
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
                headline: say.allowedHeadline(address, entry: match.written),
                details: [
                    FlowDetail(say.addressLabel, address.description), FlowDetail(say.matchedLabel, "\(match.written) = \(match.network)"),
                ],
                outcome: Outcome(
                    allowed: true, address: address.description, family: address.family, matchedEntry: match.written,
                    matchedRange: match.network.description, fixes: [], isPrivateAddress: address.isPrivate
                ),
                trace: trace
            )
        }

        if input.whitelist.isEmpty {
            trace.append(FlowStep(
                rule: say.listRule, compared: say.emptyList(address), result: say.noMatch, source: section("what-the-message-means")
            ))
        }
        trace.append(FlowStep(
            rule: say.refusalRule,
            compared: say.matchedNone(address, count: input.whitelist.count),
            result: say.refused(policy.refusalText), source: section("what-the-message-means"),
            policies: ["ip_whitelist.refusal_text"]
        ))
        let add = say.addFix(address, menu: policy.menu)
        let off = say.offFix(support: policy.supportEmail)
        trace.append(FlowStep(
            rule: say.colleagueRule, result: say.add(address, menu: policy.menu), source: section("add-the-new-ip-address"),
            policies: ["ip_whitelist.menu"]
        ))
        trace.append(FlowStep(
            rule: say.supportRule, result: say.email(policy.supportEmail), source: section("turn-the-whitelist-off"),
            policies: ["support.email"]
        ))
        var fixes = [add, off]
        if !address.isPrivate {
            fixes.append(say.staticFix)
        }
        return FlowResult(
            verdict: .refused,
            headline: say.refusedHeadline(address, refusal: policy.refusalText),
            details: [
                FlowDetail(say.addressLabel, address.description),
                FlowDetail(say.fixLabel, add),
                FlowDetail(say.orLabel, off),
            ],
            outcome: Outcome(
                allowed: false, address: address.description, family: address.family, matchedEntry: nil,
                matchedRange: nil, fixes: fixes, isPrivateAddress: address.isPrivate
            ),
            trace: trace
        )
    }
}
