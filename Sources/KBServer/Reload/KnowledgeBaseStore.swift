public import Foundation
public import KBFlows
public import KnowledgeBase
import KBContent
import Synchronization

/// Holds what the server answers from, the knowledge base and the flow simulators
/// made from its content, and replaces both atomically on reload.
///
/// Readers take a ``Snapshot`` under a lock held only for a copy: they never wait
/// for a reload and never see half of one. A reload builds the new knowledge base
/// and simulators aside, without the lock, then swaps them in; content with errors
/// is refused and the last good version stays.
public final class KnowledgeBaseStore: Sendable {
    /// What a request works with: one knowledge base, its simulators, and how the reloads went.
    public struct Snapshot: Sendable {
        public let knowledgeBase: KnowledgeBase
        public let flows: FlowRegistry
        /// When ``knowledgeBase`` was loaded.
        public let loadedAt: Date
        public let reloads: ReloadStatus
    }

    /// The content folder reloads read.
    public let directory: String
    private let state: Mutex<Snapshot>
    /// Held for the whole of a reload, so that two reloads never race to swap.
    private let reloadGate = Mutex(())
    private let observers = Mutex<[@Sendable (ReloadStatus.Result, Snapshot) -> Void]>([])

    /// A store serving `knowledgeBase`, loaded from `directory`, which reloads read again.
    ///
    /// - Throws: ``FlowPolicyError`` when a simulator cannot use the content's policies.
    public init(_ knowledgeBase: KnowledgeBase, directory: String) throws(FlowPolicyError) {
        let flows = try FlowRegistry(content: knowledgeBase.content)
        self.directory = directory
        state = Mutex(Snapshot(knowledgeBase: knowledgeBase, flows: flows, loadedAt: Date(), reloads: ReloadStatus()))
    }

    /// The knowledge base, simulators and reload status, as of now.
    public var snapshot: Snapshot { state.withLock { $0 } }

    /// The knowledge base being served.
    public var knowledgeBase: KnowledgeBase { snapshot.knowledgeBase }

    /// Loads the content again and, when it is free of errors, serves it from the next request on.
    ///
    /// - Returns: what happened; on `.failed` the previous version is still served.
    @discardableResult
    public func reload() -> ReloadStatus.Result {
        reloadGate.withLock { _ in
            let result: ReloadStatus.Result
            var loaded: (KnowledgeBase, FlowRegistry)?
            do throws(KnowledgeBaseError) {
                let knowledgeBase = try KnowledgeBase.load(directory: directory)
                do throws(FlowPolicyError) {
                    loaded = (knowledgeBase, try FlowRegistry(content: knowledgeBase.content))
                    result = .succeeded(version: knowledgeBase.version)
                } catch {
                    result = .failed(directory: directory, errors: [Self.diagnostic(error, directory: directory)])
                }
            } catch {
                result = .failed(directory: directory, errors: error.errors)
            }
            let now = Date()
            let snapshot = state.withLock { current in
                var reloads = current.reloads
                reloads.record(result, at: now)
                current = Snapshot(
                    knowledgeBase: loaded?.0 ?? current.knowledgeBase,
                    flows: loaded?.1 ?? current.flows,
                    loadedAt: loaded == nil ? current.loadedAt : now,
                    reloads: reloads
                )
                return current
            }
            for observer in observers.withLock({ $0 }) { observer(result, snapshot) }
            return result
        }
    }

    /// Calls `observer` after every reload, with its result and the snapshot it left.
    public func onReload(_ observer: @escaping @Sendable (ReloadStatus.Result, Snapshot) -> Void) {
        observers.withLock { $0.append(observer) }
    }

    /// A policy a simulator cannot use, as the checker would report it.
    private static func diagnostic(_ error: FlowPolicyError, directory: String) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, file: directory + "/policies.yaml",
            message: "'\(error.path)' \(error.message) (read by flow \(error.flow))", hint: error.hint
        )
    }
}
