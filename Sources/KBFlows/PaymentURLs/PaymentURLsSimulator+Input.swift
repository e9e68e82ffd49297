import Foundation

extension PaymentURLsSimulator {
    public var fields: [FlowField] {
        [
            FlowField(
                "outcome", .choice, default: PaymentOutcome.paid.rawValue,
                help: "How the payment ended: paid, pending (shown how to pay), failed, or closed by the customer",
                allowedValues: PaymentOutcome.allCases.map(\.rawValue)
            ),
            FlowField(
                "payment_type", .choice, default: Self.otherMethod,
                help: "credit_card for a card payment, other for any other method: a paid card payment is reported as capture, other methods as settlement",
                allowedValues: [Self.creditCard, Self.otherMethod]
            ),
            FlowField("order_id", .text, help: "The order_id of the transaction", example: "ORDER-1001"),
            FlowField(
                "notification_url", .url, default: "", help: "The Payment Notification URL (empty when not set)",
                example: "https://shop.example.com/midtrans/notify"
            ),
            FlowField("finish_url", .url, default: "", help: "The Finish Redirect URL (empty when not set)", example: "https://shop.example.com/thanks"),
            FlowField("unfinish_url", .url, default: "", help: "The Unfinish Redirect URL (empty when not set)", example: "https://shop.example.com/cart"),
            FlowField("error_url", .url, default: "", help: "The Error Redirect URL (empty when not set)", example: "https://shop.example.com/payment-failed"),
            FlowField(
                "response", .text, default: "200",
                help: "What the notification endpoint answers: an HTTP status from 100 to 599, or timeout", example: "503"
            ),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let reader = try FieldReader(values, fields: fields, context: context, flow: Self.id)
        let outcome = PaymentOutcome(rawValue: try reader.requiredChoice("outcome")) ?? .paid
        let card = try reader.requiredChoice("payment_type") == Self.creditCard
        let orderID = try reader.nonEmptyText("order_id")
        let notification = try url("notification_url", reader)
        var redirects: [RedirectPage: String] = [:]
        for page in RedirectPage.allCases {
            redirects[page] = try url("\(page.rawValue)_url", reader)
        }
        let text = try reader.nonEmptyText("response")
        let response: EndpointResponse
        if text.lowercased() == "timeout" {
            response = .timeout
        } else if let status = Int(text), (100...599).contains(status) {
            response = .status(status)
        } else {
            throw FlowInputError(
                field: "response", "'\(text)' is not an HTTP status from 100 to 599 or timeout",
                hint: "give the status your endpoint answers, e.g. 200 or 503, or timeout when it does not answer"
            )
        }
        return Input(outcome: outcome, card: card, orderID: orderID, notificationURL: notification, redirectURLs: redirects, response: response)
    }

    /// An optional URL: empty is not set; text that no URL parser accepts is an error
    /// (a URL Midtrans cannot reach is the simulation's business, not an input error).
    private func url(_ name: String, _ reader: FieldReader) throws(FlowInputError) -> String? {
        let text = try reader.text(name)
        guard !text.isEmpty else { return nil }
        guard !text.contains(where: \.isWhitespace), URLComponents(string: text) != nil else {
            throw FlowInputError(field: name, "'\(text)' is not a URL", hint: "write the full address, e.g. https://shop.example.com/path")
        }
        return text
    }

    /// Every outcome; every kind of endpoint answer; and URLs Midtrans cannot reach.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let pages: [RedirectPage: String] = [
            .finish: "https://shop.example.com/thanks", .unfinish: "https://shop.example.com/cart",
            .error: "https://shop.example.com/payment-failed",
        ]
        let notifyURL = "https://shop.example.com/midtrans/notify"
        func input(
            _ outcome: PaymentOutcome, card: Bool = false, url: String? = notifyURL, response: EndpointResponse = .status(200)
        ) -> Input {
            Input(outcome: outcome, card: card, orderID: "ORDER-1001", notificationURL: url, redirectURLs: pages, response: response)
        }
        let runs = [(PaymentOutcome.paid, true)] + PaymentOutcome.allCases.map { ($0, false) }
        let outcomes = FlowScenarioTable(
            title: "Each outcome",
            note: "Each row is a run with every URL set and an endpoint that answers 200.",
            columns: ["Outcome", "Payment type", "transaction_status", "Notification", "Browser goes to"],
            rows: runs.map { outcome, card in
                let result = run(input(outcome, card: card), context: context)
                return [outcome.rawValue, card ? Self.creditCard : Self.otherMethod, result.outcome.transactionStatus ?? "–",
                        result.outcome.notificationResult.rawValue, result.outcome.redirectURL ?? "–"]
            }
        )
        var answers: [EndpointResponse] = [.status(200)]
        answers += policy.retriesByStatus.keys.sorted().map(EndpointResponse.status)
        answers += (policy.redirectsNotFollowed.prefix(1) + policy.redirectsFollowed.prefix(1)).map(EndpointResponse.status)
        answers += [.status(502), .timeout]
        let retries = FlowScenarioTable(
            title: "When the endpoint does not answer 2xx",
            note: "Each row is a paid order whose endpoint gives the same answer every time, from \(context.text(context.now)).",
            columns: ["Endpoint answers", "POSTs", "Result", "Last POST"],
            rows: answers.map { answer in
                let result = run(input(.paid, response: answer), context: context)
                let last = result.outcome.timeline.last { $0.channel == "server" }?.time
                return [answer.text, String(result.outcome.notificationAttempts), result.outcome.notificationResult.rawValue,
                        last.map(context.text) ?? "–"]
            }
        )
        let badURLs = [
            "https://shop.example.com/midtrans/notify", "shop.example.com/midtrans/notify", "http://localhost:8080/notify",
            "https://192.168.1.20/notify", "https://shop.example.com:8443/notify", "https://user:secret@shop.example.com/notify",
        ]
        let reachability = FlowScenarioTable(
            title: "Notification URLs Midtrans cannot reach",
            note: "Each row is a paid order with this Payment Notification URL.",
            columns: ["Payment Notification URL", "Result", "Why"],
            rows: badURLs.map { url in
                let result = run(input(.paid, url: url), context: context)
                return [url, result.outcome.notificationResult.rawValue, result.outcome.notificationProblem ?? "–"]
            }
        )
        return [outcomes, retries, reachability]
    }
}
