public import Foundation
public import KBFlows
public import KnowledgeBase
public import KBSite
public import KBContent
import Synchronization

/// Holds what the server answers from, the knowledge base (with its flow
/// simulators) and the help site built from it, and replaces both atomically on
/// reload.
///
/// Readers take a ``Snapshot`` under a lock held only for a copy: they never wait
/// for a reload and never see half of one. A reload builds the new knowledge base
/// simulators and site aside, without the lock, then swaps them in; content with
/// errors (or a site that cannot be built) is refused and the last good version stays.
public final class KnowledgeBaseStore: Sendable {
    /// What a request works with: one knowledge base, its simulators, its site, and how the reloads went.
    public struct Snapshot: Sendable {
        public let knowledgeBase: KnowledgeBase
        /// The simulators of ``knowledgeBase``.
        public var flows: FlowRegistry { knowledgeBase.flows }
        /// The static help site built from ``knowledgeBase``, served at `/`.
        public let site: ServedSite
        /// When ``knowledgeBase`` was loaded.
        public let loadedAt: Date
        public let reloads: ReloadStatus
    }

    /// The content reloads read.
    public let files: ContentFiles
    /// The content folder reloads read (or the label of built-in content).
    public var directory: String { files.label }
    /// How the site is built on load and on every reload.
    public let siteOptions: SiteOptions
    private let state: Mutex<Snapshot>
    /// Held for the whole of a reload, so that two reloads never race to swap.
    private let reloadGate = Mutex(())
    private let observers = Mutex<[@Sendable (ReloadStatus.Result, Snapshot) -> Void]>([])

    /// A store serving `knowledgeBase`, loaded from `directory`, which reloads read again.
    ///
    /// - Parameters:
    ///   - siteOptions: how the help site is built (its base URL), now and on every reload.
    ///   - site: the site already built from `knowledgeBase` with `siteOptions`, when the
    ///     caller has it (tests share one); built here when `nil`.
    /// - Throws: ``SiteError`` when the site cannot be built.
    public convenience init(
        _ knowledgeBase: KnowledgeBase, directory: String, siteOptions: SiteOptions = SiteOptions(), site: ServedSite? = nil
    ) throws {
        try self.init(knowledgeBase, files: .folder(directory), siteOptions: siteOptions, site: site)
    }

    /// A store serving `knowledgeBase`, loaded from `files`, which reloads read again.
    public init(
        _ knowledgeBase: KnowledgeBase, files: ContentFiles, siteOptions: SiteOptions = SiteOptions(), site: ServedSite? = nil
    ) throws {
        let site = try site ?? Self.buildSite(knowledgeBase: knowledgeBase, options: siteOptions)
        self.files = files
        self.siteOptions = siteOptions
        state = Mutex(Snapshot(knowledgeBase: knowledgeBase, site: site, loadedAt: Date(), reloads: ReloadStatus()))
    }

    /// The help site of one version of the content, as the server sends it (its flow
    /// pages from the knowledge base's simulators). The one place the site is built,
    /// on load and on reload.
    ///
    /// - Throws: ``SiteError`` when a page cannot be rendered; ``Gzip/Failure`` when zlib fails.
    public static func buildSite(knowledgeBase: KnowledgeBase, options: SiteOptions) throws -> ServedSite {
        let builder = SiteBuilder(knowledgeBase: knowledgeBase, options: options)
        return try ServedSite(builder.build(), builder: builder)
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
            var loaded: (KnowledgeBase, ServedSite)?
            do throws(KnowledgeBaseError) {
                let knowledgeBase = try KnowledgeBase.load(files: files)
                do {
                    let site = try Self.buildSite(knowledgeBase: knowledgeBase, options: siteOptions)
                    loaded = (knowledgeBase, site)
                    result = .succeeded(version: knowledgeBase.version)
                } catch {
                    result = .failed(directory: directory, errors: [Self.siteDiagnostic(error, directory: directory)])
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
                    site: loaded?.1 ?? current.site,
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

    /// A site that could not be built, as a diagnostic about the content folder.
    private static func siteDiagnostic(_ error: any Error, directory: String) -> Diagnostic {
        Diagnostic(
            .error, .invalidValue, file: directory,
            message: "the help site cannot be built from this content: \(error)",
            hint: "kb site build shows the same error; the previous site is still served"
        )
    }
}
