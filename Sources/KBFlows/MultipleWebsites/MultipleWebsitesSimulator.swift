public import KBContent

/// `multiple-websites`: whether a second site may use the account registered for the
/// first. Allowed only when both sit on the same registrable domain (compared through
/// the Public Suffix List, so `shop.example.co.id` and `example.co.id` share one while
/// `alice.github.io` and `bob.github.io` do not) and the business scope is the same.
public struct MultipleWebsitesSimulator: FlowSimulator {
    public static let id = "multiple-websites"
    public static let article = "multiple-websites"

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
        let say = Phrases(language: context.language)
        let registered = input.registered, new = input.new
        let sameDomain = registered.registrableDomain == new.registrableDomain
        var trace = [registered, new].map { site in
            FlowStep(
                rule: say.domainRule, compared: say.registrable(site), result: site.registrableDomain,
                source: section("the-short-answer")
            )
        }
        trace.append(FlowStep(
            rule: say.sameDomainRule,
            compared: "\(registered.registrableDomain) vs \(new.registrableDomain)",
            result: say.sameDomain(sameDomain), source: section("the-short-answer")
        ))
        trace.append(FlowStep(
            rule: say.sameBusinessRule,
            compared: say.sameScope(input.sameBusiness),
            result: say.sameBusiness(input.sameBusiness), source: section("the-short-answer")
        ))

        let allowed = sameDomain && input.sameBusiness
        let steps: [String]
        let headline: String
        if allowed {
            trace.append(FlowStep(
                rule: say.keepRule, result: say.useSameAccount(on: new.host), source: section("your-sites-share-a-domain-and-a-business")
            ))
            steps = say.allowedSteps(new.host)
            headline = say.allowedHeadline(new, registered)
        } else {
            trace.append(FlowStep(
                rule: say.ownAccountRule, result: say.register(at: policy.loginURL), source: section("your-sites-dont"),
                policies: ["portal.login_url"]
            ))
            trace.append(FlowStep(
                rule: say.unsureRule, result: say.emailSupport(policy.supportEmail), source: section("not-sure"),
                policies: ["support.email"]
            ))
            steps = say.separateSteps(new.host, loginURL: policy.loginURL, support: policy.supportEmail)
            let why = [
                sameDomain ? nil : say.notTheSameDomain(new, registered),
                input.sameBusiness ? nil : say.differentBusiness,
            ].compactMap { $0 }
            headline = say.notAllowedHeadline(why: why, host: new.host)
        }
        return FlowResult(
            verdict: allowed ? .allowed : .separateAccount, headline: headline,
            details: [
                FlowDetail(say.registeredLabel, say.site(registered)),
                FlowDetail(say.newLabel, say.site(new)),
                FlowDetail(say.doLabel, steps[0]),
            ],
            outcome: Outcome(
                allowed: allowed, registered: registered, new: new, sameDomain: sameDomain,
                sameBusiness: input.sameBusiness, steps: steps
            ),
            trace: trace
        )
    }
}
