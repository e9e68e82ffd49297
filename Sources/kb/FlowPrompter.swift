import Foundation
import KBContent
import KBFlows
import KBTerminal

/// Asks on the terminal for each input of a flow that was not given, one at a time,
/// showing the default and asking again while the answer is not valid.
struct FlowPrompter {
    var flow: AnyFlow
    var context: FlowContext

    /// `given` with an answer for every field it lacked. Prompts go to standard error,
    /// so standard output holds only the result.
    func ask(_ given: FlowInput) throws -> FlowInput {
        var values = given
        let style = Terminal.style
        let (oneOf, forExample, none) = switch context.language {
        case .english: ("; one of: ", "e.g.", "none")
        case .indonesian: ("; salah satu dari: ", "misalnya", "kosong")
        }
        for field in flow.fields(in: context.language) where given[field.name] == nil {
            var help = field.help
            if !field.allowedValues.isEmpty { help += oneOf + field.allowedValues.joined(separator: ", ") }
            if let example = field.example { help += " (\(forExample) \(example))" }
            Terminal.standardError(style.dim(help))
            while true {
                let fallback = field.defaultValue.map { $0.isEmpty ? " [\(none)]" : " [\($0)]" } ?? ""
                FileHandle.standardError.write(Data((style.bold(field.name) + fallback + ": ").utf8))
                guard let line = readLine() else { return values }
                var attempt = values
                let answer = line.trimmingCharacters(in: .whitespaces)
                if !answer.isEmpty { attempt.set(field.name, .text(answer)) }
                if let problem = flow.problem(with: attempt, context: context), problem.field == field.name {
                    Terminal.standardError(style.red("  \(problem)") + (problem.hint.map { "\n  " + style.dim($0) } ?? ""))
                    continue
                }
                values = attempt
                break
            }
        }
        return values
    }
}
