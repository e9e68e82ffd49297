import Foundation
import KBContent

extension PaymentURLsSimulator {
    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        let now = context.now
        let status = input.outcome.status(card: input.card)
        var trace: [FlowStep] = []
        var timeline = [Event(time: now, channel: "browser", what: say.paymentEnds(input.outcome), url: nil)]

        trace.append(FlowStep(
            rule: say.notificationRule,
            compared: status.map {
                say.statusCompared(input.outcome, type: input.card ? Self.creditCard : Self.otherMethod, transaction: $0.transaction, code: $0.code)
            }
                ?? say.closedCompared,
            result: say.notificationDue(status != nil),
            source: section("two-kinds-of-url")
        ))
        var delivery = Delivery(attempts: 0, result: .notSent, problem: nil, summary: say.nothingToReport)
        if let status {
            delivery = notify(input, status: status, context, trace: &trace, timeline: &timeline)
        }

        let page = input.outcome.redirect
        trace.append(FlowStep(
            rule: say.redirectRule,
            compared: say.outcome(input.outcome), result: say.page(page), source: section("two-kinds-of-url")
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
                rule: say.parametersRule,
                compared: say.parameters(policy.queryParameters, withStatus: status != nil),
                result: url, source: section("redirect-urls"), policies: ["redirect.query_parameters"]
            ))
            timeline.append(Event(time: now, channel: "browser", what: say.sentTo(page), url: url))
        } else {
            trace.append(FlowStep(
                rule: say.redirectMenuRule,
                compared: say.notSet(page.label), result: say.notSentBack(menu: policy.menu),
                source: section("where-to-set-them"), policies: ["notification.menu"]
            ))
        }

        timeline.sort { $0.time < $1.time }
        let landing = redirectURL.map(say.landsOn) ?? say.noPage(page)
        let headline = say.headline(notification: delivery.summary, landing: landing)
        var details = [
            FlowDetail(say.notificationLabel, delivery.summary),
            FlowDetail(say.redirectLabel, redirectURL ?? say.pageNotSet(page, menu: policy.menu)),
        ]
        if let problem = delivery.problem { details.append(FlowDetail(say.fixLabel, problem)) }
        details.append(FlowDetail(say.paidLabel, say.paidAdvice))
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
        let say = Phrases(language: context.language)
        guard let url = input.notificationURL else {
            trace.append(FlowStep(
                rule: say.notificationMenuRule,
                compared: say.noNotificationURL, result: say.nothingSent(menu: policy.menu),
                source: section("where-to-set-them"), policies: ["notification.menu"]
            ))
            return Delivery(attempts: 0, result: .notSent, problem: say.setNotificationURL(menu: policy.menu), summary: say.notSentNoURL)
        }
        if let unreachable = reachabilityProblem(url, language: context.language) {
            trace.append(FlowStep(
                rule: say.reachableRule,
                compared: "'\(url)'", result: say.cannotDeliver(unreachable.problem),
                source: section("payment-notification-url-webhook"), policies: unreachable.policies
            ))
            return Delivery(attempts: 0, result: .notSent, problem: unreachable.problem, summary: say.notDelivered(unreachable.problem))
        }

        let now = context.now
        timeline.append(Event(time: now, channel: "server", what: say.posted(status.transaction, input.response), url: url))
        let code: Int?
        if case let .status(value) = input.response { code = value } else { code = nil }
        let acknowledged = code.map { (200...299).contains($0) } ?? false
        trace.append(FlowStep(
            rule: say.acknowledgeRule,
            compared: say.withinTimeout(input.response, seconds: policy.timeoutSeconds),
            result: say.acknowledged(acknowledged), source: section("payment-notification-url-webhook"),
            policies: ["notification.timeout_seconds"]
        ))
        if acknowledged {
            return Delivery(attempts: 1, result: .delivered, problem: nil, summary: say.deliveredTo(url, input.response))
        }
        let retries = ArticleReference("notification-not-received", "3-how-midtrans-retries")
        if let code, policy.redirectsNotFollowed.contains(code) {
            trace.append(FlowStep(
                rule: say.notFollowedRule,
                compared: say.inNotFollowed(code), result: say.notDeliveredNoRetry,
                source: retries, policies: ["notification.redirects_not_followed"]
            ))
            return Delivery(attempts: 1, result: .failed, problem: say.pointAtFinal(code), summary: say.notFollowedSummary(code))
        }
        if let code, policy.redirectsFollowed.contains(code) {
            trace.append(FlowStep(
                rule: say.followedRule,
                compared: say.inFollowed(code, max: policy.maxRedirectsFollowed),
                result: say.resent,
                source: retries, policies: ["notification.redirects_followed", "notification.max_redirects_followed"]
            ))
            return Delivery(attempts: 1, result: .redirected, problem: nil, summary: say.followedSummary(code))
        }

        let path = policy.retriesPath(for: code)
        let count = min(code.flatMap { policy.retriesByStatus[$0] } ?? policy.retriesOtherwise, policy.maxRetries)
        trace.append(FlowStep(
            rule: say.retriesRule,
            compared: "\(say.response(input.response)) → \(path) = \(count)", result: say.retries(count),
            source: retries, policies: [path]
        ))
        var last = now
        for index in 0..<count {
            last = now.addingTimeInterval(TimeInterval(policy.retryAfterMinutes[index] * 60))
            timeline.append(Event(
                time: last, channel: "server",
                what: say.retryEvent(index + 1, of: count, minutes: policy.retryAfterMinutes[index], input.response),
                url: url
            ))
        }
        if count > 0 {
            let minutes = policy.retryAfterMinutes.prefix(count).map(String.init).joined(separator: ", ")
            trace.append(FlowStep(
                rule: say.scheduleRule,
                compared: "notification.retry_after_minutes \(minutes); notification.max_retries \(policy.maxRetries)",
                result: say.lastRetry(context.text(last)), source: retries,
                policies: ["notification.retry_after_minutes", "notification.max_retries"]
            ))
        }
        return Delivery(
            attempts: 1 + count, result: .failed,
            problem: say.answer2xx(seconds: policy.timeoutSeconds),
            summary: say.failedSummary(input.response, retries: count, last: count > 0 ? context.text(last) : nil)
        )
    }

    /// Why Midtrans cannot reach `url`, in `language`, and the policy values that say so;
    /// `nil` when it can.
    func reachabilityProblem(_ url: String, language: Language = .source) -> (problem: String, policies: [String])? {
        let say = Phrases(language: language)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme) else {
            return (say.noPrefix(url), [])
        }
        var host = (components.host ?? "").lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { return (say.noHost(url), []) }
        if components.user != nil || components.password != nil {
            return (say.password, [])
        }
        if host == "localhost" || host.hasSuffix(".localhost") || IPAddress(host)?.isPrivate == true {
            return (say.unreachable(host), [])
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        if !policy.standardPorts.contains(port) {
            return (say.notStandardPort(port, policy.standardPorts), ["notification.standard_ports"])
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
