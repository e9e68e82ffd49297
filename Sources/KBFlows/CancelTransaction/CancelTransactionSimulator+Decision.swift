import Foundation

extension CancelTransactionSimulator {
    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let isCard = input.paymentType == Self.creditCard
        let status = input.status.rawValue
        var trace: [FlowStep] = []

        switch input.status {
        case .deny, .cancel, .expire, .failure:
            trace.append(FlowStep(
                rule: "deny, cancel, expire and failure are end states: the payment was never completed",
                compared: "transaction_status \(status)", result: "nothing to cancel",
                source: ArticleReference("transaction-statuses", "how-a-status-can-move")
            ))
            return notCancellable(
                .nothingToCancel, reason: "the transaction ended as \(status); no money was taken", alternative: nil, trace: trace
            )
        case .refund, .partialRefund, .chargeback, .partialChargeback:
            trace.append(FlowStep(
                rule: "Once the cut-off has passed the payment settles, and only a refund returns the money",
                compared: "transaction_status \(status): settled, then returned", result: "nothing left to cancel",
                source: section("after-settlement")
            ))
            return notCancellable(
                .nothingToCancel, reason: "the transaction settled and is already marked \(status)", alternative: nil, trace: trace
            )
        case .settlement:
            trace.append(FlowStep(
                rule: "A settled transaction can no longer be cancelled; refund it where the method allows",
                compared: "transaction_status settlement", result: "cancel refused; refund instead",
                source: section("after-settlement")
            ))
            return notCancellable(
                .refundInstead, reason: "the transaction has settled",
                alternative: "refund it where the payment method supports refunds (see refund-transaction)", trace: trace
            )
        case .pending, .authorize, .capture:
            break
        }

        guard isCard else {
            return pendingPayment(input, context, trace: trace)
        }
        if input.status == .authorize {
            trace.append(FlowStep(
                rule: "Whether a pre-authorized card payment can be cancelled before it is captured depends on the acquiring bank; some accept a cancel only after the capture",
                compared: "transaction_status authorize (funds reserved, not captured)",
                result: "not cancellable as such; ask Midtrans how the acquirer handles it",
                source: section("when-a-cancel-is-possible")
            ))
            return notCancellable(
                .notCancellable, reason: "whether a pre-authorized (authorize) card payment can be cancelled before capture depends on the acquiring bank",
                alternative: "ask Midtrans how your acquirer handles it; some banks accept a cancel only after the capture, before the cut-off",
                trace: trace
            )
        }
        trace.append(FlowStep(
            rule: "A card payment can be cancelled only in the policy's card statuses, shown as Success in the portal",
            compared: "transaction_status \(status) vs cancellation.card_statuses \(policy.cardStatuses.joined(separator: ", "))",
            result: policy.cardStatuses.contains(status) ? "status allows a cancel" : "status does not allow a cancel",
            source: section("when-a-cancel-is-possible"), policies: ["cancellation.card_statuses"]
        ))
        guard policy.cardStatuses.contains(status) else {
            if input.status == .pending {
                trace.append(FlowStep(
                    rule: "A card payment waiting for 3-D Secure expires if the customer does not finish in time",
                    compared: "card pending; expiry.card_3ds_minutes \(policy.threeDSecureMinutes) min",
                    result: "let it expire, \(policy.threeDSecureMinutes) minutes after it started; no money is taken",
                    source: ArticleReference("payment-expiry", "default-time-limits"), policies: ["expiry.card_3ds_minutes"]
                ))
            }
            return notCancellable(
                .notCancellable, reason: "a card payment in status \(status) cannot be cancelled",
                alternative: input.status == .pending ? "the unfinished card payment expires by itself after \(policy.threeDSecureMinutes) minutes" : nil,
                trace: trace
            )
        }
        if input.fraudStatus == .challenge {
            trace.append(FlowStep(
                rule: "A payment waiting for fraud review (Challenge) is handled with Accept or Deny, not Cancel",
                compared: "fraud_status challenge", result: "review it: Accept or Deny",
                source: section("still-stuck")
            ))
            trace.append(FlowStep(
                rule: "Challenges are reviewed from the portal's transaction list",
                result: "open \(policy.challengeMenu), the transaction, then Accept or Deny",
                source: ArticleReference("challenged-transactions", "review-a-challenge-in-the-portal"), policies: ["fraud.challenge_menu"]
            ))
            return notCancellable(
                .reviewChallenge, reason: "the payment is waiting for fraud review",
                alternative: "Accept or Deny it from \(policy.challengeMenu)", trace: trace
            )
        }

