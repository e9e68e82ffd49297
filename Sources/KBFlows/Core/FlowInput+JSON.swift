public import Foundation

extension FlowInput {
    /// Reads a JSON object of inputs: `{"ip": "203.0.113.7", "whitelist": ["203.0.113.0/24"]}`.
    ///
    /// Strings, numbers and booleans become text (`true` reads as `yes`), arrays of them
    /// become lists, and `null` leaves the input unset.
    ///
    /// - Throws: ``FlowInputError`` naming `input` when the data is not a JSON object,
    ///   or the input whose value is an object or a nested array.
    public init(json data: Data) throws(FlowInputError) {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw FlowInputError(
                field: "input", "the input is not valid JSON",
                hint: "give one JSON object of inputs, e.g. {\"ip\": \"203.0.113.7\"}"
            )
        }
        guard case let .object(members) = root else {
            throw FlowInputError(
                field: "input", "the input must be a JSON object, not \(root.kindName)",
                hint: "give one JSON object of inputs, e.g. {\"ip\": \"203.0.113.7\"}"
            )
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
                        throw FlowInputError(
                            field: Self.normalized(name), "a list item is \(item.kindName), not a single value",
                            hint: "give a list of strings or numbers"
                        )
                    }
                    texts.append(text)
                }
                set(name, .list(texts))
            } else {
                throw FlowInputError(
                    field: Self.normalized(name), "the value is \(value.kindName), not a value or a list",
                    hint: "give a string, a number, true/false or a list"
                )
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

    fileprivate var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
