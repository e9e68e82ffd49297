import Foundation
import KBContent
import KBFlows

/// What a reader sent through a flow page's form (the page's query string), and what
/// the simulator made of it: a report, or the first problem with the values.
///
/// The form is a GET, so a result has an address: the same query always gives the
/// same result once it names its moment (`now`), which ``shareQuery`` always does.
struct FlowSubmission: Sendable {
    /// The name of the form's own field for the moment to simulate (not a flow input).
    static let nowField = "now"

    /// The values as they were typed, by input name (``nowField`` included), so the
    /// form shows them again.
    let values: [String: String]
    /// The moment, zone and language the simulator ran in (or would have).
    let context: FlowContext
    /// The simulator's answer, when the values were good.
    let report: FlowReport?
    /// The first problem with the values, naming its field (an input's name, ``nowField``,
    /// or `input` for the whole), in the page's language; `nil` when it ran.
    let problem: FlowInputError?

    /// Reads the query of a flow page and runs the flow on it.
    ///
    /// - Parameters:
    ///   - query: the query string's pairs, decoded, in order. Only the flow's input
    ///     names and ``nowField`` are read (the first of a repeated name); an empty value
    ///     is the same as none, so the input's default applies.
    ///   - now: the moment to run at when the query gives none (the request's time).
    ///   - zone: the zone times without an offset are read in, and results shown in.
    ///   - maxValueLength: the longest value read, in characters; a longer one is a
    ///     problem of its field, found before the simulator sees anything.
    /// - Returns: `nil` when the query names none of the form's fields (the page alone
    ///   was asked for).
    init?(
        flow: AnyFlow, query: [(name: String, value: String)], now: Date, zone: TimeZone, language: Language,
        maxValueLength: Int
    ) {
        let names = Set(flow.fields.map(\.name) + [Self.nowField])
        var values: [String: String] = [:]
        for (name, value) in query where names.contains(name) && values[name] == nil {
            values[name] = value
        }
        guard !values.isEmpty else { return nil }
        self.values = values
        let strings = SiteStrings(language)
        var context = FlowContext(now: now, timeZone: zone, language: language)

        func stop(_ problem: FlowInputError) -> (FlowContext, FlowReport?, FlowInputError?) { (context, nil, problem) }
        let outcome: (FlowContext, FlowReport?, FlowInputError?) = {
            for name in flow.fields.map(\.name) + [Self.nowField] {
                guard let value = values[name] else { continue }
                let length = value.count
                if length > maxValueLength {
                    return stop(FlowInputError(
                        field: name, strings(.fieldTooLong, ["length": String(length), "limit": String(maxValueLength)])
                    ))
                }
            }
            if let text = values[Self.nowField]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                guard let moment = FlowTime.parse(text, in: zone) else {
                    return stop(FlowInputError(field: Self.nowField, strings(.fieldNowInvalid, ["value": text])))
                }
                context.now = moment
            }
            var input = FlowInput()
            for field in flow.fields {
                guard let value = values[field.name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                    continue
                }
                input.set(field.name, .text(value))
            }
            do throws(FlowInputError) {
                return (context, try flow.run(input, context: context), nil)
            } catch {
                return (context, nil, error)
            }
        }()
        (self.context, report, problem) = outcome
    }

    /// The query that gives this result again: every value typed, and the moment the
    /// simulator ran at (ISO 8601 with its offset), in the order of the form.
    func shareQuery(fields: [FlowField]) -> String {
        var pairs: [(String, String)] = []
        for field in fields {
            if let value = values[field.name] { pairs.append((field.name, value)) }
        }
        pairs.append((Self.nowField, context.iso(context.now)))
        return Self.encoded(pairs)
    }

    /// `name=value&…`, each part percent-encoded as a form would send it (a space as `%20`).
    static func encoded(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        return pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
