import Testing
import KBSearch

@Suite struct QueryTests {
    @Test func quotedPhraseNeedsAdjacentWords() {
        // The settlement report holds "do", "not" and "honor", but not as a phrase.
        #expect(HelpCenter.ids("\"do not honor\"") == ["05"])
        #expect(Set(HelpCenter.ids("do not honor", SearchOptions(mode: .all))) == ["05", "settlement-report"])
    }

    @Test func excludedWordsRemoveDocuments() {
        let all = HelpCenter.ids("transaction", SearchOptions(limit: 50))
        #expect(all.contains("cancel-transaction"))
        let kept = HelpCenter.ids("transaction -cancel", SearchOptions(limit: 50))
        // Excluding "cancel" also excludes its stem variants (cancelled, cancellation).
        #expect(!kept.contains("cancel-transaction") && !kept.contains("manage-transactions"))
        #expect(kept.contains("05"))
        let phrase = HelpCenter.index.search("transaction -\"issuing bank\"", options: SearchOptions(limit: 50))
        #expect(!phrase.hits.map(\.id).contains("05"))
        #expect(phrase.parsed.excluded == ["issuing bank"])
    }

    @Test func filtersInTheQueryText() {
        #expect(HelpCenter.ids("login tag:2fa") == ["forgot-2fa-code"])
        #expect(Set(HelpCenter.ids("KIND:Code", SearchOptions(limit: 50))) == ["05", "51", "N7", "1A"])
        #expect(Set(HelpCenter.ids("card kind:code")) == ["51", "N7"])
        // OR within a facet, AND across facets.
        let results = HelpCenter.index.search("tag:2fa tag:security category:account", options: SearchOptions(limit: 50))
        #expect(Set(results.hits.map(\.id)) == ["forgot-2fa-code", "ip-whitelist-login"])
        #expect(results.parsed.filters == ["tag": ["2fa", "security"], "category": ["account"]])
    }

    @Test func filtersInTheOptions() {
        let options = SearchOptions(limit: 50, filters: ["category": ["Payments"]])
        #expect(Set(HelpCenter.ids("transaction", options)).isSubset(of: ["cancel-transaction", "manage-transactions", "05", "settlement-report"]))
        #expect(HelpCenter.ids("login", options).isEmpty)
        #expect(HelpCenter.ids("login", SearchOptions(filters: ["nope": ["x"]])).isEmpty)
        #expect(HelpCenter.ids("login", SearchOptions(filters: ["tag": ["unknown"]])).isEmpty)
    }

    @Test func unknownFacetIsSearchedAsWords() {
        let results = HelpCenter.index.search("foo:whitelist")
        #expect(results.hits.first?.id == "ip-whitelist-login")
        #expect(results.parsed.words == ["foo:whitelist"])
        #expect(results.parsed.filters.isEmpty)
    }

    @Test func facetsCountEveryMatchBeforePaging() {
        let results = HelpCenter.index.search("login", options: SearchOptions(limit: 1))
        #expect(results.hits.count == 1)
        #expect(results.total == 3)
        #expect(results.facets["tag"]?["login"] == 3)
        #expect(results.facets["tag"]?["2fa"] == 1)
        #expect(results.facets["category"] == ["account": 3])
        #expect(results.facets["kind"] == ["article": 3])
    }

    @Test func allWordsAreRequiredWhenEnoughDocumentsHoldThem() {
        let index = plainIndex(["refund policy", "refund policy now", "our refund policy", "policy of refund", "refund"])
        let results = index.search("refund policy")
        #expect(results.total == 4)
        #expect(!results.hits.map(\.id).contains("d4"))
    }

    @Test func fewAllWordsResultsFallBackToAnyWord() {
        let results = HelpCenter.index.search("login page")
        #expect(results.hits.first?.id == "forgot-2fa-code")
        #expect(results.total == 3)
        #expect(HelpCenter.ids("login page", SearchOptions(mode: .all)) == ["forgot-2fa-code"])
    }

    @Test func fallsBackToAnyWordRankingMoreWordsFirst() {
        // No document holds all four words; the one holding three comes first.
        let results = HelpCenter.index.search("unlock account login zebra")
        #expect(results.hits.first?.id == "unlock-account")
        #expect(results.total > 1)
        #expect(HelpCenter.ids("unlock account login zebra", SearchOptions(mode: .all)).isEmpty)
    }

    @Test func anyModeRanksByMatchedWords() {
        let index = plainIndex(["alpha alpha alpha alpha", "alpha beta", "beta beta beta gamma"])
        #expect(index.ids("alpha beta gamma", SearchOptions(mode: .any)) == ["d2", "d1", "d0"])
    }

    @Test func unbalancedQuotesAndLoneMinusStillSearch() {
        #expect(HelpCenter.ids("\"unlock account").first == "unlock-account")
        #expect(HelpCenter.ids("unlock - account").first == "unlock-account")
        #expect(HelpCenter.ids("- \" : -\" \"\"").isEmpty)
    }

    @Test func parsedQueryReportsWhatWasFound() {
        let results = HelpCenter.index.search("cancel \"card verification\" -refund kind:code foo:bar")
        #expect(results.parsed == ParsedQuery(words: ["cancel", "foo:bar"], phrases: ["card verification"],
                                              excluded: ["refund"], filters: ["kind": ["code"]]))
    }

    @Test func longQueriesAreCut() {
        let long = String(repeating: "a", count: 300)
        let results = HelpCenter.index.search(long)
        #expect(results.wasTruncated)
        #expect(results.query.count == SearchLimits.maxQueryCharacters)

        let words = (0..<40).map { "word\($0)" }.joined(separator: " ")
        let cut = HelpCenter.index.search(words)
        #expect(cut.wasTruncated)
        #expect(cut.parsed.words.count == SearchLimits.maxQueryWords)
        #expect(cut.query == (0..<32).map { "word\($0)" }.joined(separator: " "))

        #expect(!HelpCenter.index.search("unlock account").wasTruncated)
    }

    @Test func pagingWithOffset() {
        let everything = HelpCenter.index.search("the card account transaction", options: SearchOptions(limit: 50, mode: .any))
        #expect(everything.hits.count >= 6)
        let first = HelpCenter.index.search("the card account transaction", options: SearchOptions(limit: 3, mode: .any))
        let second = HelpCenter.index.search("the card account transaction", options: SearchOptions(limit: 3, offset: 3, mode: .any))
        #expect(first.hits.map(\.id) + second.hits.map(\.id) == Array(everything.hits.prefix(6).map(\.id)))
        #expect(first.total == everything.total && second.total == everything.total)
        #expect(HelpCenter.index.search("card", options: SearchOptions(offset: 1000)).hits.isEmpty)
        #expect(HelpCenter.index.search("card", options: SearchOptions(limit: 0)).hits.isEmpty)
    }

    @Test func emailAndURLQueries() {
        #expect(HelpCenter.ids("support@midtrans.com").first == "change-account-email")
        #expect(HelpCenter.ids("midtrans").first == "change-account-email")
        #expect(HelpCenter.ids("https://example.com/notify").first == "notification-and-redirect-urls")
    }
}
