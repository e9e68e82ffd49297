public import Foundation
public import KBContent

/// What happened to the reloads since the server started: how many worked, how
/// many were refused, and the last one in detail.
public struct ReloadStatus: Sendable, Hashable {
    /// The result of one reload.
    public enum Result: Sendable, Hashable {
        /// The new content was checked and is now served.
        case succeeded(version: String)
        /// The new content in `directory` has errors; the previous knowledge base is still served.
        case failed(directory: String, errors: [Diagnostic])
    }

    /// One reload: when it ran and how it ended.
    public struct Attempt: Sendable, Hashable {
        public var date: Date
        public var result: Result
    }

    /// Reloads that replaced the knowledge base.
    public var succeeded = 0
    /// Reloads refused because the content had errors.
    public var failed = 0
    /// The most recent reload, if any ran.
    public var last: Attempt?

    public init() {}

    /// True when the last reload was refused, so the content on disk is not what is served.
    public var lastFailed: Bool {
        if case .failed = last?.result { return true }
        return false
    }

    mutating func record(_ result: Result, at date: Date) {
        switch result {
        case .succeeded: succeeded += 1
        case .failed: failed += 1
        }
        last = Attempt(date: date, result: result)
    }
}
