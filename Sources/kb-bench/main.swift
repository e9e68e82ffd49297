import Foundation
import KBSearch

// kb-bench: the kb search engine run like the benchmark kit's peers.
//
// Modes: "and" (every word, no typos, no prefix), "or" (any word), "fuzzy" (the
// default behaviour: all words preferred, typo tolerance, prefix), each returning
// the top 10 and fetching every hit's id and title, as the peers do; and
// "fuzzy+snippets", the default behaviour with a highlighted snippet cut for
// every hit, as kb's search pages show them. "all" runs the four.
// With --show QUERY it prints that query's results instead (to look at ranking and snippets).
// With --verify-pruning it runs every query in every mode (and the any-word mode with typo
// tolerance) both pruned and exhaustively, and fails on the first difference.
// With --content DIR it loads a kb content folder as `kb serve` does and times that and
// the API's search instead (`make scale`, see ContentScale.swift).
// With --analytics-writer N it times the analytics writer alone: N search events written
// to a new SQLite file, of --distinct queries (300; N for every search its own query)
// in turn (AnalyticsWriter.swift).

let usage = """
    usage: kb-bench --corpus DIR --queries FILE [--repeat N] [--mode and|or|fuzzy|fuzzy+snippets|all]
           kb-bench --corpus DIR --show QUERY
           kb-bench --corpus DIR --queries FILE --verify-pruning
           kb-bench --content DIR --queries FILE [--repeat N]
           kb-bench --analytics-writer N [--batch N] [--distinct N] [--file PATH]
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("kb-bench: \(message)\n\(usage)\n".utf8))
    exit(2)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("[kb-bench] \(message)\n".utf8))
}

var arguments: [String: String] = [:]
var rest = CommandLine.arguments.dropFirst()
var verifiesPruning = false
while let flag = rest.popFirst() {
    if flag == "--verify-pruning" {
        verifiesPruning = true
        continue
    }
    guard ["--corpus", "--queries", "--repeat", "--mode", "--show", "--content", "--analytics-writer", "--batch", "--distinct", "--file"].contains(flag), let value = rest.popFirst() else {
        fail("unexpected argument '\(flag)'")
    }
    arguments[flag] = value
}
if let content = arguments["--content"] {
    guard let queries = arguments["--queries"] else { fail("--content needs --queries") }
    guard let passes = Int(arguments["--repeat"] ?? "3"), passes > 0 else { fail("--repeat must be a positive number") }
    do {
        print(try ContentScale.measure(directory: content, queriesFile: queries, passes: passes))
    } catch {
        fail("\(error)")
    }
    exit(0)
}
if let events = arguments["--analytics-writer"] {
    guard let count = Int(events), count > 0 else { fail("--analytics-writer must be a positive number of events") }
    guard let batch = Int(arguments["--batch"] ?? "2000"), batch > 0 else { fail("--batch must be a positive number") }
    guard let distinct = Int(arguments["--distinct"] ?? "300"), distinct > 0 else { fail("--distinct must be a positive number of queries") }
    do {
        print(try AnalyticsWriterBench.measure(events: count, batch: batch, distinct: distinct, keep: arguments["--file"]))
    } catch {
        fail("\(error)")
    }
    exit(0)
}
guard let corpusPath = arguments["--corpus"], let queriesPath = arguments["--queries"] ?? arguments["--show"].map({ _ in "" })
else {
    fail("--corpus and --queries are required")
}
let repeatText = ProcessInfo.processInfo.environment["KB_REPEAT"] ?? arguments["--repeat"] ?? "3"
guard let passes = Int(repeatText), passes > 0 else { fail("--repeat must be a positive number, not '\(repeatText)'") }
let modeName = arguments["--mode"] ?? "all"
let modes: [String]
switch modeName {
case "all": modes = ["and", "or", "fuzzy", "fuzzy+snippets"]
case "and", "or", "fuzzy", "fuzzy+snippets": modes = [modeName]
default: fail("--mode must be and, or, fuzzy, fuzzy+snippets or all, not '\(modeName)'")
}

var start = Measurement.now()
let corpus: Corpus
do {
    corpus = try Corpus(directory: corpusPath)
} catch {
    fail("\(error)")
}
let loadSeconds = Double(Measurement.now() - start) / 1e9
guard let queryText = arguments["--show"] ?? (try? String(contentsOfFile: queriesPath, encoding: .utf8)) else {
    fail("cannot read the queries file \(queriesPath)")
}
let queries = queryText.split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }
    .filter { !$0.isEmpty }
log("loaded \(corpus.documents.count) documents and \(queries.count) queries in \(loadSeconds) s")

let documents = corpus.documents.map {
    SearchDocument(id: $0.path, fields: ["title": $0.title, "body": $0.body])
}
let titles = corpus.documents.map(\.title)
let rssBefore = Measurement.memory().current
start = Measurement.now()
let schema = SearchSchema(
    fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
    facets: [], snippetField: "body")
let index = SearchIndex(documents: documents, schema: schema, analyzer: Analyzer())
let buildSeconds = Double(Measurement.now() - start) / 1e9
let rssAfter = Measurement.memory().current
for (component, bytes) in index.approximateByteSizes {
    log("  \(component): \(bytes) bytes")
}
log("indexed \(index.documentCount) documents, \(index.termCount) terms, "
    + "\(index.approximateByteSize / 1_048_576) MiB in \(buildSeconds) s")

if let query = arguments["--show"] {
    let found = index.search(query)
    print("\(found.total) results for \"\(found.query)\"" + (found.suggestion.map { ", did you mean \"\($0)\"?" } ?? ""))
    for hit in found.hits {
        let snippet = hit.snippet.segments.map { $0.isHighlighted ? "[\($0.text)]" : $0.text }.joined()
        print(String(format: "%8.3f  %@  %@  (%@)\n          %@", hit.score, hit.id, titles[hit.documentIndex],
                     "\(hit.matchQuality)", snippet))
    }
    exit(0)
}

if verifiesPruning {
    var variants: [(String, SearchOptions)] = []
    for mode in SearchOptions.MatchMode.allCases {
        for typos in [false, true] {
            variants.append(("\(mode) typos \(typos)", SearchOptions(
                limit: 10, mode: mode, typoTolerance: typos, prefixMatching: typos, snippets: true)))
        }
    }
    var differences = 0
    for query in queries {
        for (name, options) in variants {
            guard let difference = index.pruningDifference(query, options: options) else { continue }
            differences += 1
            FileHandle.standardError.write(Data("kb-bench: pruning changes \"\(query)\" (\(name)): \(difference)\n".utf8))
        }
    }
    guard differences == 0 else {
        fail("pruning changed \(differences) of \(queries.count * variants.count) searches")
    }
    print("pruning verified: \(queries.count) queries × \(variants.count) modes, identical results")
    exit(0)
}

var results: [String: [(String, Double)]] = [:]
var checksum = 0
for mode in modes {
    var options = SearchOptions(limit: 10, snippets: mode == "fuzzy+snippets")
    switch mode {
    case "and": options.mode = .all; options.typoTolerance = false; options.prefixMatching = false
    case "or": options.mode = .any; options.typoTolerance = false; options.prefixMatching = false
    default: break
    }
    results[mode] = Measurement.run(queries: queries, repeat: passes) { query in
        let found = index.search(query, options: options)
        for hit in found.hits {
            checksum &+= hit.id.utf8.count &+ titles[hit.documentIndex].utf8.count
        }
        return found.hits.count
    }
    log("mode \(mode) done")
}
let peak = Measurement.memory().peak
log("checksum \(checksum)")

func json(_ value: Any) -> String {
    switch value {
    case let text as String:
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    case let number as Double:
        return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    case let number as Int:
        return String(number)
    default:
        return "null"
    }
}

let megabytes = Measurement.round(corpus.megabytes, 2)
for mode in modes {
    var fields: [(String, Any)] = [
        ("peer", "kb"), ("mode", mode),
        ("engine", "KBSearch (BM25F title x3 + body, Snowball english, top-10"
            + (mode == "fuzzy+snippets" ? ", snippets)" : ")")),
        ("docs", corpus.documents.count), ("corpus_mb", megabytes),
        ("load_s", Measurement.round(loadSeconds, 3)), ("build_s", Measurement.round(buildSeconds, 3)),
        ("docs_per_s", Measurement.round(Double(corpus.documents.count) / buildSeconds, 1)),
    ]
    fields += (results[mode] ?? []).map { ($0.0, $0.1 as Any) }
    fields += [
        ("rss_before_build_mb", Measurement.round(rssBefore, 1)),
        ("rss_after_build_mb", Measurement.round(rssAfter, 1)),
        ("peak_rss_mb", Measurement.round(peak, 1)),
        ("index_mb", Measurement.round(Double(index.approximateByteSize) / 1_048_576, 2)),
        ("index_bytes", index.approximateByteSize),
        ("index_bytes_per_doc", Measurement.round(Double(index.approximateByteSize) / Double(max(1, index.documentCount)), 1)),
    ]
    print("{" + fields.map { "\(json($0.0)): \(json($0.1))" }.joined(separator: ", ") + "}")
}
