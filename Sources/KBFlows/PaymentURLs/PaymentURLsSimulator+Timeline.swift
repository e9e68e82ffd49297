import Foundation

extension PaymentURLsSimulator {
    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let now = context.now
        let status = input.outcome.status(card: input.card)
        var trace: [FlowStep] = []
        var timeline = [Event(time: now, channel: "browser", what: "the payment ends: \(input.outcome.rawValue)", url: nil)]

        trace.append(FlowStep(
            rule: "Midtrans POSTs to the Payment Notification URL when a payment completes and on every later status change",
            compared: status.map {
                "outcome \(input.outcome.rawValue), payment_type \(input.card ? Self.creditCard : Self.otherMethod) → transaction_status \($0.transaction), status_code \($0.code)"
            }
                ?? "outcome closed: the payment was not completed and its status did not change",
            result: status == nil ? "no notification" : "a notification is due",
            source: section("two-kinds-of-url")
        ))
        var delivery = Delivery(attempts: 0, result: .notSent, problem: nil, summary: "none: no status change to report")
        if let status {
            delivery = notify(input, status: status, context, trace: &trace, timeline: &timeline)
        }

        let page = input.outcome.redirect
        trace.append(FlowStep(
            rule: "The browser goes to the Finish page once the payment flow is done (paid, or shown how to pay), to Unfinish when the customer leaves before finishing, and to Error when the payment fails",
            compared: "outcome \(input.outcome.rawValue)", result: "the \(page.label)", source: section("two-kinds-of-url")
        ))
        var redirectURL: String?
        if let base = input.redirectURLs[page] {
            let parameters = policy.queryParameters.compactMap { name -> (String, String)? in
                switch name {
                case "order_id": return (name, input.orderID)
                case "status_code": return status.map { (name, $0.code) }
                case "transaction_status": return status.map { (name, $0.transaction) }
                default: return nil
                }
            }
            let url = Self.appending(parameters, to: base)
            redirectURL = url
            trace.append(FlowStep(
                rule: "Midtrans adds the order and its status to the redirect address; a redirect proves only that the customer came back, not that they paid",
                compared: "parameters \(policy.queryParameters.joined(separator: ", "))"
                    + (status == nil ? "; no status yet, so only the order is carried" : ""),
                result: url, source: section("redirect-urls"), policies: ["redirect.query_parameters"]
            ))
            timeline.append(Event(time: now, channel: "browser", what: "sent to the \(page.label)", url: url))
        } else {
            trace.append(FlowStep(
                rule: "The redirect URLs are set in the portal's configuration menu",
                compared: "\(page.label): not set", result: "the customer is not sent back to your site; set it under \(policy.menu)",
                source: section("where-to-set-them"), policies: ["notification.menu"]
            ))
        }

