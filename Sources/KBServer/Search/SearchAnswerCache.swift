import Hummingbird
import KBAnalytics
import Synchronization

/// While searches are recorded, the response cache cannot keep search answers (each
/// carries its own `searchId`), so this keeps what a search computes — the answer's
/// JSON bytes and the event to record — by content version and request, and the
/// controller adds a fresh id to each. Entries of another version are dropped; past
/// ``capacity`` entries, all are (the shipped queries fit many times over).
final class SearchAnswerCache: Sendable {
    struct Answer: Sendable {
        /// The JSON of the answer, without `searchId`.
        var bytes: [UInt8]
        /// The answer's status.
        var status: HTTPResponse.Status
        /// Its headers, `Content-Length` already that of the answer with its id (every
        /// id has the same length), so that no answer copies and edits them.
        var headers: HTTPFields
        /// The search as recorded, its id and date to be replaced per request.
        var event: SearchEvent

        /// `response`'s status and headers, for `bytes` answered with an id.
        init(bytes: [UInt8], response: Response, event: SearchEvent) {
            self.bytes = bytes
            self.status = response.status
            var headers = response.headers
            headers[.contentLength] = String(Self.recordedLength(of: bytes))
            self.headers = headers
            self.event = event
        }

        /// What `{"searchId":"<id>",` adds in front of the answer's object (whose `{` it replaces).
        static let idPrefix: StaticString = "{\"searchId\":\""
        static let idSuffix: StaticString = "\","

        /// The length of `bytes` answered with an id.
        static func recordedLength(of bytes: [UInt8]) -> Int {
            idPrefix.utf8CodeUnitCount + SearchID.length + idSuffix.utf8CodeUnitCount + bytes.count - 1
        }
    }

    private struct State {
        var version = ""
        var answers: [String: Answer] = [:]
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func answer(version: String, key: String) -> Answer? {
        state.withLock { $0.version == version ? $0.answers[key] : nil }
    }

    func store(_ answer: Answer, version: String, key: String) {
        state.withLock { state in
            if state.version != version || state.answers.count >= capacity {
                state.version = version
                state.answers.removeAll(keepingCapacity: true)
            }
            state.answers[key] = answer
        }
    }
}
