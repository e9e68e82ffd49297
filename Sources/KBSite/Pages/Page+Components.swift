import KBContent

/// Pieces several pages share: breadcrumbs, the search form, lists of articles.
extension Page {
    /// `<nav aria-label="Breadcrumb">`: the trail of links, then the current page's name,
    /// written in `currentLanguage` (the page's unless said).
    func breadcrumbs(_ trail: [(title: String, route: SiteRoute)], current: String, currentLanguage: Language? = nil) {
        let list = main.element("nav", ["class": "breadcrumbs", "aria-label": strings(.breadcrumb)]).element("ol")
        for step in trail {
            list.element("li").element("a", ["href": href(step.route)], text: step.title)
        }
        mark(list.element("li", ["aria-current": "page"], text: current), as: currentLanguage ?? language)
    }

    /// A GET form to the search page, with a visible label; nothing when the site has
    /// no search. `id` must be unique on the page.
    func searchForm(into parent: MarkupElement, id: String, label: String, query: Bool = false) {
        guard options.search else { return }
        let form = parent.element("form", ["class": "search-form", "role": "search", "action": href(.search), "method": "get"])
        form.element("label", ["for": id], text: label)
        let row = form.element("div", ["class": "search-row"])
        let input = row.element("input", [
            "type": "search", "id": id, "name": "q", "autocomplete": "off", "spellcheck": "false",
            "placeholder": strings(.searchPlaceholder),
        ])
        if query { input.setAttribute("aria-controls", "kb_results") }
        row.element("button", ["type": "submit"], text: strings(.searchButton))
    }

    /// A list of article links, each with its summary when `summaries` is set.
    func articleList(_ articles: [Article], into parent: MarkupElement, summaries: Bool) {
        let list = parent.element("ul", ["class": summaries ? "article-list" : "link-list"])
        for article in articles {
            let item = list.element("li")
            mark(item, as: article.language)
            item.element("a", ["href": href(.article(article.slug))], text: article.title)
            if summaries { item.element("p", text: article.summary) }
        }
    }

    /// The reply for a support agent, `text` (an ``Answer`` as plain text): a collapsed
    /// `<details>` "Reply for a ticket" holding it in a `<pre>`, which works with no
    /// JavaScript, and a "Copy answer" button that `copy.js` shows (it stays `hidden`
    /// without JavaScript) and that announces "Copied" in a live region. The words
    /// `copy.js` says are on the button (`data-copied`, `data-copy-failed`), in the
    /// page's language; `textLanguage` is the reply's.
    func copyAnswer(_ text: String, language textLanguage: Language, into parent: MarkupElement) {
        let box = parent.element("div", ["class": "copy-answer"])
        let row = box.element("p", ["class": "copy-row"])
        let button = row.element("button", [
            "type": "button", "class": "button copy-button", "hidden": "hidden",
            "data-copy-target": "kb_answer-text", "data-copy-status": "kb_copy-status",
        ], text: strings(.copyAnswer))
        button.setAttribute("data-copied", strings(.copied))
        button.setAttribute("data-copy-failed", strings(.copyFailed))
        row.element("span", ["id": "kb_copy-status", "class": "visually-hidden", "role": "status", "aria-live": "polite"])
        let details = box.element("details", ["class": "answer"])
        details.element("summary", text: strings(.replyForTicket))
        let reply = details.element("pre", ["id": "kb_answer-text", "class": "answer-text"], text: text)
        mark(reply, as: textLanguage)
    }

    /// A `<section>` named by its `<h2>` (via `aria-labelledby`); returns the section.
    func section(_ title: String, id: String, into parent: MarkupElement? = nil, class className: String? = nil) -> MarkupElement {
        let section = (parent ?? main).element("section", ["aria-labelledby": id])
        if let className { section.setAttribute("class", className) }
        section.element("h2", ["id": id], text: title)
        return section
    }
}

/// `YYYY-MM-DD` as "25 November 2026" in a `<time>` element.
enum DisplayDate {
    /// Appends the date, written in `strings`' language, to `parent`; text that is not a
    /// date is written as it is.
    static func append(_ iso: String, to parent: MarkupElement, _ strings: SiteStrings) {
        guard let text = strings.date(iso) else {
            parent.text(iso)
            return
        }
        parent.element("time", ["datetime": iso], text: text)
    }
}
