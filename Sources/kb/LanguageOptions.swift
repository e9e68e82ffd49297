import ArgumentParser
import Foundation
import KBContent
import KnowledgeBase

/// The `--lang` option of the commands that print content.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The language to answer in: en (English) or id (Bahasa Indonesia).",
            discussion: "Default: $KB_LANG if set, else English (kb search: else the language of the query's words).",
            valueName: "en|id"
        )
    )
    var lang: String?

    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError("--lang must be en or id, not '\(lang)'")
        }
    }

    /// The language asked for: `--lang`, else `KB_LANG`; `nil` when neither is set.
    func requested() throws -> Language? {
        if let lang { return Language(tag: lang) }
        guard let environment = ProcessInfo.processInfo.environment["KB_LANG"], !environment.isEmpty else { return nil }
        guard let language = Language(tag: environment) else {
            throw ValidationError("KB_LANG must be en or id, not '\(environment)'")
        }
        return language
    }

    /// The knowledge base in the language asked for, else English.
    func edition(of knowledgeBase: KnowledgeBase) throws -> KnowledgeBase {
        knowledgeBase.edition(try requested() ?? .source)
    }
}
