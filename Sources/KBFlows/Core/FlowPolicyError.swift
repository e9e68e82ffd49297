/// A policy value a simulator needs is missing from `policies.yaml` or has the wrong form.
public struct FlowPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The flow that reads the value.
    public var flow: String
    /// The dotted path in `policies.yaml`, e.g. `lockout.max_failed_attempts`.
    public var path: String
    /// What is wrong with it.
    public var message: String
    /// What the value should look like.
    public var hint: String

    public init(flow: String, path: String, _ message: String, hint: String) {
        self.flow = flow
        self.path = path
        self.message = message
        self.hint = hint
    }

    /// `policies.yaml: 'path' message (read by flow id); hint`.
    public var description: String {
        "policies.yaml: '\(path)' \(message) (read by flow \(flow)); \(hint)"
    }
}

/// Why a ``FlowRegistry`` could not be made: every policy value some simulator could not use.
public struct FlowRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One per simulator that could not be made, in ``FlowRegistry/simulatorTypes`` order.
    public var failures: [FlowPolicyError]

    public init(failures: [FlowPolicyError]) {
        self.failures = failures
    }

    public var description: String {
        failures.map(\.description).joined(separator: "\n")
    }
}