        timeline.sort { $0.time < $1.time }
        let landing = redirectURL.map { "the customer lands on \($0)" } ?? "no \(page.label) is set"
        let headline = "Notification: \(delivery.summary). Browser: \(landing)."
        var details = [
            FlowDetail("Notification", delivery.summary),
            FlowDetail("Redirect", redirectURL ?? "\(page.label) not set; set it under \(policy.menu)"),
        ]
        if let problem = delivery.problem { details.append(FlowDetail("Fix", problem)) }
        details.append(FlowDetail("Paid?", "trust the notification or GET status, never the redirect alone"))
        let outcome = Outcome(
            transactionStatus: status?.transaction, statusCode: status?.code, notificationDue: status != nil,
            notificationProblem: delivery.problem, notificationAttempts: delivery.attempts, notificationResult: delivery.result,
            redirectPage: page, redirectURL: redirectURL, timeline: timeline
        )
        let verdict: Verdict = status == nil ? .noNotification : Verdict(delivery.result)
        return FlowResult(verdict: verdict, headline: headline, details: details, outcome: outcome, trace: trace)
    }

    /// What became of the notification.
    private struct Delivery {
        var attempts: Int
        var result: NotificationResult
        var problem: String?
        var summary: String
    }

    private func notify(
        _ input: Input, status: (transaction: String, code: String), _ context: FlowContext,
        trace: inout [FlowStep], timeline: inout [Event]
    ) -> Delivery {
        guard let url = input.notificationURL else {
            trace.append(FlowStep(
                rule: "The Payment Notification URL is set in the portal's configuration menu",
                compared: "Payment Notification URL: not set", result: "nothing is sent; set it under \(policy.menu)",
                source: section("where-to-set-them"), policies: ["notification.menu"]
            ))
            return Delivery(attempts: 0, result: .notSent, problem: "set a Payment Notification URL under \(policy.menu)", summary: "not sent: no URL is set")
        }
        if let unreachable = reachabilityProblem(url) {
            trace.append(FlowStep(
                rule: "The notification URL needs the http:// or https:// prefix and must be reachable from the public internet on a standard port, with no password",
                compared: "'\(url)'", result: "cannot be delivered: \(unreachable.problem)",
                source: section("payment-notification-url-webhook"), policies: unreachable.policies
            ))
            return Delivery(attempts: 0, result: .notSent, problem: unreachable.problem, summary: "not delivered: \(unreachable.problem)")
        }

        let now = context.now
        timeline.append(Event(
            time: now, channel: "server",
            what: "POST notification (transaction_status \(status.transaction)); your endpoint: \(input.response.text)", url: url
        ))
        let code: Int?
        if case let .status(value) = input.response { code = value } else { code = nil }
        let acknowledged = code.map { (200...299).contains($0) } ?? false
        trace.append(FlowStep(
            rule: "Your endpoint confirms receipt by answering 2xx before Midtrans's timeout",
            compared: "\(input.response.text) within notification.timeout_seconds \(policy.timeoutSeconds) s",
            result: acknowledged ? "delivered" : "failed", source: section("payment-notification-url-webhook"),
            policies: ["notification.timeout_seconds"]
        ))
        if acknowledged {
            return Delivery(attempts: 1, result: .delivered, problem: nil, summary: "delivered to \(url) (\(input.response.text))")
        }
        let retries = ArticleReference("notification-not-received", "3-how-midtrans-retries")
        if let code, policy.redirectsNotFollowed.contains(code) {
            trace.append(FlowStep(
                rule: "Midtrans does not follow these redirects and does not retry",
                compared: "HTTP \(code) in notification.redirects_not_followed", result: "not delivered; no retry",
                source: retries, policies: ["notification.redirects_not_followed"]
            ))
            return Delivery(
                attempts: 1, result: .failed, problem: "point the URL at the final address, not at a redirect (HTTP \(code))",
                summary: "failed: HTTP \(code) is a redirect Midtrans does not follow, and it does not retry"
            )
        }
        if let code, policy.redirectsFollowed.contains(code) {
            trace.append(FlowStep(
                rule: "Midtrans follows these redirects with the same POST body, up to the policy's number of redirects",
                compared: "HTTP \(code) in notification.redirects_followed; at most notification.max_redirects_followed \(policy.maxRedirectsFollowed)",
                result: "re-sent to the new address; what that address answers decides the rest",
                source: retries, policies: ["notification.redirects_followed", "notification.max_redirects_followed"]
            ))
            return Delivery(
                attempts: 1, result: .redirected, problem: nil,
                summary: "redirected (HTTP \(code)): the POST is sent again to the new address"
            )
        }

        let path = policy.retriesPath(for: code)
        let count = min(code.flatMap { policy.retriesByStatus[$0] } ?? policy.retriesOtherwise, policy.maxRetries)
        trace.append(FlowStep(
            rule: "How often Midtrans retries depends on what your endpoint answered",
            compared: "\(input.response.text) → \(path) = \(count)", result: "\(count) retr\(count == 1 ? "y" : "ies")",
            source: retries, policies: [path]
        ))
        var last = now
        for index in 0..<count {
            last = now.addingTimeInterval(TimeInterval(policy.retryAfterMinutes[index] * 60))
            timeline.append(Event(
                time: last, channel: "server",
                what: "retry \(index + 1) of \(count) (about \(policy.retryAfterMinutes[index]) min after the failure); your endpoint: \(input.response.text)",
                url: url
            ))
        }
        if count > 0 {
            let minutes = policy.retryAfterMinutes.prefix(count).map(String.init).joined(separator: ", ")
            trace.append(FlowStep(
                rule: "Retries come at set times after the failure, with some random jitter, and at most the policy's number",
                compared: "notification.retry_after_minutes \(minutes); notification.max_retries \(policy.maxRetries)",
                result: "last retry about \(context.text(last))", source: retries,
                policies: ["notification.retry_after_minutes", "notification.max_retries"]
            ))
        }
        return Delivery(
            attempts: 1 + count, result: .failed,
            problem: "make the endpoint answer 2xx within \(policy.timeoutSeconds) s",
            summary: "failed (\(input.response.text)); \(count) retr\(count == 1 ? "y" : "ies")"
                + (count > 0 ? ", the last about \(context.text(last))" : "")
        )
    }

    /// Why Midtrans cannot reach `url`, and the policy values that say so; `nil` when it can.
    func reachabilityProblem(_ url: String) -> (problem: String, policies: [String])? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme) else {
            return ("'\(url)' has no http:// or https:// prefix", [])
        }
        var host = (components.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { return ("'\(url)' names no host", []) }
        if components.user != nil || components.password != nil {
            return ("the URL asks for a user name and password, which Midtrans cannot give", [])
        }
        if host == "localhost" || host.hasSuffix(".localhost") || IPAddress(host)?.isPrivate == true {
            return ("\(host) cannot be reached from the internet; use a public address, or a tunnel such as ngrok while testing", [])
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        if !policy.standardPorts.contains(port) {
            let ports = policy.standardPorts.map(String.init).joined(separator: " or ")
            return ("port \(port) is not a standard port; use \(ports)", ["notification.standard_ports"])
        }
        return nil
    }

    /// `base` with `parameters` added to its query, percent-encoded.
    static func appending(_ parameters: [(String, String)], to base: String) -> String {
        guard !parameters.isEmpty else { return base }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        let query = parameters.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
        let (head, fragment) = base.firstIndex(of: "#").map { (String(base[..<$0]), String(base[$0...])) } ?? (base, "")
        return head + (head.contains("?") ? "&" : "?") + query + fragment
    }
}
