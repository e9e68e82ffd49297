import Foundation
import KBContent
import KnowledgeBase
import Testing
@testable import KBSite

/// An article written to break out of the page: none of it may be active in the output.
@Suite("Hostile content renders inert")
struct HostileContentTests {
    static let deepQuote = String(repeating: ">", count: 10_000) + " deep quote"
    static let deepList = (0..<10_000).map { String(repeating: "  ", count: min($0, 200)) + "- level \($0)" }.joined(separator: "\n")
    static let deepEmphasis = String(repeating: "*", count: 10_000) + "emphasis" + String(repeating: "*", count: 10_000)
    static let deepLinks = String(repeating: "[", count: 10_000) + "x" + String(repeating: "](javascript:alert(1))", count: 10_000)

    static let markdown = """
    ## Heading </h2><script>alert('heading')</script>

    <script>alert('block')</script>

    Text with <script>alert('inline')</script> and <img src=x onerror="alert('img')"> inline.

    [plain js](javascript:alert(1)) [mixed case](JaVaScRiPt:alert(1)) [spaced]( java\tscript:alert(1))
    [entity](&#106;avascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x)
    [quote](<https://example.com/" onmouseover="alert(1)>) [network](//evil.example/) [absolute](/etc/passwd)
    ![image](javascript:alert(1)) ![remote](https://evil.example/pixel.png)
    <a href="javascript:alert(1)">raw link</a>

    NUL:\u{0}: bell:\u{7}: escape:\u{1B}[31m: delete:\u{7F}: c1:\u{85}: nonchar:\u{FFFE}:

    ```"><script>alert('fence')</script>
    </code></pre><script>alert('code')</script>
    ```

    | <script>x</script> | " onmouseover=" |
    |---|---|
    | </td></tr></table><script>y</script> | `</code>` |

    \(deepQuote)

    \(deepList)

    \(deepEmphasis)

    \(deepLinks)
    """

    static let article = ContentBuilder.article(
        slug: "hostile",
        title: "Title </title><script>alert('title')</script>",
        summary: "Summary \" onmouseover=\"alert('summary')\" <b>",
        questions: ["Question <script>alert('q')</script>", "\u{0}\u{1}\u{2}"],
        markdown: markdown
    )

    static let code = ResponseCode(
        code: "51", name: "<img src=x onerror=alert('code')>", meaning: "\" onmouseover=\"x", responseClass: .softDecline,
        retry: .later, merchantAction: "</td><script>alert(1)</script>", customerMessage: "\u{0}", aliases: ["</title>"]
    )

    static let content = ContentBuilder.content([article], codes: [code])
    static let builder = SiteBuilder(knowledgeBase: SiteFixtures.knowledgeBase(content), options: SiteOptions(baseURL: "https://help.example.com/"))
    static let pages: [(String, Data)] = {
        [SiteRoute.article("hostile"), .code("51"), .codes, .home, .category(ContentBuilder.category.id)].map { route in
            (route.path, (try? builder.page(route)) ?? Data())
        }
    }()

    @Test("every page is built and parses", arguments: pages.map(\.0))
    func pagesParse(_ path: String) throws {
        let data = try #require(Self.pages.first { $0.0 == path }?.1)
        #expect(!data.isEmpty)
        #expect(HTMLNode.parse(data) != nil)
    }

    @Test("no script element but kb's own copy.js, no event handler, no script URL", arguments: pages.map(\.0))
    func nothingActive(_ path: String) throws {
        let data = try #require(Self.pages.first { $0.0 == path }?.1)
        let page = try #require(HTMLNode.parse(data))
        // The only scripts are kb's own files (the copy-answer button's), never inline.
        let scripts = page.all("script")
        #expect(scripts.allSatisfy { $0.attributes == ["src": "../copy.js"] && $0.children.isEmpty })
        #expect(page.all("iframe").isEmpty && page.all("object").isEmpty && page.all("embed").isEmpty)
        for element in page.elements {
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "event handler attribute \(name) on <\(element.name)>")
                let squeezed = value.lowercased().filter { !$0.isWhitespace }
                #expect(!squeezed.contains("javascript:") && !squeezed.contains("vbscript:") && !squeezed.contains("data:"),
                        "script URL in \(name)=\(value) on <\(element.name)>")
            }
            for attribute in ["href", "src", "action"] {
                guard let value = element[attribute] else { continue }
                let scheme = value.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                let isRelative = !value.contains(":") || scheme.contains("/") || scheme.contains("#") || scheme.contains("?")
                #expect(isRelative || ["http", "https", "mailto"].contains(scheme.lowercased()), "\(attribute)=\(value)")
            }
        }
        let html = String(decoding: data, as: UTF8.self).lowercased()
        #expect(!html.replacingOccurrences(of: "<script src=\"../copy.js\"></script>", with: "").contains("<script"))
        #expect(!html.contains("<img src=x"))
    }

    @Test("the text is there, escaped, and the title is one element")
    func textIsEscaped() throws {
        let data = try #require(Self.pages.first?.1)
        let page = try #require(HTMLNode.parse(data))
        let titles = page.all("title")
        #expect(titles.count == 1)
        #expect(titles.first?.textContent.hasPrefix("Title </title><script>alert('title')</script>") == true)
        #expect(page.all("h1").map(\.textContent) == ["Title </title><script>alert('title')</script>"])
        let description = page.all("meta").first { $0["name"] == "description" }
        #expect(description?["content"] == "Summary \" onmouseover=\"alert('summary')\" <b>")
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;"))
        #expect(html.contains("plain js"))
    }

    @Test("NUL and control characters never reach the output")
    func noControlCharacters() throws {
        for (path, data) in Self.pages {
            let forbidden = data.enumerated().first { _, byte in
                byte == 0 || byte == 0x7F || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
            }
            #expect(forbidden == nil, "\(path) has byte \(forbidden.map { String($0.element) } ?? "") at \(forbidden?.offset ?? 0)")
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0xFFFE }, "\(path) has a C1 control or noncharacter")
        }
    }

    @Test("10,000-deep nesting is flattened: the page stays shallow")
    func deepNesting() throws {
        let data = try #require(Self.pages.first?.1)
        let page = try #require(HTMLNode.parse(data))
        #expect(page.depth < 120)
        let text = page.textContent
        #expect(text.contains("deep quote"))
        #expect(text.contains("level 9999"))
        #expect(text.contains("emphasis"))
    }
}
