import Foundation
import Testing
@testable import KBSite

/// Axe-style basics on every page of the shipped site.
@Suite("Accessibility basics")
struct AccessibilityTests {
    static let pages: [(path: String, page: HTMLNode)] = SiteFixtures.shippedSite.files.filter(\.isPage).compactMap { file in
        HTMLNode.parse(file.contents).map { (file.path, $0) }
    }

    @Test("every page parses")
    func parsed() {
        #expect(Self.pages.count == SiteFixtures.shippedSite.pageCount)
    }

    @Test("one h1 per page, and the lang of its tree: en at the root, id under id/")
    func oneHeadingAndLanguage() {
        for (path, page) in Self.pages {
            #expect(page.all("h1").count == 1, "\(path) has \(page.all("h1").count) h1 elements")
            #expect(page["lang"] == (path.hasPrefix("id/") ? "id" : "en"), "\(path) has lang \(page["lang"] ?? "none")")
            #expect(page.all("title").first.map { !$0.textContent.isEmpty } == true, "\(path) has no title")
        }
    }

    @Test("headings never skip a level")
    func headingOrder() {
        for (path, page) in Self.pages {
            let levels = page.elements.compactMap { element -> Int? in
                guard element.name.count == 2, element.name.hasPrefix("h") else { return nil }
                return Int(element.name.dropFirst())
            }
            #expect(levels.first == 1, "\(path) does not start with h1")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(path) jumps from h\(previous) to h\(next)")
            }
        }
    }

    @Test("every input has a label, every image an alt, every id is unique")
    func labelsAltAndIds() {
        for (path, page) in Self.pages {
            let labelled = Set(page.all("label").compactMap { $0["for"] })
            for input in page.all("input") where input["type"] != "hidden" && input["type"] != "submit" {
                let hasLabel = input["id"].map(labelled.contains) ?? false
                #expect(hasLabel || input["aria-label"] != nil, "\(path): an input has no label")
            }
            for image in page.all("img") {
                #expect(image["alt"] != nil, "\(path): an img has no alt")
            }
            let ids = page.elements.compactMap { $0["id"] }
            #expect(ids.count == Set(ids).count, "\(path) repeats an id")
            for link in page.all("a") {
                let name = link.textContent.trimmingCharacters(in: .whitespaces)
                #expect(!name.isEmpty || link["aria-label"] != nil, "\(path): a link has no text")
            }
        }
    }

    @Test("the home page has a labelled search box and a skip link to the content")
    func searchAndSkipLink() throws {
        let home = try #require(Self.pages.first { $0.path == "index.html" }?.page)
        let input = try #require(home.all("input").first { $0["type"] == "search" })
        let label = home.all("label").first { $0["for"] == input["id"] }
        #expect(label?.textContent == "Search the help center")
        let skip = home.all("a").first { $0["class"] == "skip-link" }
        #expect(skip?["href"] == "#kb_main")
        #expect(home.all("main").first?["id"] == "kb_main")
    }
}
