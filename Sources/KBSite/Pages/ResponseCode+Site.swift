import KBContent

extension ResponseClass {
    /// The label with a capital first letter ("Soft decline").
    var title: String { label.prefix(1).uppercased() + label.dropFirst() }

    /// The id of the codes table's filter for this class (`show-soft-decline`).
    var filterID: String { "show-" + rawValue }

    /// One line on what a code of this class means for the payment.
    var explanation: String {
        switch self {
        case .approved: return "The bank authorised the payment."
        case .softDecline: return "Refused for now: the same card can work later, or once the details are fixed."
        case .hardDecline: return "Refused for good: do not try the same card again."
        case .fraud: return "Refused because the bank suspects fraud or has blocked the card: do not retry."
        case .technical: return "A system, network or setup problem rather than the card itself."
        case .referral: return "The bank wants to be contacted before it decides: online, treat it as a decline."
        }
    }
}

extension RetryAdvice {
    /// The advice as a sentence, for a code's page.
    var explanation: String {
        switch self {
        case .yes: return "Yes, once the details are corrected or the customer has authenticated."
        case .later: return "Later: wait before trying again, and stay within the card schemes' retry limits."
        case .no: return "No: never retry with the same card and details."
        }
    }
}
