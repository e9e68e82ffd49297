import Foundation
import KBContent
import KBSite
import KnowledgeBase

extension SiteBuilder {
    /// A builder for the knowledge base made from `content` (its index and simulators).
    init(content: Content, options: SiteOptions = SiteOptions()) throws(KnowledgeBaseError) {
        self.init(knowledgeBase: try KnowledgeBase(content: content, version: ""), options: options)
    }
}

/// Content and sites the tests share, loaded and built once.
enum SiteFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The repository's own `Content/` folder.
    static let shippedDirectory = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content").path

    /// The repository's own `Content/`, in the source language.
    static let shippedContent = load(shippedDirectory)

    /// The repository's own `Content/` with its translations: one edition per language.
    static let shippedKnowledgeBase: KnowledgeBase = {
        do {
            return try KnowledgeBase.load(directory: shippedDirectory)
        } catch {
            fatalError("the shipped content gives no knowledge base: \(error)")
        }
    }()

    /// The shipped content in Bahasa Indonesia.
    static var indonesianContent: Content { shippedKnowledgeBase.edition(.indonesian).content }

    /// `Tests/KBSiteTests/Fixtures/Content`: small and fixed, for the golden files.
    static let fixtureContent = load(testsFolder.appendingPathComponent("Fixtures/Content").path)

    static let baseURL = "https://help.example.com/kb/"

    /// The shipped content in both languages, built with a base URL: every page and file there is.
    static let shippedSite = build(shippedKnowledgeBase, options: SiteOptions(baseURL: baseURL))

    static func load(_ directory: String) -> Content {
        let result = ContentLoader(directory: directory).load()
        precondition(result.isValid, "test content in \(directory) has errors: \(result.diagnostics.map(\.formatted))")
        return result.content
    }

    /// The knowledge base made from test content that must be valid.
    static func knowledgeBase(_ content: Content) -> KnowledgeBase {
        do {
            return try KnowledgeBase(content: content, version: "")
        } catch {
            fatalError("the test content gives no knowledge base: \(error)")
        }
    }

    static func build(_ content: Content, options: SiteOptions = SiteOptions()) -> StaticSite {
        do {
            return try SiteBuilder(content: content, options: options).build()
        } catch {
            fatalError("the test site did not build: \(error)")
        }
    }

    static func build(_ knowledgeBase: KnowledgeBase, options: SiteOptions = SiteOptions()) -> StaticSite {
        do {
            return try SiteBuilder(knowledgeBase: knowledgeBase, options: options).build()
        } catch {
            fatalError("the test site did not build: \(error)")
        }
    }

    /// The page at `path` of `site`, parsed.
    static func page(_ path: String, in site: StaticSite) -> HTMLNode? {
        site.file(path).flatMap { HTMLNode.parse($0.contents) }
    }
}

/// Golden files: expected output kept in `Golden/` beside the tests. Run the tests with
/// `KB_UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.
enum Golden {
    static let directory = SiteFixtures.testsFolder.appendingPathComponent("Golden")

    /// Whether this run rewrites the golden files instead of comparing.
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["KB_UPDATE_GOLDEN"] == "1" }

    /// The golden file's text, after rewriting it with `actual` when updating.
    static func expected(_ name: String, actual: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