        let deadline = policy.cutoff(forTransactionAt: input.transactionTime)
        let left = deadline.timeIntervalSince(context.now)
        let open = left > 0
        let zone = FlowContext(now: context.now, timeZone: policy.timeZone)
        trace.append(FlowStep(
            rule: "A card payment can be cancelled until the cut-off: the policy's days after the day of the transaction, at the policy's time, in the policy's time zone. "
                + "This is the cut-off usually quoted; it can differ by acquiring bank",
            compared: "transaction \(policy.text(input.transactionTime, zone)) → cut-off "
                + "\(policy.text(deadline, zone)) (\(policy.cutoffRule)); now \(policy.text(context.now, zone))",
            result: open ? "before the cut-off: \(FlowTime.duration(left)) left" : "the cut-off has passed",
            source: section("when-a-cancel-is-possible"),
            policies: ["cancellation.cutoff_days_after_transaction", "cancellation.cutoff_time", "cancellation.time_zone_label"]
        ))
        guard open else {
            trace.append(FlowStep(
                rule: "Once the cut-off has passed the payment settles; a cancel is refused and a refund returns the money",
                compared: "now ≥ cut-off \(policy.text(deadline, context))", result: "refund instead",
                source: section("after-settlement")
            ))
            let outcome = Outcome(
                cancellable: false, reason: "the cut-off \(policy.text(deadline, context)) has passed; the payment settles",
                deadline: deadline, secondsLeft: Int(left.rounded(.down)), channels: [],
                alternative: "refund it where the payment method supports refunds (see refund-transaction)"
            )
            return FlowResult(
                verdict: .refundInstead,
                headline: "Too late to cancel: the cut-off was \(policy.text(deadline, context)). Refund it instead.",
                details: [FlowDetail("Cut-off", policy.text(deadline, context)), FlowDetail("Instead", outcome.alternative ?? "")],
                outcome: outcome, trace: trace
            )
        }
        return cancellable(
            reason: "a card payment in status \(status) before its cut-off", deadline: deadline, left: left, context, trace: trace
        )
    }

    private func pendingPayment(_ input: Input, _ context: FlowContext, trace: [FlowStep]) -> FlowResult<Verdict, Outcome> {
        var trace = trace
        let status = input.status.rawValue
        let listed = policy.pendingMethods.contains(input.paymentType)
        trace.append(FlowStep(
            rule: "The Cancel API also stops an unpaid pending payment of the listed methods, before it is paid or expires",
            compared: "\(input.paymentType), transaction_status \(status) vs cancellation.pending_methods",
            result: input.status == .pending && listed ? "can be cancelled while unpaid" : "this rule does not apply",
            source: section("cancel-with-the-api"), policies: ["cancellation.pending_methods"]
        ))
        guard input.status == .pending, listed else {
            return notCancellable(
                .notCancellable, reason: "\(input.paymentType) in status \(status) cannot be cancelled",
                alternative: nil, trace: trace
            )
        }
        return cancellable(reason: "an unpaid pending \(input.paymentType) payment", deadline: nil, left: nil, context, trace: trace)
    }

    private func cancellable(
        reason: String, deadline: Date?, left: TimeInterval?, _ context: FlowContext, trace: [FlowStep]
    ) -> FlowResult<Verdict, Outcome> {
        var trace = trace
        let portal = "portal: \(policy.transactionsMenu) → the transaction's page → Cancel"
        let api = "API: POST \(policy.productionBaseURL)\(policy.cancelPath) (sandbox: \(policy.sandboxBaseURL)\(policy.cancelPath))"
        trace.append(FlowStep(
            rule: "Cancel from the transaction's detail page in the portal",
            result: "open \(policy.transactionsMenu), find the order, click Cancel",
            source: section("cancel-in-the-portal"), policies: ["portal.transactions_menu"]
        ))
        trace.append(FlowStep(
            rule: "Or POST to the Cancel API on the Core API base URL; status_code 200 and transaction_status cancel confirm it",
            result: "POST \(policy.productionBaseURL)\(policy.cancelPath)",
            source: section("cancel-with-the-api"),
            policies: ["api.production_base_url", "api.sandbox_base_url", "api.cancel_path"]
        ))
        let until = deadline.map { " until \(policy.text($0, context)) (\(FlowTime.duration(left ?? 0)) left)" } ?? " while it is unpaid and not expired"
        var details = [FlowDetail("Why", reason)]
        if let deadline {
            details.append(FlowDetail("Deadline", policy.text(deadline, context)))
            details.append(FlowDetail("Note", "this is the cut-off usually quoted; it can differ by acquiring bank, so don't leave the cancel to the last minute"))
        }
        details += [FlowDetail("Portal", portal), FlowDetail("API", api)]
        return FlowResult(
            verdict: .cancellable, headline: "Cancellable\(until).", details: details,
            outcome: Outcome(
                cancellable: true, reason: reason, deadline: deadline, secondsLeft: left.map { Int($0.rounded(.down)) },
                channels: [portal, api], alternative: nil
            ),
            trace: trace
        )
    }

    private func notCancellable(_ verdict: Verdict, reason: String, alternative: String?, trace: [FlowStep]) -> FlowResult<Verdict, Outcome> {
        var details = [FlowDetail("Why", reason)]
        if let alternative { details.append(FlowDetail("Instead", alternative)) }
        return FlowResult(
            verdict: verdict, headline: "Not cancellable: \(reason)." + (alternative.map { " Instead: \($0)." } ?? ""),
            details: details,
            outcome: Outcome(cancellable: false, reason: reason, deadline: nil, secondsLeft: nil, channels: [], alternative: alternative),
            trace: trace
        )
    }
}
