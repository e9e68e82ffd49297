public import KBContent

/// Where the sections of the source language's articles are in each translation, so a
/// trace written against the source can cite the translated article's section.
///
/// A translation has the source's headings in the same order (the loader warns with
/// `section-mismatch` when it does not), so a source anchor maps to the translated
/// heading at the same position: `unlock-account#what-to-do` is
/// `unlock-account#yang-perlu-anda-lakukan` in Indonesian.
public struct SectionTranslations: Sendable, Hashable {
    /// By language, then slug: each source anchor's anchor in the translation.
    private var anchors: [Language: [String: [String: String]]]

    /// No translations: every reference stays as it is.
    public static let none = SectionTranslations(anchors: [:])

    private init(anchors: [Language: [String: [String: String]]]) {
        self.anchors = anchors
    }

    /// The map from `source`'s articles to each translation's. An article whose
    /// translation has another number of headings is left out (its references stay as
    /// they are), since its positions cannot be trusted.
    public init(source: Content, translations: [Language: Content]) {
        var anchors: [Language: [String: [String: String]]] = [:]
        for (language, translation) in translations where language != source.language {
            var bySlug: [String: [String: String]] = [:]
            for article in source.articles {
                guard let translated = translation.article(article.slug) else { continue }
                let from = article.document.orderedHeadingAnchors, to = translated.document.orderedHeadingAnchors
                guard from.count == to.count else { continue }
                bySlug[article.slug] = Dictionary(zip(from, to), uniquingKeysWith: { first, _ in first })
            }
            anchors[language] = bySlug
        }
        self.init(anchors: anchors)
    }

    /// `reference` as it reads in `language`: the same slug, and the translated heading
    /// at the position of `reference.anchor`; `reference` itself in the source language,
    /// or when the article or heading has no translation.
    public func reference(_ reference: ArticleReference, in language: Language) -> ArticleReference {
        guard let anchor = anchors[language]?[reference.slug]?[reference.anchor] else { return reference }
        return ArticleReference(reference.slug, anchor)
    }

    /// Every step's source as it reads in `language`.
    func trace(_ steps: [FlowStep], in language: Language) -> [FlowStep] {
        guard anchors[language] != nil else { return steps }
        return steps.map { step in
            var step = step
            step.source = reference(step.source, in: language)
            return step
        }
    }
}

extension ArticleReference {
    /// This reference to an article of `source`, pointing at the same section of the
    /// article in `translation`: the heading at the same position (see ``SectionTranslations``).
    public func translated(from source: Content, to translation: Content) -> ArticleReference {
        guard let original = source.article(slug), let translated = translation.article(slug) else { return self }
        let from = original.document.orderedHeadingAnchors, to = translated.document.orderedHeadingAnchors
        guard from.count == to.count, let position = from.firstIndex(of: anchor) else { return self }
        return ArticleReference(slug, to[position])
    }
}

extension MarkdownDocument {
    /// Every heading's anchor, in document order.
    var orderedHeadingAnchors: [String] {
        blocks.flattened().compactMap { block in
            if case let .heading(_, _, anchor) = block { return anchor }
            return nil
        }
    }
}
