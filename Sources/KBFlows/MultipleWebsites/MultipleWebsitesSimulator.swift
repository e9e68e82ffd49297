public import KBContent

/// `multiple-websites`: whether a second site may use the account registered for the
/// first. Allowed only when both sit on the same registrable domain (compared through
/// the Public Suffix List, so `shop.example.co.id` and `example.co.id` share one while
/// `alice.github.io` and `bob.github.io` do not) and the business scope is the same.
public struct MultipleWebsitesSimulator: FlowSimulator {
    public static let id = "multiple-websites"
    public static let article = "multiple-websites"
    public static let title = "May this merchant use its account on another website?"

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `portal.login_url`
        public var loginURL: String
        /// `support.email`
        public var supportEmail: String

        public init(loginURL: String, supportEmail: String) {
            self.loginURL = loginURL
            self.supportEmail = supportEmail
        }

        /// - Throws: ``FlowPolicyError`` naming a missing value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let reader = PolicyReader(policies, flow: MultipleWebsitesSimulator.id)
            self.init(loginURL: try reader.text("portal.login_url"), supportEmail: try reader.text("support.email"))
        }
    }

    /// A site's host and the domain someone registered for it.
    public struct Site: Sendable, Hashable, Codable {
        public var host: String
        public var registrableDomain: String

        public init(host: String, registrableDomain: String) {
            self.host = host
            self.registrableDomain = registrableDomain
        }
    }

    public struct Input: Sendable, Hashable {
        /// The site the account was registered for.
        public var registered: Site
        /// The site that would use the same account.
        public var new: Site
        /// Whether both sell within the same scope of business.
        public var sameBusiness: Bool

        public init(registered: Site, new: Site, sameBusiness: Bool) {
            self.registered = registered
            self.new = new
            self.sameBusiness = sameBusiness
        }
    }

    /// Whether the new site may use the account, or needs one of its own.
    public enum Verdict: String, FlowVerdict {
        case allowed
        case separateAccount = "separate-account"
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var allowed: Bool
        public var registered: Site
        public var new: Site
        public var sameDomain: Bool
        public var sameBusiness: Bool
        /// What to do, in order.
        public var steps: [String]
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }

    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let registered = input.registered, new = input.new
        let sameDomain = registered.registrableDomain == new.registrableDomain
        var trace = [registered, new].map { site in
            FlowStep(
                rule: "Sites count as one domain when they share the domain someone registered (per the Public Suffix List)",
                compared: "\(site.host) → registrable domain \(site.registrableDomain)", result: site.registrableDomain,
                source: section("the-short-answer")
            )
        }
        trace.append(FlowStep(
            rule: "One account may serve several sites only if they are on the same domain",
            compared: "\(registered.registrableDomain) vs \(new.registrableDomain)",
            result: sameDomain ? "same domain" : "different domains", source: section("the-short-answer")
        ))
        trace.append(FlowStep(
            rule: "…and only if they belong to the same scope of business",
            compared: "same scope of business: \(input.sameBusiness ? "yes" : "no")",
            result: input.sameBusiness ? "same business" : "different business", source: section("the-short-answer")
        ))

        let allowed = sameDomain && input.sameBusiness
        let steps: [String]
        let headline: String
        if allowed {
            trace.append(FlowStep(
                rule: "Sites on one domain and in one business keep using the current account and its keys",
                result: "use the same account on \(new.host)", source: section("your-sites-share-a-domain-and-a-business")
            ))
            steps = [
                "Keep using the current account and its keys on \(new.host).",
                "If another team runs \(new.host), give them portal logins of their own (see add-portal-users).",
            ]
            headline = "Allowed: \(new.host) and \(registered.host) share the domain \(new.registrableDomain) and the business."
        } else {
            trace.append(FlowStep(
                rule: "Otherwise the other site registers an account of its own and integrates in its sandbox first",
                result: "register at \(policy.loginURL)", source: section("your-sites-dont"), policies: ["portal.login_url"]
            ))
            trace.append(FlowStep(
                rule: "When unsure whether the business is the same, ask support before going live",
                result: "email \(policy.supportEmail) with both addresses and what each sells", source: section("not-sure"),
                policies: ["support.email"]
            ))
            steps = [
                "Register a new Midtrans account for \(new.host) at \(policy.loginURL).",
                "Integrate \(new.host) in the new account's sandbox first, with that account's keys.",
                "Keep each site on its own credentials from then on.",
                "Unsure whether the business counts as the same? Email \(policy.supportEmail) with both addresses and what each sells.",
            ]
            let why = [
                sameDomain ? nil : "\(new.registrableDomain) is not \(registered.registrableDomain)",
                input.sameBusiness ? nil : "the business is different",
            ].compactMap { $0 }.joined(separator: " and ")
            headline = "Not allowed: \(why). \(new.host) needs an account of its own."
        }
        return FlowResult(
            verdict: allowed ? .allowed : .separateAccount, headline: headline,
            details: [
                FlowDetail("Registered", "\(registered.host) (domain \(registered.registrableDomain))"),
                FlowDetail("New", "\(new.host) (domain \(new.registrableDomain))"),
                FlowDetail("Do", steps[0]),
            ],
            outcome: Outcome(
                allowed: allowed, registered: registered, new: new, sameDomain: sameDomain,
                sameBusiness: input.sameBusiness, steps: steps
            ),
            trace: trace
        )
    }
}
