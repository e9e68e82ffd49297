import Foundation
public import KBContent

extension PaymentURLsSimulator {
    public func fields(in language: Language) -> [FlowField] {
        let say = Phrases(language: language)
        return [
            FlowField(
                "outcome", .choice, default: PaymentOutcome.paid.rawValue, help: say.outcomeHelp,
                allowedValues: PaymentOutcome.allCases.map(\.rawValue)
            ),
            FlowField(
                "payment_type", .choice, default: Self.otherMethod, help: say.paymentTypeHelp,
                allowedValues: [Self.creditCard, Self.otherMethod]
            ),
            FlowField("order_id", .text, help: say.orderHelp, example: "ORDER-1001"),
            FlowField(
                "notification_url", .url, default: "", help: say.urlHelp("Payment Notification URL"),
                example: "https://shop.example.com/midtrans/notify"
            ),
            FlowField("finish_url", .url, default: "", help: say.urlHelp(RedirectPage.finish.label), example: "https://shop.example.com/thanks"),
            FlowField("unfinish_url", .url, default: "", help: say.urlHelp(RedirectPage.unfinish.label), example: "https://shop.example.com/cart"),
            FlowField(
                "error_url", .url, default: "", help: say.urlHelp(RedirectPage.error.label), example: "https://shop.example.com/payment-failed"
            ),
            FlowField("response", .text, default: "200", help: say.responseHelp, example: "503"),
        ]
    }

    public func input(from values: FlowInput, context: FlowContext) throws(FlowInputError) -> Input {
        let say = Phrases(language: context.language)
        let reader = try FieldReader(values, fields: fields(in: context.language), context: context, flow: Self.id)
        let outcome = PaymentOutcome(rawValue: try reader.requiredChoice("outcome")) ?? .paid
        let card = try reader.requiredChoice("payment_type") == Self.creditCard
        let orderID = try reader.nonEmptyText("order_id")
        let notification = try url("notification_url", reader, say)
        var redirects: [RedirectPage: String] = [:]
        for page in RedirectPage.allCases {
            redirects[page] = try url("\(page.rawValue)_url", reader, say)
        }
        let text = try reader.nonEmptyText("response")
        let response: EndpointResponse
        if text.lowercased() == "timeout" {
            response = .timeout
        } else if let status = Int(text), (100...599).contains(status) {
            response = .status(status)
        } else {
            throw FlowInputError(field: "response", say.badResponse(text), hint: say.responseHint)
        }
        return Input(outcome: outcome, card: card, orderID: orderID, notificationURL: notification, redirectURLs: redirects, response: response)
    }

    /// An optional URL: empty is not set; text that no URL parser accepts is an error
    /// (a URL Midtrans cannot reach is the simulation's business, not an input error).
    private func url(_ name: String, _ reader: FieldReader, _ say: Phrases) throws(FlowInputError) -> String? {
        let text = try reader.text(name)
        guard !text.isEmpty else { return nil }
        guard !text.contains(where: \.isWhitespace), URLComponents(string: text) != nil else {
            throw FlowInputError(field: name, say.notAURL(text), hint: say.urlHint)
        }
        return text
    }

    /// Every outcome; every kind of endpoint answer; and URLs Midtrans cannot reach.
    public func scenarios(context: FlowContext) -> [FlowScenarioTable] {
        let say = Phrases(language: context.language)
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
            title: say.outcomesTitle,
            note: say.outcomesNote,
            columns: say.outcomesColumns,
            rows: runs.map { outcome, card in
                let result = run(input(outcome, card: card), context: context)
                return [say.outcomeCell(outcome), say.paymentTypeCell(card: card), result.outcome.transactionStatus ?? "–",
                        say.result(result.outcome.notificationResult), result.outcome.redirectURL ?? "–"]
            }
        )
        var answers: [EndpointResponse] = [.status(200)]
        answers += policy.retriesByStatus.keys.sorted().map(EndpointResponse.status)
        answers += (policy.redirectsNotFollowed.prefix(1) + policy.redirectsFollowed.prefix(1)).map(EndpointResponse.status)
        answers += [.status(502), .timeout]
        let retries = FlowScenarioTable(
            title: say.retriesTitle,
            note: say.retriesNote(from: context.text(context.now)),
            columns: say.retriesColumns,
            rows: answers.map { answer in
                let result = run(input(.paid, response: answer), context: context)
                let last = result.outcome.timeline.last { $0.channel == "server" }?.time
                return [say.cell(say.response(answer)), String(result.outcome.notificationAttempts), say.result(result.outcome.notificationResult),
                        last.map(context.text) ?? "–"]
            }
        )
        let badURLs = [
            "https://shop.example.com/midtrans/notify", "shop.example.com/midtrans/notify", "http://localhost:8080/notify",
            "https://192.168.1.20/notify", "https://shop.example.com:8443/notify", "https://user:secret@shop.example.com/notify",
        ]
        let reachability = FlowScenarioTable(
            title: say.reachabilityTitle,
            note: say.reachabilityNote,
            columns: say.reachabilityColumns,
            rows: badURLs.map { url in
                let result = run(input(.paid, url: url), context: context)
                return [url, say.result(result.outcome.notificationResult), result.outcome.notificationProblem ?? "–"]
            }
        )
        return [outcomes, retries, reachability]
    }
}
