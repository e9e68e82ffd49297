public import KBContent
import KBSearch

extension KnowledgeBase {
    /// The language `query` is written in, judged by its words: a word only one
    /// language's content (or stop words) uses counts for that language. `nil` when
    /// the words do not tell (codes, product names, words both languages use).
    public func detectLanguage(of query: String) -> Language? {
        guard languages.count > 1 else { return nil }
        var votes: [Language: Int] = [:]
        let editions = languages.map { edition($0) }
        for word in index.analyzer.words(query) {
            let users = editions.filter { $0.uses(word) }
            if users.count == 1, let language = users.first?.language { votes[language, default: 0] += 1 }
        }
        let ranked = votes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard let best = ranked.first, ranked.dropFirst().first?.value != best.value else { return nil }
        return best.key
    }

    /// The knowledge base to search `query` in: `requested` when given, else the
    /// language the query is written in, else this one.
    public func edition(for query: String, requested: Language?) -> KnowledgeBase {
        if let requested { return edition(requested) }
        return detectLanguage(of: query).map(edition) ?? self
    }

    /// Whether this edition's text or stop words use `word` (folded).
    func uses(_ word: String) -> Bool {
        vocabulary.contains(word) || index.analyzer.isStopWord(word)
    }

    /// Every folded word of the content written in this edition's own language.
    static func vocabulary(of content: Content, analyzer: Analyzer) -> Set<String> {
        var words = Set<String>()
        for article in content.articles where article.language == content.language {
            for text in [article.title, article.summary, article.document.plainText] + article.questions + article.tags {
                words.formUnion(analyzer.words(text))
            }
        }
        for code in content.responseCodes where code.language == content.language {
            for text in [code.name, code.meaning, code.merchantAction, code.customerMessage] + code.aliases {
                words.formUnion(analyzer.words(text))
            }
        }
        for group in content.synonyms {
            for term in group.terms { words.formUnion(analyzer.words(term)) }
        }
        return words
    }
}
