import Foundation
import Testing
@testable import KBSite

@Suite("Links inside the built site")
struct LinkCheckTests {
    @Test("every internal href, src and action resolves, and every #fragment names an id")
    func shippedSiteWithBaseURL() {
        let problems = SiteLinkChecker(site: SiteFixtures.shippedSite, baseURL: SiteFixtures.baseURL).problems()
        #expect(problems == [])
    }

    @Test("without a base URL every link is relative and resolves too")
    func shippedSiteWithoutBaseURL() {
        let site = SiteFixtures.build(SiteFixtures.shippedKnowledgeBase)
        #expect(SiteLinkChecker(site: site, baseURL: nil).problems() == [])
    }

    @Test("the checker finds broken links")
    func checkerFindsProblems() throws {
        var site = SiteFixtures.build(SiteFixtures.fixtureContent)
        site.files.removeAll { $0.path == "codes/51.html" }
        let problems = SiteLinkChecker(site: site, baseURL: nil).problems()
        #expect(problems.contains("articles/declined-card.html: href=../codes/51.html: no file codes/51.html"))
        let broken = StaticSite(files: [SiteFile(path: "index.html", contents: Data("<html><body><a href=\"#nowhere\">x</a><a href=\"../up.html\">y</a></body></html>".utf8))])
        #expect(SiteLinkChecker(site: broken, baseURL: nil).problems() == [
            "index.html: href=#nowhere: no id 'nowhere' in index.html",
            "index.html: href=../up.html: leaves the site's folder",
        ])
    }
}
