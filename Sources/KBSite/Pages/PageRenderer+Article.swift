import Foundation
import KBContent

extension PageRenderer {
    /// `articles/<slug>.html`: breadcrumbs, title, summary, date, the body, the other
    /// ways the question is asked, related articles, and the reply for a ticket with its
    /// "Copy answer" button.
    func articlePage(_ article: Article) throws(SiteError) -> Data {
        let route = SiteRoute.article(article.slug)
        let category = context.categoriesByID[article.category]
        let answer = articleAnswer(article)
        var scripts: [SiteRoute] = answer == nil ? [] : [.file(SiteAssets.copyScriptName)]
        if options.feedbackEndpoint != nil { scripts.append(.file(SiteAssets.feedbackScriptName)) }
        return try page(route, title: article.title, description: article.summary, scripts: scripts) { page in
            page.breadcrumbs(
                [(strings(.home), .home)] + (category.map { [($0.title, SiteRoute.category($0.id))] } ?? []),
                current: article.title, currentLanguage: article.language
            )
            let body = page.main.element("article", ["class": "article"])
            page.mark(body.element("h1", text: article.title), as: article.language)
            page.mark(body.element("p", ["class": "lead"], text: article.summary), as: article.language)
            let meta = body.element("p", ["class": "meta"])
            meta.text(strings(.updated) + " ")
            DisplayDate.append(article.updated, to: meta, strings)
            if let category {
                meta.text(" · ")
                meta.element("a", ["href": page.href(.category(category.id))], text: category.title)
            }
            if let flow = context.flowRoute(for: article) {
                body.element("p", ["class": "simulator"])
                    .element("a", ["class": "button", "href": page.href(flow)], text: strings(.trySimulator))
            }
            if let answer { page.copyAnswer(answer, language: article.language, into: body) }

            let text = body.element("div", ["class": "article-body"])
            page.mark(text, as: article.language)
            let links = LinkResolver(content: content, page: route, ownAnchors: article.document.headingAnchors)
            MarkdownHTMLRenderer(links: links).render(article.document, into: text)

            if !article.questions.isEmpty {
                let section = page.section(strings(.alsoAskedAs), id: "kb_asked", class: "asked")
                let list = section.element("ul")
                page.mark(list, as: article.language)
                for question in article.questions { list.element("li", text: question) }
            }
            let related = article.related.compactMap { content.article($0) }
            if !related.isEmpty {
                let section = page.section(strings(.relatedArticles), id: "kb_related")
                page.articleList(related, into: section, summaries: true)
            }
            page.feedback(kind: "article", id: article.slug, into: body)
        }
    }
}

extension PageRenderer {
    /// What "Copy answer" copies: the article's answer with the default ticket
    /// variables of its language, as plain text (``AnswerTextRenderer/plainText(_:)``,
    /// links absolute under a base URL, to this language's pages); `nil` when the
    /// article has no answer.
    func articleAnswer(_ article: Article) -> String? {
        guard let variables = try? AnswerVariables(),
              let answer = try? Answer.forArticle(article, variables: variables) else { return nil }
        return nonEmpty(answerRenderer.plainText(answer))
    }

    /// What "Copy answer" copies on a code's page, as for an article.
    func codeAnswer(_ code: ResponseCode) -> String? {
        guard let variables = try? AnswerVariables(),
              let answer = try? Answer.forCode(code, variables: variables) else { return nil }
        return nonEmpty(answerRenderer.plainText(answer))
    }

    /// Links in a reply lead to the pages of this language's tree (`…/id/articles/x.html`).
    private var answerRenderer: AnswerTextRenderer {
        AnswerTextRenderer(baseURL: options.baseURL.map { $0 + SiteRoute.folder(of: language) })
    }

    private func nonEmpty(_ text: String) -> String? {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }
}
