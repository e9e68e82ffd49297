public import KBContent

/// Every flow simulator, made from one loaded content: the one list the CLI, the HTTP
/// API and the site draw on.
public struct FlowRegistry: Sendable {
    /// Every simulator type, in the order flows are listed.
    public static let simulatorTypes: [any FlowSimulator.Type] = [
        AccountLockoutSimulator.self,
        ForgotTwoFactorSimulator.self,
        IPWhitelistSimulator.self,
        CardDeniedSimulator.self,
        AddPortalUserSimulator.self,
        PaymentURLsSimulator.self,
        ChangeLoginEmailSimulator.self,
        CancelTransactionSimulator.self,
        MultipleWebsitesSimulator.self,
        TransactionActionsSimulator.self,
    ]

    /// Every simulator's id, in ``simulatorTypes`` order: the values an article's `flow` may take.
    public static var simulatorIDs: [String] { simulatorTypes.map { $0.id } }

    /// The flows, in ``simulatorTypes`` order.
    public let flows: [AnyFlow]

    /// Where the sections the flows cite are in each translation (``AnyFlow/sections``).
    public let sections: SectionTranslations

    /// Makes every simulator from `content` (the source language's), reading from each
    /// translation what the flows quote in that language and where its articles'
    /// sections are, so that flows run in any of these languages.
    ///
    /// - Throws: ``FlowPolicyError`` for the first policy value a simulator cannot use
    ///   (``FlowRegistryError`` lists them all).
    public init(content: Content, translations: [Language: Content] = [:]) throws(FlowRegistryError) {
        let sections = SectionTranslations(source: content, translations: translations)
        var flows: [AnyFlow] = []
        var failures: [FlowPolicyError] = []
        for type in Self.simulatorTypes {
            do throws(FlowPolicyError) {
                var flow = try Self.make(type, content, translations)
                flow.sections = sections
                flows.append(flow)
            } catch {
                failures.append(error)
            }
        }
        guard failures.isEmpty else { throw FlowRegistryError(failures: failures) }
        self.flows = flows
        self.sections = sections
    }

    /// A registry with no flows: for content in which no article names a simulator.
    public static let empty = Self(flows: [])

    private init(flows: [AnyFlow]) {
        self.flows = flows
        sections = .none
    }

    /// The flow with this id.
    public func flow(_ id: String) -> AnyFlow? {
        flows.first { $0.id == id }
    }

    /// Every flow's id.
    public var ids: [String] { flows.map(\.id) }

    /// Makes one simulator and records the policy paths it read.
    private static func make<Simulator: FlowSimulator>(
        _ type: Simulator.Type, _ content: Content, _ translations: [Language: Content]
    ) throws(FlowPolicyError) -> AnyFlow {
        let log = PolicyReadLog()
        let made = PolicyReadLog.$current.withValue(log) {
            Result { () throws(FlowPolicyError) -> Simulator in try Simulator(content: content, translations: translations) }
        }
        var flow = AnyFlow(try made.get())
        flow.policyPaths = log.paths
        return flow
    }
}
