import Foundation

/// Reads a ``FlowInput`` field by field, applying defaults and the checks every kind
/// of field shares; simulators add the checks of their own domain.
struct FieldReader {
    let input: FlowInput
    let fields: [FlowField]
    let context: FlowContext
    /// The errors' texts, in the language of the run.
    let say: Phrases

    /// - Parameter fields: the flow's fields, their help in `context.language`.
    /// - Throws: ``FlowInputError`` naming the first input that is no field of the flow.
    init(_ input: FlowInput, fields: [FlowField], context: FlowContext, flow: String) throws(FlowInputError) {
        self.input = input
        self.fields = fields
        self.context = context
        say = Phrases(language: context.language)
        let known = Set(fields.map(\.name))
        if let unknown = input.names.first(where: { !known.contains($0) }) {
            throw FlowInputError(field: unknown, say.unknownInput(unknown, flow: flow), hint: say.inputsAre(fields.map(\.name)))
        }
    }

    func field(_ name: String) -> FlowField {
        guard let field = fields.first(where: { $0.name == name }) else {
            preconditionFailure("no field '\(name)' is declared")
        }
        return field
    }

    /// The value given, else the default; `nil` when neither (or the default is empty).
    func value(_ name: String) -> FlowInputValue? {
        if let given = input[name] { return given }
        guard let fallback = field(name).defaultValue, !fallback.isEmpty else { return nil }
        return .text(fallback)
    }

    /// The value as trimmed text; empty when not given and the default is empty.
    ///
    /// - Throws: when the field is required and not given.
    func text(_ name: String) throws(FlowInputError) -> String {
        guard let value = value(name) else {
            if field(name).isRequired { throw missing(name) }
            return ""
        }
        return value.description.trimmingSpaces()
    }

    /// A required, non-empty text.
    func nonEmptyText(_ name: String) throws(FlowInputError) -> String {
        let value = try text(name)
        guard !value.isEmpty else { throw missing(name) }
        return value
    }

    func boolean(_ name: String) throws(FlowInputError) -> Bool {
        let value = try nonEmptyText(name)
        guard let flag = FlowBoolean.parse(value) else {
            throw FlowInputError(field: name, say.notYesOrNo(value), hint: say.answerYesOrNo)
        }
        return flag
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(FlowInputError) -> Int {
        let value = try nonEmptyText(name)
        guard let number = Int(value), range.contains(number) else {
            throw FlowInputError(field: name, say.notWholeNumber(value, range), hint: field(name).help)
        }
        return number
    }

    /// One of the field's allowed values, in its declared spelling; `nil` when the
    /// field is optional and empty.
    func choice(_ name: String) throws(FlowInputError) -> String? {
        let value = try text(name)
        if value.isEmpty {
            if field(name).isRequired { throw missing(name) }
            return nil
        }
        let allowed = field(name).allowedValues
        guard let match = allowed.first(where: { Self.folded($0) == Self.folded(value) }) else {
            throw FlowInputError(field: name, say.notAChoice(value), hint: say.useOneOf(allowed))
        }
        return match
    }

    /// A required choice.
    func requiredChoice(_ name: String) throws(FlowInputError) -> String {
        guard let value = try choice(name) else { throw missing(name) }
        return value
    }

    /// The items of a list (empty when not given and optional).
    func list(_ name: String) throws(FlowInputError) -> [String] {
        guard let value = value(name) else {
            if field(name).isRequired { throw missing(name) }
            return []
        }
        return value.items
    }

    /// A moment: ISO 8601, a time of `now`'s day, or `now`.
    func date(_ name: String) throws(FlowInputError) -> Date {
        let value = try nonEmptyText(name)
        if let date = Self.date(value, context: context) { return date }
        throw FlowInputError(field: name, say.notADateTime(value), hint: say.dateTimeHint(zone: context.timeZone.identifier))
    }

    /// An email address, lower-cased.
    func email(_ name: String) throws(FlowInputError) -> String {
        let value = try nonEmptyText(name)
        if let problem = EmailAddress.problem(with: value, language: context.language) {
            throw FlowInputError(field: name, say.notAnEmail(value, problem), hint: say.emailHint)
        }
        return value.lowercased()
    }

    func missing(_ name: String) -> FlowInputError {
        let field = field(name)
        var hint = field.help
        if let example = field.example { hint += say.example(example) }
        return FlowInputError(field: name, say.required, hint: hint)
    }

    /// `now`, a time of `now`'s day, or ISO 8601.
    static func date(_ text: String, context: FlowContext) -> Date? {
        if text.lowercased() == "now" { return context.now }
        return FlowTime.parse(text, in: context.timeZone, day: context.now)
    }

    /// Lower-cased letters and digits only: how choices are matched.
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
    }
}

/// How a boolean input is written: `yes`/`no` and the other spellings simulators accept,
/// for front ends that show or choose one (the site's yes/no select).
public enum FlowBoolean {
    /// `true` for yes, y, true, 1, on, ya; `false` for no, n, false, 0, off, tidak (any
    /// case); `nil` for anything else.
    public static func parse(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "on", "ya": true
        case "no", "n", "false", "0", "off", "tidak": false
        default: nil
        }
    }
}
