import Foundation
import Hummingbird
import HummingbirdTesting
import KBServer
import KBSite
import Testing

/// A flow page served by `kb serve` answers its form: the query string's values run
/// the simulator and the result is rendered into the page.
@Suite("Flow pages answering their form")
struct FlowPageFormTests {
    static let store: KnowledgeBaseStore = {
        do {
            return try KnowledgeBaseStore(
                TestContent.knowledgeBase, directory: TestContent.directory, siteOptions: SiteOptions(simulatorForm: .served)
            )
        } catch {
            fatalError("the served site did not build: \(error)")
        }
    }()

    @Test("the form's GET is answered with the result in the page, not cached; the page alone is the built file")
    func answersTheForm() async throws {
        try await withServer(store: Self.store) { client in
            let plain = try await client.get("/flows/account-lockout.html")
            #expect(plain.status == .ok)
            #expect(plain.headers[.eTag] != nil)
            #expect(plain.text.contains("id=\"kb_flow-form\""))
            #expect(!plain.text.contains("class=\"outcome\""))

            let query = "attempts=09%3A00+wrong%2C+09%3A01+wrong%2C+09%3A02+wrong%2C+09%3A03+wrong%2C+09%3A04+wrong&now=2026-11-25T09%3A10"
            let answer = try await client.get("/flows/account-lockout.html?" + query)
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "text/html; charset=utf-8")
            #expect(answer.headers[.cacheControl] == "no-store")
            #expect(answer.headers[.eTag] == nil)
            #expect(answer.headers[.contentSecurityPolicy] != nil)
            #expect(answer.text.contains("class=\"outcome\">Locked"))

            let indonesian = try await client.get("/id/flows/account-lockout.html?" + query.replacingOccurrences(of: "wrong", with: "salah"))
            #expect(indonesian.status == .ok)
            #expect(indonesian.text.contains("class=\"outcome\">Terkunci"))

            // A query that is not the form's is the built page, as for any other page.
            let tracking = try await client.get("/flows/account-lockout.html?utm_source=mail")
            #expect(tracking.bytes == plain.bytes)
        }
    }

    @Test("bad and hostile values give the page with the field's error, never a 5xx or markup")
    func badValues() async throws {
        try await withServer(store: Self.store) { client in
            let bad = try await client.get("/flows/ip-whitelist.html?ip=300.1.1.1&now=2026-11-25T09%3A10")
            #expect(bad.status == .ok)
            #expect(bad.text.contains("id=\"kb_error-ip\""))
            #expect(bad.text.contains("value=\"300.1.1.1\""))

            let hostile = try await client.get("/flows/forgot-2fa.html?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=a%40b.co")
            #expect(hostile.status == .ok)
            #expect(!hostile.text.contains("<script>alert"))

            let long = try await client.get("/flows/card-denied.html?code=" + String(repeating: "9", count: 5_000))
            #expect(long.status == .ok)
            #expect(long.text.contains("id=\"kb_error-code\""))

            let broken = try await client.get("/flows/card-denied.html?code=%ZZ&stopped_at=%")
            #expect(broken.status == .ok)
        }
    }

    @Test("the served site has the form script; a site served without forms answers queries with the built page")
    func script() async throws {
        try await withServer(store: Self.store) { client in
            let script = try await client.get("/flow.js")
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        }
        try await withServer { client in
            let page = try await client.get("/flows/account-lockout.html?attempts=09%3A00+wrong")
            #expect(page.status == .ok)
            #expect(!page.text.contains("kb_flow-form"))
        }
    }
}
