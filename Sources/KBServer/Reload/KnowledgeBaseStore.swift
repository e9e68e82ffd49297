public import Foundation
public import KnowledgeBase
import Synchronization

/// Holds the knowledge base being served and replaces it atomically on reload.
///
/// Readers take a ``Snapshot`` under a lock held only for a copy: they never wait
/// for a reload and never see half of one. A reload builds the new knowledge base
/// aside, without the lock, then swaps it in; content with errors is refused and
/// the last good knowledge base stays.
public final class KnowledgeBaseStore: Sendable {
    /// What a request works with: one knowledge base and how the reloads went.
    public struct Snapshot: Sendable {
        public let knowledgeBase: KnowledgeBase
        /// When ``knowledgeBase`` was loaded.
        public let loadedAt: Date
        public let reloads: ReloadStatus
    }

    /// Loads a new knowledge base; content with errors throws.
    public typealias Loader = @Sendable () throws(KnowledgeBaseError) -> KnowledgeBase

    private let state: Mutex<Snapshot>
    /// Held for the whole of a reload, so that two reloads never race to swap.
    private let reloadGate = Mutex(())
    private let loader: Loader
    private let observers = Mutex<[@Sendable (ReloadStatus.Result, Snapshot) -> Void]>([])

    /// A store serving `knowledgeBase`, reloading with `loader`.
    public init(_ knowledgeBase: KnowledgeBase, loader: @escaping Loader) {
        state = Mutex(Snapshot(knowledgeBase: knowledgeBase, loadedAt: Date(), reloads: ReloadStatus()))
        self.loader = loader
    }

    /// Loads the content folder; throws when the content has errors, as there is nothing good to serve.
    public convenience init(directory: String) throws(KnowledgeBaseError) {
        let loader: Loader = { () throws(KnowledgeBaseError) in try KnowledgeBase.load(directory: directory) }
        self.init(try loader(), loader: loader)
    }

    /// The knowledge base and reload status, as of now.
    public var snapshot: Snapshot { state.withLock { $0 } }

    /// The knowledge base being served.
    public var knowledgeBase: KnowledgeBase { snapshot.knowledgeBase }

    /// Loads the content again and, when it is free of errors, serves it from the next request on.
    ///
    /// - Returns: what happened; on `.failed` the previous knowledge base is still served.
    @discardableResult
    public func reload() -> ReloadStatus.Result {
        reloadGate.withLock { _ in
            let result: ReloadStatus.Result
            let loaded: KnowledgeBase?
            do throws(KnowledgeBaseError) {
                let knowledgeBase = try loader()
                loaded = knowledgeBase
                result = .succeeded(version: knowledgeBase.version)
            } catch {
                loaded = nil
                switch error {
                case let .invalidContent(directory, _): result = .failed(directory: directory, errors: error.errors)
                }
            }
            let now = Date()
            let snapshot = state.withLock { current in
                var reloads = current.reloads
                reloads.record(result, at: now)
                current = Snapshot(
                    knowledgeBase: loaded ?? current.knowledgeBase,
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
}
