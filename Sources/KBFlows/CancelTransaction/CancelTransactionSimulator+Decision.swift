import Foundation

extension CancelTransactionSimulator {
    public func run(_ input: Input, context: FlowContext) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        let isCard = input.paymentType == Self.creditCard
        let status = input.status.rawValue
        var trace: [FlowStep] = []

        switch input.status {
        case .deny, .cancel, .expire, .failure:
            trace.append(FlowStep(
                rule: say.endStateRule,
                compared: say.status(status), result: say.nothingToCancel,
                source: ArticleReference("transaction-statuses", "how-a-status-can-move")
            ))
            return notCancellable(.nothingToCancel, reason: say.endedAs(status), alternative: nil, trace: trace, say)
        case .refund, .partialRefund, .chargeback, .partialChargeback:
            trace.append(FlowStep(
                rule: say.refundedRule,
                compared: say.settledThenReturned(status), result: say.nothingLeft,
                source: section("after-settlement")
            ))
            return notCancellable(.nothingToCancel, reason: say.alreadyMarked(status), alternative: nil, trace: trace, say)
        case .settlement:
            trace.append(FlowStep(
                rule: say.settledRule,
                compared: say.status("settlement"), result: say.cancelRefused,
                source: section("after-settlement")
            ))
            return notCancellable(.refundInstead, reason: say.hasSettled, alternative: say.refundAlternative, trace: trace, say)
        case .pending, .authorize, .capture:
            break
        }

        guard isCard else {
            return pendingPayment(input, context, trace: trace)
        }
        if input.status == .authorize {
            trace.append(FlowStep(
                rule: say.authorizeRule,
                compared: say.authorizeCompared,
                result: say.authorizeResult,
                source: section("when-a-cancel-is-possible")
            ))
            return notCancellable(
                .notCancellable, reason: say.authorizeReason, alternative: say.authorizeAlternative, trace: trace, say
            )
        }
        trace.append(FlowStep(
            rule: say.cardStatusRule,
            compared: "transaction_status \(status) vs cancellation.card_statuses \(policy.cardStatuses.joined(separator: ", "))",
            result: say.allowsCancel(policy.cardStatuses.contains(status)),
            source: section("when-a-cancel-is-possible"), policies: ["cancellation.card_statuses"]
        ))
        guard policy.cardStatuses.contains(status) else {
            if input.status == .pending {
                trace.append(FlowStep(
                    rule: say.pendingCardRule,
                    compared: say.pendingCardCompared(minutes: policy.threeDSecureMinutes),
                    result: say.letItExpire(minutes: policy.threeDSecureMinutes),
                    source: ArticleReference("payment-expiry", "default-time-limits"), policies: ["expiry.card_3ds_minutes"]
                ))
            }
            return notCancellable(
                .notCancellable, reason: say.cardCannot(status),
                alternative: input.status == .pending ? say.expiresByItself(minutes: policy.threeDSecureMinutes) : nil,
                trace: trace, say
            )
        }
        if input.fraudStatus == .challenge {
            trace.append(FlowStep(
                rule: say.challengeRule,
                compared: "fraud_status challenge", result: say.reviewIt,
                source: section("still-stuck")
            ))
            trace.append(FlowStep(
                rule: say.challengeMenuRule,
                result: say.openChallenge(menu: policy.challengeMenu),
                source: ArticleReference("challenged-transactions", "review-a-challenge-in-the-portal"), policies: ["fraud.challenge_menu"]
            ))
            return notCancellable(
                .reviewChallenge, reason: say.waitingForReview, alternative: say.acceptOrDeny(menu: policy.challengeMenu), trace: trace, say
            )
        }

