public import Foundation
public import KBContent

extension FlowInput {
    /// Reads a JSON object of inputs: `{"ip": "203.0.113.7", "whitelist": ["203.0.113.0/24"]}`.
    ///
    /// Strings, numbers and booleans become text (`true` reads as `yes`), arrays of them
    /// become lists, and `null` leaves the input unset.
    ///
    /// - Throws: ``FlowInputError`` naming `input` when the data is not a JSON object,
    ///   or the input whose value is an object or a nested array; its text in `language`.
    public init(json data: Data, language: Language = .source) throws(FlowInputError) {
        let say = Phrases(language: language)
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw FlowInputError(field: "input", say.notJSON, hint: say.objectHint)
        }
        guard case let .object(members) = root else {
            throw FlowInputError(field: "input", say.notAnObject(say.kind(of: root)), hint: say.objectHint)
        }
        self.init()
        for (name, value) in members {
            if case .null = value { continue }
            if let scalar = value.scalarText {
                set(name, .text(scalar))
            } else if case let .array(items) = value {
                var texts: [String] = []
                for item in items {
                    guard let text = item.scalarText else {
                        throw FlowInputError(field: Self.normalized(name), say.nestedItem(say.kind(of: item)), hint: say.listHint)
                    }
                    texts.append(text)
                }
                set(name, .list(texts))
            } else {
                throw FlowInputError(field: Self.normalized(name), say.notAValue(say.kind(of: value)), hint: say.valueHint)
            }
        }
    }

    /// What reading inputs says when they are malformed, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var notJSON: String { text(en: "the input is not valid JSON", id: "input bukan JSON yang valid") }

        var objectHint: String {
            text(
                en: "give one JSON object of inputs, e.g. {\"ip\": \"203.0.113.7\"}",
                id: "berikan satu objek JSON berisi input, misalnya {\"ip\": \"203.0.113.7\"}"
            )
        }

        func notAnObject(_ kind: String) -> String {
            text(en: "the input must be a JSON object, not \(kind)", id: "input harus berupa objek JSON, bukan \(kind)")
        }

        func nestedItem(_ kind: String) -> String {
            text(en: "a list item is \(kind), not a single value", id: "salah satu isi daftar berupa \(kind), bukan satu nilai")
        }

        var listHint: String { text(en: "give a list of strings or numbers", id: "berikan daftar teks atau angka") }

        func notAValue(_ kind: String) -> String {
            text(en: "the value is \(kind), not a value or a list", id: "nilainya berupa \(kind), bukan satu nilai atau daftar")
        }

        var valueHint: String {
            text(en: "give a string, a number, true/false or a list", id: "berikan teks, angka, true/false, atau daftar")
        }

        func notAPair(_ pair: String) -> String {
            text(en: "'\(pair)' is not a name=value pair", id: "'\(pair)' bukan pasangan nama=nilai")
        }

        var pairHint: String {
            text(en: "write --set name=value, e.g. --set ip=203.0.113.7", id: "tulis --set nama=nilai, misalnya --set ip=203.0.113.7")
        }

        /// The kind of a JSON value, as the messages name it.
        func kind(of value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool: text(en: "a boolean", id: "boolean")
            case .integer, .number: text(en: "a number", id: "angka")
            case .string: text(en: "a string", id: "teks")
            case .array: text(en: "an array", id: "array")
            case .object: text(en: "an object", id: "objek")
            }
        }
    }
}

extension JSONValue {
    /// A string, number or boolean as input text; `nil` for the other kinds.
    fileprivate var scalarText: String? {
        switch self {
        case let .string(text): return text
        case let .integer(number): return String(number)
        case let .number(number): return String(number)
        case let .bool(flag): return flag ? "yes" : "no"
        case .null, .array, .object: return nil
        }
    }
}
