import Hummingbird

/// The longest values kb reads from a request, each checked before any work is done
/// with it. Lengths are in characters (Unicode code points, as JSON Schema's
/// `maxLength` counts them), after percent- and form-decoding.
///
/// A path value over its limit names nothing: 404, with no suggestions (close
/// matches are never computed on it). A query parameter over its limit is a 400
/// `value-too-long` naming the parameter and the limit; so is a flow input, with
/// `field`. The request line itself is limited by ``ConnectionLimits/maxURIBytes``.
public enum RequestLimits {
    /// An article slug, a response code or a code's name, a flow id.
    public static let pathValue = 128
    /// `q`, on search and suggest. The search itself reads the first 256 characters
    /// and 32 words of it (`truncated` says when it cut).
    public static let query = 1000
    /// Each `var.NAME` of an answer.
    public static let answerVariable = 200
    /// Every other query parameter's value, and every parameter's name.
    public static let parameter = 100
    /// A flow input's name.
    public static let flowInputName = 64
    /// A flow input's value, or each item of a list.
    public static let flowInputValue = 512
    /// Items in one flow input list, and inputs in one simulation.
    public static let flowInputItems = 100

    /// The longest value close matches ("did you mean") are looked for: no slug, code,
    /// code name or flow id is longer (the longest name is 44 characters), so a longer
    /// value has none, and looking would only cost time.
    public static let closeMatchInput = 48

    /// Whether to look for close matches to `value`.
    static func looksForCloseMatches(_ value: String) -> Bool {
        length(value) <= closeMatchInput
    }

    /// The length of `value` as the limits count it.
    static func length(_ value: some StringProtocol) -> Int {
        value.unicodeScalars.count
    }

    /// `value` as an error message shows it: at most its first 64 characters.
    static func shown(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard scalars.count > 64 else { return value }
        return String(String.UnicodeScalarView(scalars.prefix(64))) + "…"
    }
}

extension APIError {
    /// A query parameter (or its name) longer than its limit.
    static func valueTooLong(parameter name: String, length: Int, limit: Int) -> APIError {
        APIError(
            .badRequest, code: "value-too-long",
            message: "the query parameter '\(RequestLimits.shown(name))' is \(length) characters long; at most \(limit) are accepted"
        )
    }
}