        let deadline = policy.cutoff(forTransactionAt: input.transactionTime)
        let left = deadline.timeIntervalSince(context.now)
        let open = left > 0
        let zone = FlowContext(now: context.now, timeZone: policy.timeZone, language: context.language)
        trace.append(FlowStep(
            rule: say.cutoffRule,
            compared: say.cutoffCompared(
                made: policy.text(input.transactionTime, zone), cutoff: policy.text(deadline, zone), rule: policy.cutoffRule,
                now: policy.text(context.now, zone)
            ),
            result: open ? say.beforeCutoff(left: context.duration(left)) : say.cutoffPassed,
            source: section("when-a-cancel-is-possible"),
            policies: ["cancellation.cutoff_days_after_transaction", "cancellation.cutoff_time", "cancellation.time_zone_label"]
        ))
        guard open else {
            trace.append(FlowStep(
                rule: say.passedRule,
                compared: say.nowPast(policy.text(deadline, context)), result: say.refundInstead,
                source: section("after-settlement")
            ))
            let outcome = Outcome(
                cancellable: false, reason: say.passedReason(policy.text(deadline, context)),
                deadline: deadline, secondsLeft: Int(left.rounded(.down)), channels: [],
                alternative: say.refundAlternative
            )
            return FlowResult(
                verdict: .refundInstead,
                headline: say.tooLateHeadline(policy.text(deadline, context)),
                details: [FlowDetail(say.cutoffLabel, policy.text(deadline, context)), FlowDetail(say.insteadLabel, outcome.alternative ?? "")],
                outcome: outcome, trace: trace
            )
        }
        return cancellable(reason: say.beforeItsCutoff(status), deadline: deadline, left: left, context, trace: trace)
    }

    private func pendingPayment(_ input: Input, _ context: FlowContext, trace: [FlowStep]) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        var trace = trace
        let status = input.status.rawValue
        let listed = policy.pendingMethods.contains(input.paymentType)
        trace.append(FlowStep(
            rule: say.pendingRule,
            compared: "\(input.paymentType), transaction_status \(status) vs cancellation.pending_methods",
            result: say.pendingApplies(input.status == .pending && listed),
            source: section("cancel-with-the-api"), policies: ["cancellation.pending_methods"]
        ))
        guard input.status == .pending, listed else {
            return notCancellable(.notCancellable, reason: say.methodCannot(input.paymentType, status), alternative: nil, trace: trace, say)
        }
        return cancellable(reason: say.unpaidPending(input.paymentType), deadline: nil, left: nil, context, trace: trace)
    }

    private func cancellable(
        reason: String, deadline: Date?, left: TimeInterval?, _ context: FlowContext, trace: [FlowStep]
    ) -> FlowResult<Verdict, Outcome> {
        let say = Phrases(language: context.language)
        var trace = trace
        let portal = say.portalChannel(menu: policy.transactionsMenu)
        let api = "API: POST \(policy.productionBaseURL)\(policy.cancelPath) (sandbox: \(policy.sandboxBaseURL)\(policy.cancelPath))"
        trace.append(FlowStep(
            rule: say.portalRule,
            result: say.findAndCancel(menu: policy.transactionsMenu),
            source: section("cancel-in-the-portal"), policies: ["portal.transactions_menu"]
        ))
        trace.append(FlowStep(
            rule: say.apiRule,
            result: "POST \(policy.productionBaseURL)\(policy.cancelPath)",
            source: section("cancel-with-the-api"),
            policies: ["api.production_base_url", "api.sandbox_base_url", "api.cancel_path"]
        ))
        let until = deadline.map { say.until(policy.text($0, context), left: context.duration(left ?? 0)) } ?? say.whileUnpaid
        var details = [FlowDetail(say.whyLabel, reason)]
        if let deadline {
            details.append(FlowDetail(say.deadlineLabel, policy.text(deadline, context)))
            details.append(FlowDetail(say.noteLabel, say.acquirerNote))
        }
        details += [FlowDetail("Portal", portal), FlowDetail("API", api)]
        return FlowResult(
            verdict: .cancellable, headline: say.cancellableHeadline(until), details: details,
            outcome: Outcome(
                cancellable: true, reason: reason, deadline: deadline, secondsLeft: left.map { Int($0.rounded(.down)) },
                channels: [portal, api], alternative: nil
            ),
            trace: trace
        )
    }

    private func notCancellable(
        _ verdict: Verdict, reason: String, alternative: String?, trace: [FlowStep], _ say: Phrases
    ) -> FlowResult<Verdict, Outcome> {
        var details = [FlowDetail(say.whyLabel, reason)]
        if let alternative { details.append(FlowDetail(say.insteadLabel, alternative)) }
        return FlowResult(
            verdict: verdict, headline: say.notCancellableHeadline(reason, instead: alternative),
            details: details,
            outcome: Outcome(cancellable: false, reason: reason, deadline: nil, secondsLeft: nil, channels: [], alternative: alternative),
            trace: trace
        )
    }
}
