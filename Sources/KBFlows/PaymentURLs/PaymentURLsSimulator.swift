public import Foundation
public import KBContent

/// `payment-urls`: from a transaction's outcome and the configured URLs, the timeline of
/// what happens: the server-to-server notification POST (with Midtrans's retries when
/// the endpoint does not answer 2xx) and the browser's redirect to the finish, unfinish
/// or error page, with the query parameters it carries.
public struct PaymentURLsSimulator: FlowSimulator {
    public static let id = "payment-urls"
    public static let article = "notification-and-redirect-urls"

    /// The `payment_type` of card payments, as Midtrans names it.
    public static let creditCard = "credit_card"
    /// Any payment type other than ``creditCard``, for this flow's purpose.
    public static let otherMethod = "other"

    /// How the payment ended for the customer.
    public enum PaymentOutcome: String, Sendable, Hashable, Codable, CaseIterable {
        case paid, pending, failed
        /// The customer left the payment page before finishing.
        case closed

        /// The `transaction_status` and `status_code` Midtrans reports, if the payment has
        /// one: a paid card payment is `capture`, a paid payment of another method `settlement`.
        func status(card: Bool) -> (transaction: String, code: String)? {
            switch self {
            case .paid: return (card ? "capture" : "settlement", "200")
            case .pending: return ("pending", "201")
            case .failed: return ("deny", "202")
            case .closed: return nil
            }
        }

        /// The redirect page the browser goes to.
        var redirect: RedirectPage {
            switch self {
            case .paid, .pending: return .finish
            case .failed: return .error
            case .closed: return .unfinish
            }
        }
    }

