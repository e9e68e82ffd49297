import KBContent

extension Page {
    /// "Was this helpful? Yes / No" on an article or code page, when the site has a
    /// feedback address (``SiteOptions/feedbackEndpoint``): a form that POSTs to it and
    /// works without JavaScript (the server answers 303 back to this page's
    /// `#kb_feedback-thanks`, which the style sheet shows by `:target`), and that
    /// `feedback.js` sends with `fetch` instead, showing the same thank-you without a
    /// reload. The optional reason and comment are in a `<details>` above the buttons.
    func feedback(kind: String, id: String, into parent: MarkupElement) {
        guard let endpoint = options.feedbackEndpoint else { return }
        let section = parent.element("section", ["class": "feedback", "aria-labelledby": "kb_feedback"])
        section.element("h2", ["id": "kb_feedback"], text: strings(.feedbackQuestion))
        section.element("p", ["id": "kb_feedback-thanks", "class": "feedback-thanks", "tabindex": "-1"], text: strings(.feedbackThanks))
        let form = section.element("form", ["class": "feedback-form", "method": "post", "action": endpoint])
        form.setAttribute("data-feedback-failed", strings(.feedbackFailed))
        form.element("input", ["type": "hidden", "name": "kind", "value": kind])
        form.element("input", ["type": "hidden", "name": "id", "value": id])
        form.element("input", ["type": "hidden", "name": "lang", "value": language.code])
        let more = form.element("details", ["class": "feedback-more"])
        more.element("summary", text: strings(.feedbackTellMore))
        more.element("label", ["for": "kb_feedback-reason"], text: strings(.feedbackReasonLabel))
        let select = more.element("select", ["id": "kb_feedback-reason", "name": "reason"])
        select.element("option", ["value": ""], text: strings(.feedbackReasonNone))
        for (value, key) in [
            ("outdated", SiteString.feedbackReasonOutdated), ("unclear", .feedbackReasonUnclear),
            ("didnt-answer", .feedbackReasonDidNotAnswer), ("steps-didnt-work", .feedbackReasonStepsFailed),
        ] {
            select.element("option", ["value": value], text: strings(key))
        }
        more.element("label", ["for": "kb_feedback-comment"], text: strings(.feedbackCommentLabel))
        more.element("textarea", ["id": "kb_feedback-comment", "name": "comment", "maxlength": "500", "rows": "3"], text: "")
        more.element("p", ["class": "feedback-note"], text: strings(.feedbackPrivacy))
        let buttons = form.element("p", ["class": "feedback-buttons"])
        buttons.element("button", ["type": "submit", "class": "button", "name": "helpful", "value": "yes"], text: strings(.feedbackYes))
        buttons.element("button", ["type": "submit", "class": "button", "name": "helpful", "value": "no"], text: strings(.feedbackNo))
        section.element("p", ["id": "kb_feedback-status", "class": "feedback-status", "role": "status", "aria-live": "polite"], text: "")
    }
}
