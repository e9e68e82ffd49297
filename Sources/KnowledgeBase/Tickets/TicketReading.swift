import Foundation
import KBContent
import KBSearch

/// What a pasted ticket is about: the best articles or codes for it, each with why it
/// matched, and what the ticket says that an answer can use (codes, order ids, e-mail
/// addresses, a pasted Midtrans message). What `kb answer --from-ticket` and
/// `POST /v1/answers/suggest` work from.
public struct TicketReading: Sendable, Hashable, Codable {
    /// One article or code the ticket may be about.
    public struct Match: Sendable, Hashable, Codable {
        public var kind: SearchResponse.Hit.Kind
        /// The article's slug or the code.
        public var id: String
        public var title: String
        /// Why it matched, in words: the code named, the pasted message, the words shared.
        public var why: [String]
        /// How strongly, summed over the reasons (a code the ticket names counts 100; the
        /// best search hit for its key words 50, for its first question 40).
        public var score: Double
    }

    /// What the ticket holds that identifies its subject or fills an answer.
    public struct Found: Sendable, Hashable, Codable {
        /// Bank response codes named in the text or a pasted message, as in the table.
        public var codes: [String]
        /// Midtrans `status_code` values seen.
        public var statusCodes: [String]
        public var orderIDs: [String]
        public var emails: [String]
        /// The pasted Midtrans message's state in words (`kb explain`'s headline), if there was one.
        public var message: String?
        /// The key words searched for, rarest first.
        public var terms: [String]

        enum CodingKeys: String, CodingKey {
            case codes, emails, message, terms
            case statusCodes = "status_codes"
            case orderIDs = "order_ids"
        }
    }

    /// The best three, best first; empty when nothing in the ticket matches.
    public var matches: [Match]
    public var found: Found

    /// The answer variables for this ticket: `order_id` and `user.email` from what it
    /// holds (the first of each), under the values `given` (which win), and the names
    /// left to their defaults, which an agent should check before sending.
    public func variables(given: [String: String]) -> (values: [String: String], placeholders: [String]) {
        var values = given
        if values["order_id"] == nil, let order = found.orderIDs.first { values["order_id"] = order }
        if values["user.email"] == nil, let email = found.emails.first { values["user.email"] = email }
        return (values, AnswerVariables.names.subtracting(values.keys).sorted())
    }
}

extension KnowledgeBase {
    /// How many words of a ticket are searched for, at most: the rarest in the content.
    public static let ticketTermCount = 24

    /// Reads a ticket of any length (a customer's or merchant's message, pasted JSON and
    /// all) and finds what it is about. Identifiers lead: a response code the ticket
    /// names, then what a pasted Midtrans message says; then the ticket's words, the
    /// rarest in the content first (so long text is weighed, never cut at the query limit).
    public func readTicket(_ text: String) -> TicketReading {
        let extracted = TicketExtraction(text, content: content)
        var scores: [String: (match: TicketReading.Match, score: Double)] = [:]
        func add(_ kind: SearchResponse.Hit.Kind, _ id: String, _ score: Double, _ why: String) {
            let key = kind.documentID(id)
            if var existing = scores[key] {
                existing.score += score
                if !existing.match.why.contains(why) { existing.match.why.append(why) }
                scores[key] = existing
                return
            }
            let title: String
            switch kind {
            case .article: title = content.article(id)?.title ?? id
            case .code: title = content.responseCode(id)?.name ?? id
            }
            scores[key] = (TicketReading.Match(kind: kind, id: id, title: title, why: [why], score: 0), score)
        }
        let say = TicketPhrases(language: language)

        for (rank, code) in extracted.codes.enumerated() {
            add(.code, code, 100 - Double(rank), say.namesCode(code))
        }
        var messageState: String?
        if let message = extracted.message {
            let explanation = explain(message)
            messageState = explanation.headline
            if let code = explanation.bankCode {
                add(.code, code.code, 100, say.pastedCode(code.code))
            }
            // A refused request or a payment held for review is itself the question.
            let weight: Double = explanation.state == .requestFailed || explanation.state == .onHold ? 45 : 30
            for (rank, reading) in explanation.read.enumerated() where reading.kind == .article {
                add(.article, reading.id, weight - 10 * Double(min(rank, 2)), say.pasted(explanation.headline))
            }
        }

        let terms = keyTerms(extracted.prose)
        if !terms.isEmpty {
            let response = search(terms.joined(separator: " "), options: SearchOptions(limit: 5))
            let best = response.hits.map(\.score).max() ?? 1
            for hit in response.hits {
                let shared = sharedTerms(terms, kind: hit.kind, id: hit.id)
                add(hit.kind, hit.id, 50 * hit.score / max(best, .leastNonzeroMagnitude), say.words(shared))
            }
        }

        // The ticket's questions say what it wants: each is searched as written, the first weighing most.
        for (rank, question) in extracted.questions.prefix(3).enumerated() {
            let response = search(question, options: SearchOptions(limit: 3))
            let best = response.hits.map(\.score).max() ?? 1
            for hit in response.hits {
                add(hit.kind, hit.id, (40 - 10 * Double(rank)) * hit.score / max(best, .leastNonzeroMagnitude), say.question(question))
            }
        }

        let ranked = scores.values.sorted { ($0.score, $1.match.id) > ($1.score, $0.match.id) }.prefix(3).map { entry in
            var match = entry.match
            match.score = (entry.score * 10).rounded() / 10
            return match
        }
        return TicketReading(
            matches: Array(ranked),
            found: TicketReading.Found(
                codes: extracted.codes, statusCodes: extracted.statusCodes, orderIDs: extracted.orderIDs,
                emails: extracted.emails, message: messageState, terms: terms
            )
        )
    }