    /// The three pages a browser can be sent back to.
    public enum RedirectPage: String, Sendable, Hashable, Codable, CaseIterable {
        case finish, unfinish, error

        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() + " Redirect URL" }
    }

    /// What the notification endpoint answers.
    public enum EndpointResponse: Sendable, Hashable {
        case status(Int)
        /// No answer within the timeout.
        case timeout
    }

    /// What became of the notification: none was due, or how its delivery went.
    public enum Verdict: String, FlowVerdict {
        case noNotification = "no-notification"
        case notificationDelivered = "notification-delivered"
        case notificationRedirected = "notification-redirected"
        case notificationFailed = "notification-failed"
        case notificationNotSent = "notification-not-sent"

        /// A due notification that went this way.
        init(_ result: NotificationResult) {
            switch result {
            case .delivered: self = .notificationDelivered
            case .redirected: self = .notificationRedirected
            case .failed: self = .notificationFailed
            case .notSent: self = .notificationNotSent
            }
        }
    }

    /// How a notification's delivery went.
    public enum NotificationResult: String, Sendable, Hashable, Codable {
        /// Answered 2xx in time.
        case delivered
        /// Answered with a redirect Midtrans follows.
        case redirected
        /// Not acknowledged, after the retries (if any).
        case failed
        /// Never sent: no URL, or one Midtrans cannot reach.
        case notSent = "not-sent"
    }

    /// The policy values the flow reads.
    public struct Policy: Sendable, Hashable {
        /// `notification.menu`
        public var menu: String
        /// `notification.timeout_seconds`
        public var timeoutSeconds: Int
        /// `notification.max_retries`
        public var maxRetries: Int
        /// `notification.retry_after_minutes`: when each retry comes, after the failure.
        public var retryAfterMinutes: [Int]
        /// `notification.retries.http_<status>`: retries after that status.
        public var retriesByStatus: [Int: Int]
        /// `notification.retries.other_failure`
        public var retriesOtherwise: Int
        /// `notification.redirects_not_followed`
        public var redirectsNotFollowed: [Int]
        /// `notification.redirects_followed`
        public var redirectsFollowed: [Int]
        /// `notification.max_redirects_followed`
        public var maxRedirectsFollowed: Int
        /// `notification.standard_ports`
        public var standardPorts: [Int]
        /// `redirect.query_parameters`, in order.
        public var queryParameters: [String]

        /// - Throws: ``FlowPolicyError`` naming a missing or malformed value.
        public init(_ policies: Policies) throws(FlowPolicyError) {
            let flow = PaymentURLsSimulator.id
            let reader = PolicyReader(policies, flow: flow)
            menu = try reader.text("notification.menu")
            timeoutSeconds = try reader.integer("notification.timeout_seconds", in: 1...3_600)
            maxRetries = try reader.integer("notification.max_retries", in: 0...100)
            retryAfterMinutes = try reader.integers("notification.retry_after_minutes", in: 0...100_000)
            guard retryAfterMinutes.count >= maxRetries else {
                throw FlowPolicyError(
                    flow: flow, path: "notification.retry_after_minutes",
                    "has \(retryAfterMinutes.count) times for notification.max_retries \(maxRetries) retries",
                    hint: "list one time (in minutes) for every retry"
                )
            }
            let prefix = "notification.retries.http_"
            var byStatus: [Int: Int] = [:]
            for path in policies.paths where path.hasPrefix(prefix) {
                guard let status = Int(path.dropFirst(prefix.count)), (100...599).contains(status) else {
                    throw FlowPolicyError(flow: flow, path: path, "does not name an HTTP status", hint: "name it http_ and a status, e.g. http_503")
                }
                byStatus[status] = try reader.integer(path, in: 0...maxRetries)
            }
            retriesByStatus = byStatus
            retriesOtherwise = try reader.integer("notification.retries.other_failure", in: 0...maxRetries)
            redirectsNotFollowed = try reader.integers("notification.redirects_not_followed", in: 300...399)
            redirectsFollowed = try reader.integers("notification.redirects_followed", in: 300...399)
            maxRedirectsFollowed = try reader.integer("notification.max_redirects_followed", in: 0...100)
            standardPorts = try reader.integers("notification.standard_ports", in: 1...65_535)
            queryParameters = try reader.list("redirect.query_parameters")
            let known = ["order_id", "status_code", "transaction_status"]
            if let unknown = queryParameters.first(where: { !known.contains($0) }) {
                throw FlowPolicyError(
                    flow: flow, path: "redirect.query_parameters", "names '\(unknown)', which the simulator cannot fill",
                    hint: "use the parameters Midtrans adds: " + known.joined(separator: ", ")
                )
            }
        }

        /// The policy path that sets the retries after `status`.
        func retriesPath(for status: Int?) -> String {
            guard let status, retriesByStatus[status] != nil else { return "notification.retries.other_failure" }
            return "notification.retries.http_\(status)"
        }
    }

    public struct Input: Sendable, Hashable {
        public var outcome: PaymentOutcome
        /// Whether it is a card payment (`payment_type` `credit_card`).
        public var card: Bool
        public var orderID: String
        /// The Payment Notification URL, if set.
        public var notificationURL: String?
        /// The redirect URL of each page that has one set.
        public var redirectURLs: [RedirectPage: String]
        /// What the notification endpoint answers, every time.
        public var response: EndpointResponse

        public init(
            outcome: PaymentOutcome, card: Bool = false, orderID: String, notificationURL: String?,
            redirectURLs: [RedirectPage: String], response: EndpointResponse
        ) {
            self.outcome = outcome
            self.card = card
            self.orderID = orderID
            self.notificationURL = notificationURL
            self.redirectURLs = redirectURLs
            self.response = response
        }
    }

    /// One thing that happens, and when.
    public struct Event: Sendable, Hashable, Codable {
        public var time: Date
        /// `server` (Midtrans to your backend) or `browser` (the customer).
        public var channel: String
        public var what: String
        public var url: String?
    }

    public struct Outcome: Sendable, Hashable, Codable {
        public var transactionStatus: String?
        public var statusCode: String?
        /// Whether a notification is due for this outcome.
        public var notificationDue: Bool
        /// Why a due notification cannot be delivered (URL unset or unreachable), if so.
        public var notificationProblem: String?
        /// POSTs made: the first plus the retries.
        public var notificationAttempts: Int
        /// `delivered`, `redirected`, `failed` or `not-sent`.
        public var notificationResult: NotificationResult
        public var redirectPage: RedirectPage
        /// The address the browser is sent to, parameters included; `nil` when that page is not set.
        public var redirectURL: String?
        public var timeline: [Event]
    }

    public var policy: Policy

    public init(policy: Policy) { self.policy = policy }

    public init(content: Content) throws(FlowPolicyError) {
        self.init(policy: try Policy(content.policies))
    }
}
