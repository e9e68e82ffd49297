import Foundation
import KBAnalytics
import KBContent
import KnowledgeBase

/// `GET /healthz`: the content being served, and how the reloads went.
///
/// `status` is `ok`, or `degraded` when the last reload was refused: the server
/// still answers from the last good content, which is no longer what is on disk.
struct HealthReport: Encodable, Sendable {
    struct ContentSummary: Encodable, Sendable {
        var version: String
        var articles: Int
        var codes: Int
        var categories: Int
        var loadedAt: String
        var warnings: Int

        enum CodingKeys: String, CodingKey {
            case version, articles, codes, categories, warnings
            case loadedAt = "loaded_at"
        }
    }

    struct Reloads: Encodable, Sendable {
        struct Last: Encodable, Sendable {
            /// `ok` or `failed`.
            var result: String
            var at: String
            /// The version it loaded; absent when it failed.
            var version: String?
            /// The errors that made it fail, compiler style, paths relative to the content folder.
            var errors: [String]?
        }

        var watching: Bool
        var succeeded: Int
        var failed: Int
        var last: Last?
    }

    /// The analytics recorder's state; absent with `--analytics off`.
    struct Analytics: Encodable, Sendable {
        /// `ok`, or `degraded` while events cannot be written (they wait in the queue).
        var status: String
        var queued: Int
        var dropped: Int
        var error: String?
    }

    var status: String
    var content: ContentSummary
    var reloads: Reloads
    var analytics: Analytics?

    init(_ snapshot: KnowledgeBaseStore.Snapshot, watching: Bool, analytics recorder: AnalyticsRecorder? = nil) {
        let knowledgeBase = snapshot.knowledgeBase
        let reloads = snapshot.reloads
        status = reloads.lastFailed ? "degraded" : "ok"
        content = ContentSummary(
            version: knowledgeBase.version,
            articles: knowledgeBase.content.articles.count,
            codes: knowledgeBase.content.responseCodes.count,
            categories: knowledgeBase.content.categories.count,
            loadedAt: snapshot.loadedAt.formatted(.iso8601),
            warnings: knowledgeBase.warnings.count
        )
        let last = reloads.last.map { attempt -> Reloads.Last in
            switch attempt.result {
            case let .succeeded(version):
                return Reloads.Last(result: "ok", at: attempt.date.formatted(.iso8601), version: version)
            case let .failed(directory, errors):
                let relative = errors.prefix(20).map { Self.relative($0, to: directory).formatted }
                return Reloads.Last(result: "failed", at: attempt.date.formatted(.iso8601), errors: relative)
            }
        }
        self.reloads = Reloads(watching: watching, succeeded: reloads.succeeded, failed: reloads.failed, last: last)
        if let recorder {
            var analytics = Analytics(status: "ok", queued: recorder.pendingCount, dropped: recorder.droppedCount)
            if case .degraded = recorder.health {
                // What failed is in the log; the health report names no paths or hosts.
                analytics.status = "degraded"
                analytics.error = "events cannot be written to the analytics store; they wait in the queue"
                status = "degraded"
            }
            self.analytics = analytics
        }
    }

    /// The diagnostic with its file relative to the content folder: the report names no server paths.
    private static func relative(_ diagnostic: Diagnostic, to directory: String) -> Diagnostic {
        var diagnostic = diagnostic
        var prefix = directory
        while prefix.count > 1, prefix.hasSuffix("/") { prefix.removeLast() }
        if diagnostic.file.hasPrefix(prefix + "/") { diagnostic.file.removeFirst(prefix.count + 1) }
        return diagnostic
    }
}