    /// The distinct words of a long text (a ticket) that the content knows, rarest first (weighed by how
    /// often the ticket repeats them), at most ``ticketTermCount``.
    public func keyTerms(_ prose: String) -> [String] {
        let analyzer = index.analyzer
        var counts: [String: Int] = [:]
        var order: [String] = []
        // Words only: no numbers, and no e-mail address or URL (their parts are words).
        for token in analyzer.tokens(prose) where token.count >= 2 && !token.contains(where: { $0.isNumber || "@./:".contains($0) }) {
            if counts[token] == nil { order.append(token) }
            counts[token, default: 0] += 1
        }
        let documents = Double(max(index.documentCount, 1))
        var weighted: [(term: String, weight: Double, first: Int)] = []
        for (position, term) in order.enumerated() {
            let frequency = index.documentFrequency(of: term)
            // A word no document has may be a typo of one that does: the search's own
            // typo tolerance reads it, so it stays, weighed as a rare word of the content.
            let rarity = frequency == 0 ? (term.count >= 5 ? log(documents) * 0.6 : 0) : log(1 + documents / Double(frequency))
            guard rarity > 0 else { continue }
            weighted.append((term, rarity * (1 + log(Double(counts[term] ?? 1))), position))
        }
        return weighted.sorted { ($0.weight, -$0.first) > ($1.weight, -$1.first) }
            .prefix(Self.ticketTermCount).map(\.term)
    }

    /// Which of `terms` the article or code holds (title, summary, questions, body; or a
    /// code's name, aliases and meaning), by stem, at most four.
    func sharedTerms(_ terms: [String], kind: SearchResponse.Hit.Kind, id: String) -> [String] {
        let analyzer = index.analyzer
        let text: String
        switch kind {
        case .article:
            guard let article = content.article(id) else { return [] }
            text = ([article.title, article.summary] + article.questions + [article.document.plainText]).joined(separator: " ")
        case .code:
            guard let code = content.responseCode(id) else { return [] }
            text = ([code.code, code.name, code.meaning] + code.aliases).joined(separator: " ")
        }
        let stems = Set(analyzer.tokens(text).map(analyzer.stem))
        return Array(terms.filter { stems.contains(analyzer.stem($0)) }.prefix(4))
    }
}

/// The words a ticket reading writes, per language.
struct TicketPhrases {
    let language: Language

    func t(_ english: String, _ indonesian: String) -> String {
        switch language {
        case .english: english
        case .indonesian: indonesian
        }
    }

    func namesCode(_ code: String) -> String { t("the ticket names response code \(code)", "tiket menyebut kode respons \(code)") }

    func pastedCode(_ code: String) -> String {
        t("the pasted Midtrans message has channel_response_code \(code)", "pesan Midtrans yang ditempel memuat channel_response_code \(code)")
    }

    func pasted(_ headline: String) -> String { t("the pasted Midtrans message: \(headline)", "pesan Midtrans yang ditempel: \(headline)") }

    func question(_ text: String) -> String {
        let short = text.count > 80 ? String(text.prefix(77)) + "…" : text
        return t("the ticket asks: “\(short)?”", "tiket bertanya: “\(short)?”")
    }

    func words(_ shared: [String]) -> String {
        shared.isEmpty
            ? t("the ticket's words, by the search", "kata-kata di tiket, menurut pencarian")
            : t("the ticket's words: ", "kata-kata di tiket: ") + shared.joined(separator: ", ")
    }
}
