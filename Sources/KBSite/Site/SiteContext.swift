import Foundation
import KBContent
import KBFlows

/// What every page of one language's tree needs: the content in that language, its
/// words, the options, the languages of the whole site, and the lookups computed once
/// (most-asked articles, which articles mention which code).
struct SiteContext: Sendable {
    /// How many articles the home page lists as most asked.
    static let mostAskedCount = 6

    let content: Content
    let options: SiteOptions
    /// The language of the tree: every page's `<html lang>`, the folder it is in.
    let language: Language
    /// The site's own words in ``language``.
    let strings: SiteStrings
    /// The name in every page's header and title.
    let siteName: String
    /// Every language the site is built in, for the alternates and the switcher.
    let languages: SiteLanguages
    /// The home page's "Most asked": the articles with the most `questions` (the ways
    /// merchants ask for them), then by title; ``mostAskedCount`` of them.
    let mostAsked: [Article]
    /// For each response code, the articles whose body links to it (`code:51`), by title.
    let mentions: [String: [Article]]
    /// The newest `updated` date of all articles, for the footer.
    let latestUpdate: String?
    /// Each category's articles, sorted by title (as `Content.articles(inCategory:)`).
    let articlesByCategory: [String: [Article]]
    /// The categories by id.
    let categoriesByID: [String: KBContent.Category]
    /// The simulators that get a page (`flows/<id>.html`), in ``FlowRegistry`` order:
    /// every flow whose article is in the content. ``SiteOptions/flowPages`` is set
    /// to their ids, so articles link to exactly these.
    let flows: [AnyFlow]

    /// - Parameter flows: the simulators to give pages; those whose article is not in
    ///   `content` are left out (their page would point at a missing article).
    ///   - languages: every tree of the site; by default only this content's language.
    init(content: Content, options: SiteOptions, flows: [AnyFlow] = [], languages: SiteLanguages? = nil) {
        self.content = content
        language = content.language
        strings = SiteStrings(content.language)
        siteName = options.siteName ?? strings(.siteName)
        self.languages = languages ?? SiteLanguages([content])
        let paged = flows.filter { content.article($0.article) != nil }
        self.flows = paged
        var options = options
        options.flowPages = Set(paged.map(\.id))
        self.options = options
        mostAsked = Array(
            content.articles
                .sorted { ($1.questions.count, $0.title, $0.slug) < ($0.questions.count, $1.title, $1.slug) }
                .prefix(Self.mostAskedCount)
        )
        var mentions: [String: [Article]] = [:]
        for article in content.articles {
            var codes: Set<String> = []
            for link in article.document.links where link.destination.hasPrefix("code:") {
                if let code = content.responseCode(String(link.destination.dropFirst("code:".count))) {
                    codes.insert(code.code)
                }
            }
            for code in codes { mentions[code, default: []].append(article) }
        }
        self.mentions = mentions.mapValues { $0.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) } }
        latestUpdate = content.articles.map(\.updated).max()
        articlesByCategory = Dictionary(grouping: content.articles, by: \.category)
            .mapValues { $0.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) } }
        categoriesByID = Dictionary(content.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The articles of a category, by title.
    func articles(inCategory id: String) -> [Article] {
        articlesByCategory[id] ?? []
    }

    /// The hour of the day flow pages are computed at, on the day of ``latestUpdate``.
    static let flowHour = 9
    /// The zone a flow page is computed in when its flow has none of its own.
    static let flowFallbackZone = TimeZone(identifier: "Asia/Jakarta") ?? TimeZone(secondsFromGMT: 7 * 3_600)!

    /// The moment a flow's page is computed for: the newest article's `updated` date at
    /// 09:00 in the flow's own time zone (Asia/Jakarta when it has none), explained in the
    /// tree's language. Taken from the content, never from a clock, so two builds of the
    /// same content are identical.
    func flowContext(for flow: AnyFlow) -> FlowContext {
        let zone = flow.defaultTimeZone ?? Self.flowFallbackZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = (latestUpdate ?? "").split(separator: "-").compactMap { Int($0) }
        var components = DateComponents(year: 2000, month: 1, day: 1, hour: Self.flowHour)
        if parts.count == 3, strings.date(latestUpdate ?? "") != nil {
            components.year = parts[0]
            components.month = parts[1]
            components.day = parts[2]
        }
        let now = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return FlowContext(now: now, timeZone: zone, language: language)
    }

    /// The tables of a flow's page, each row a run of the simulator at
    /// ``flowContext(for:)``, written by the simulator in the tree's language.
    func scenarios(_ flow: AnyFlow) -> [FlowScenarioTable] {
        flow.scenarios(context: flowContext(for: flow))
    }

    /// The article's flow page, when one is built.
    func flowRoute(for article: Article) -> SiteRoute? {
        guard let flow = article.flow, options.flowPages.contains(flow) else { return nil }
        return .flow(flow)
    }
}

/// The languages a site is built in, the source first, and for each the pages whose
/// text is not in it (an article or code not translated yet shows the source's text).
struct SiteLanguages: Sendable {
    /// Every language with a tree, the source first.
    let all: [Language]
    /// For each language, the article and code pages that show another language's text.
    let untranslated: [Language: Set<SiteRoute>]

    /// The languages of `contents`, one tree each, in the order given.
    init(_ contents: [Content]) {
        all = contents.map(\.language)
        var untranslated: [Language: Set<SiteRoute>] = [:]
        for content in contents {
            var routes = Set<SiteRoute>()
            for article in content.articles where article.language != content.language { routes.insert(.article(article.slug)) }
            for code in content.responseCodes where code.language != content.language { routes.insert(.code(code.code)) }
            untranslated[content.language] = routes
        }
        self.untranslated = untranslated
    }

    /// Whether the site has more than one language (and so alternates and a switcher).
    var isMultilingual: Bool { all.count > 1 }

    /// The languages `route` is written in: its `hreflang` alternates.
    func alternates(of route: SiteRoute) -> [Language] {
        all.filter { !(untranslated[$0]?.contains(route) ?? false) }
    }
}
