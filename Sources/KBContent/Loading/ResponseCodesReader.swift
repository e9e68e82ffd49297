internal import Yams

/// Reads `response-codes.yaml`: one mapping per bank response code.
enum ResponseCodesReader {
    static let fields = ["code", "name", "meaning", "class", "retry", "merchant_action", "customer_message", "aliases"]

    /// The valid codes, and every well-formed code the file declares (valid or not),
    /// so that links to a code with a broken field are not reported twice.
    struct Table {
        var codes: [ResponseCode] = []
        var declared: Set<String> = []
    }

    static func read(
        _ document: YAMLDocument, policies: Policies, _ collector: DiagnosticCollector
    ) -> Table {
        guard let root = document.root(collector) else { return Table() }
        guard let sequence = root.sequence else {
            collector.error(.wrongType, document.location(of: root), "response codes must be a list of entries starting with '- code:'")
            return Table()
        }
        var table = Table()
        var firstLine: [String: Int] = [:]
        for node in sequence {
            guard let reader = MappingReader(node, in: document, subject: "response code", collector: collector) else { continue }
            reader.rejectUnknownFields(allowed: fields)
            guard let code = reader.string("code", example: "\"51\"") else { continue }
            let subject = "response code '\(code)'"
            let entry = MappingReader(node, in: document, subject: subject, collector: collector)!
            let codeLocation = reader.location(of: "code")
            var valid = true
            if !ResponseCode.isWellFormed(code) {
                valid = false
                collector.error(
                    .malformedCode, codeLocation, "response code '\(code)' is malformed",
                    hint: "a code is two digits or capital letters, quoted: code: \"05\", code: \"N7\""
                )
            } else if let line = firstLine[code] {
                valid = false
                collector.error(
                    .duplicateCode, codeLocation, "response code '\(code)' is defined twice",
                    hint: "the first definition is on line \(line); keep one"
                )
            } else {
                firstLine[code] = codeLocation.line
                table.declared.insert(code)
            }
            let name = entry.string("name", example: "Insufficient funds")
            let meaning = entry.string("meaning", example: "What the code means, for the merchant.")
            let action = entry.string("merchant_action", example: "What the merchant should do.")
            let message = entry.string("customer_message", example: "A sentence an agent can send to the customer.")
            let aliases = entry.stringList("aliases", required: false) ?? []
            let responseClass = entry.string("class", example: "soft-decline").flatMap { text -> ResponseClass? in
                if let value = ResponseClass(rawValue: text) { return value }
                collector.error(
                    .badClass, entry.location(of: "class"), "class '\(text)' of \(subject) is not one of the classes",
                    hint: "use one of: \(ResponseClass.allCases.map(\.rawValue).joined(separator: ", "))"
                )
                return nil
            }
            let retry = entry.string("retry", example: "later").flatMap { text -> RetryAdvice? in
                if let value = RetryAdvice(rawValue: text) { return value }
                collector.error(
                    .badRetry, entry.location(of: "retry"), "retry '\(text)' of \(subject) is not yes, later or no",
                    hint: "yes: retry now after a fix; later: after a delay; no: never with the same card (quote \"yes\" and \"no\" for other YAML tools)"
                )
                return nil
            }
            for key in ["name", "meaning", "merchant_action", "customer_message"] {
                if let text = entry.string(key, required: false) {
                    PlaceholderCheck.report(in: text, at: entry.location(of: key), policies: policies, collector)
                }
            }
            guard valid, let name, let meaning, let action, let message, let responseClass, let retry else { continue }
            let fill = { (text: String) in Placeholders.fill(text, policies.placeholderValue) }
            table.codes.append(ResponseCode(
                code: code, name: name, meaning: fill(meaning), responseClass: responseClass, retry: retry,
                merchantAction: fill(action), customerMessage: fill(message), aliases: aliases.map { $0.lowercased() }
            ))
        }
        return table
    }
}

/// Reports placeholders that name no policy value.
enum PlaceholderCheck {
    /// `location` is where `text` starts; occurrences on later lines move down from it.
    /// `allowed` names placeholders that are filled later (an answer's ticket variables).
    /// `blockIndent` is the indentation of every line of a YAML `|` block; otherwise the
    /// first line starts at `location`'s column.
    static func report(
        in text: String, at location: SourceLocation, blockIndent: Int? = nil, policies: Policies,
        allowed: Set<String> = [], _ collector: DiagnosticCollector
    ) {
        for occurrence in Placeholders.occurrences(in: text)
        where policies.placeholderValue(occurrence.name) == nil && !allowed.contains(occurrence.name) {
            var place = location
            if let blockIndent {
                place.line += occurrence.line - 1
                place.column = blockIndent + occurrence.column
            } else if occurrence.line == 1 {
                place.column = max(location.column, 1) + occurrence.column - 1
            } else {
                place.line += occurrence.line - 1
                place.column = occurrence.column
            }
            collector.error(
                .unknownPlaceholder, place, "placeholder '{{\(occurrence.name)}}' names no value",
                hint: hint(for: occurrence.name, policies, allowed: allowed)
            )
        }
    }

    private static func hint(for name: String, _ policies: Policies, allowed: Set<String>) -> String {
        guard name.hasPrefix("policy.") else {
            if !allowed.isEmpty {
                return "use {{policy.<path>}} or one of: " + allowed.sorted().map { "{{\($0)}}" }.joined(separator: ", ")
            }
            return "placeholders in content are {{policy.<path>}}, with a path from policies.yaml"
        }
        let path = String(name.dropFirst("policy.".count))
        let group = path.split(separator: ".").first.map { $0 + "." } ?? path
        let sameGroup = policies.paths.filter { $0.hasPrefix(group) }
        let candidates = sameGroup.isEmpty ? policies.paths : sameGroup
        let closest = candidates.min { editDistance($0, path) < editDistance($1, path) }
        if let closest, !sameGroup.isEmpty || editDistance(closest, path) <= 3 {
            return "did you mean {{policy.\(closest)}}? Values are defined in policies.yaml"
        }
        return "add '\(path)' to policies.yaml, or use one of its paths"
    }
}
