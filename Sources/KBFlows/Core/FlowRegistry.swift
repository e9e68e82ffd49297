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

    /// Makes every simulator from `content`.
    ///
    /// - Throws: ``FlowPolicyError`` for the first policy value a simulator cannot use
    ///   (``FlowRegistryError`` lists them all).
    public init(content: Content) throws(FlowRegistryError) {
        var flows: [AnyFlow] = []
        var failures: [FlowPolicyError] = []
        for type in Self.simulatorTypes {
            do throws(FlowPolicyError) {
                flows.append(try Self.make(type, content))
            } catch {
                failures.append(error)
            }
        }
        guard failures.isEmpty else { throw FlowRegistryError(failures: failures) }
        self.flows = flows
    }

    /// A registry with no flows: for content in which no article names a simulator.
    public static let empty = Self(flows: [])

    private init(flows: [AnyFlow]) {
        self.flows = flows
    }

    /// The flow with this id.
    public func flow(_ id: String) -> AnyFlow? {
        flows.first { $0.id == id }
    }

    /// Every flow's id.
    public var ids: [String] { flows.map(\.id) }

    /// Makes one simulator and records the policy paths it read.
    private static func make<Simulator: FlowSimulator>(_ type: Simulator.Type, _ content: Content) throws(FlowPolicyError) -> AnyFlow {
        let log = PolicyReadLog()
        let made = PolicyReadLog.$current.withValue(log) {
            Result { () throws(FlowPolicyError) -> Simulator in try Simulator(content: content) }
        }
        var flow = AnyFlow(try made.get())
        flow.policyPaths = log.paths
        return flow
    }
}
