import Foundation

/// What a search asked and found, stored once in `queries` (``AnalyticsSchema``) and
/// referred to by number from each search answered alike: the query, its language,
/// the hit count, the first three hits and where it came from.
struct SearchQuery: Hashable, Sendable {
    let query: String
    let language: String
    let hits: Int
    let topIDs: String
    let source: SearchSource
    /// The values' hash, made once: a writer looks a query up three or four times (its
    /// numbers, the write's, adding it, keeping it), each a hash of a hundred bytes.
    private let valuesHash: Int

    init(query: String, language: String, hits: Int, topIDs: String, source: SearchSource) {
        self.query = query
        self.language = language
        self.hits = hits
        self.topIDs = topIDs
        self.source = source
        var hasher = Hasher()
        hasher.combine(query)
        hasher.combine(language)
        hasher.combine(hits)
        hasher.combine(topIDs)
        hasher.combine(source)
        valuesHash = hasher.finalize()
    }

    static func == (left: SearchQuery, right: SearchQuery) -> Bool {
        left.valuesHash == right.valuesHash && left.hits == right.hits && left.source == right.source
            && left.query == right.query && left.language == right.language && left.topIDs == right.topIDs
    }

    func hash(into hasher: inout Hasher) { hasher.combine(valuesHash) }

    /// Gives `sink` the values of ``AnalyticsSchema/addQuery``, in order.
    func writeValues(to sink: inout some EventValueSink) {
        sink.text(query)
        sink.text(language)
        sink.integer(Int64(hits))
        sink.text(topIDs)
        sink.text(source.rawValue)
    }

    /// The same values as a list.
    var values: [EventValue] {
        var list = EventValueList()
        writeValues(to: &list)
        return list.values
    }
}

extension SearchEvent {
    var searchQuery: SearchQuery {
        SearchQuery(query: query, language: language, hits: hits, topIDs: topIDsText, source: source)
    }
}

/// The numbers of the queries a store's writer has found or added, kept from one write
/// to the next so that a search answered like an earlier one costs no lookup.
///
/// They hold while no purge has run: a purge deletes the queries no search refers to,
/// and SQLite may give a deleted query's number to a new one. So they are kept with the
/// purge count they were read under (``AnalyticsSchema/purgeCount``), and a write that
/// reads another count starts afresh. At most ``capacity`` are kept (queries are typed
/// by anyone): past it, the next write starts afresh too.
struct QueryNumbers: Sendable {
    static let capacity = 10_000

    private var purges: Int64?
    private var numbers: [SearchQuery: Int64] = [:]

    var count: Int { numbers.count }

    /// What one write (one transaction) found: the numbers to use, given the purge count
    /// it read, and those it added. Merged back (``merge(_:)``) only once it commits.
    func write(purges: Int64) -> Write {
        Write(purges: purges, known: purges == self.purges ? numbers : [:])
    }

    mutating func merge(_ write: consuming Write) {
        // The write's copy of the numbers goes first, so that they are added to in place.
        write.known = [:]
        if write.purges != purges || numbers.count + write.added.count > Self.capacity {
            purges = write.purges
            numbers = [:]
        }
        guard numbers.count + write.added.count <= Self.capacity else { return }
        numbers.merge(write.added) { _, new in new }
    }

    struct Write: Sendable {
        let purges: Int64
        fileprivate var known: [SearchQuery: Int64]
        private(set) var added: [SearchQuery: Int64] = [:]

        func number(of query: SearchQuery) -> Int64? { known[query] ?? added[query] }

        /// The searches' queries this write has no number for, each once, in the order of
        /// their first search.
        func unknown(in events: [AnalyticsEvent]) -> [SearchQuery] {
            var seen = Set<SearchQuery>()
            var unknown: [SearchQuery] = []
            for case let .search(search) in events {
                let query = search.searchQuery
                if number(of: query) == nil, seen.insert(query).inserted { unknown.append(query) }
            }
            return unknown
        }

        mutating func add(_ query: SearchQuery, number: Int64) { added[query] = number }

        /// Each event's query number, in order (0 for a click or feedback): one lookup for
        /// each search whose query has a number; `resolve` finds or adds the others.
        mutating func numbers(of events: [AnalyticsEvent], resolve: (SearchQuery) throws -> Int64) rethrows -> [Int64] {
            var numbers = [Int64](repeating: 0, count: events.count)
            for (index, event) in events.enumerated() {
                guard case let .search(search) = event else { continue }
                let query = search.searchQuery
                if let number = number(of: query) {
                    numbers[index] = number
                } else {
                    let number = try resolve(query)
                    added[query] = number
                    numbers[index] = number
                }
            }
            return numbers
        }
    }
}
