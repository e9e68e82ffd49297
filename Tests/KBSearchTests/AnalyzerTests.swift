import Testing
import KBSearch

@Suite struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test(arguments: [
        ("Response code 05, N7 and 1A", ["response", "code", "05", "n7", "1a"]),
        ("ERROR_CODE=51;retry", ["error", "code", "51", "retry"]),
        ("v2.1.0 build-2024", ["v2", "1", "0", "build", "2024"]),
        ("don't can’t", ["dont", "cant"]),
    ])
    func codesStayIntact(text: String, expected: [String]) {
        #expect(analyzer.tokens(text) == expected)
    }

    @Test func emailIsKeptWholeAndSplit() {
        #expect(analyzer.tokens("Mail support@midtrans.com.") == ["mail", "support@midtrans.com", "support", "midtrans", "com"])
    }

    @Test func urlIsKeptWholeAndSplit() {
        #expect(analyzer.tokens("see (https://Docs.Example.com/notify?id=7).")
            == ["see", "https://docs.example.com/notify?id=7", "https", "docs", "example", "com", "notify", "id", "7"])
        #expect(analyzer.tokens("www.example.com") == ["www.example.com", "www", "example", "com"])
    }

    @Test func notAnEmailOrURL() {
        #expect(analyzer.tokens("user@localhost a@b.c http:/x") == ["user", "localhost", "b", "c", "http", "x"])
    }

    @Test func unicodeIsNormalizedAndFolded() {
        #expect(analyzer.tokens("Café CRÈME") == ["cafe", "creme"])
        #expect(analyzer.tokens("Straße") == ["strasse"])
        #expect(analyzer.tokens("ｆｕｌｌ ﬁle ①") == ["full", "file", "1"])
        #expect(analyzer.tokens("pembayaran Ärger") == ["pembayaran", "arger"])
        #expect(analyzer.tokens("e\u{301}te\u{301}") == ["ete"])
    }

    @Test func loneMarksEmojiAndControlsAreNotTokens() {
        #expect(analyzer.tokens("\u{301} \u{301}\u{301}") == [])
        #expect(analyzer.tokens("🙂 \u{0}\u{7}—!?") == [])
        #expect(analyzer.tokens("pay🙂ment") == ["pay", "ment"])
    }

    @Test func stopWordsAreRemovedButNotNegations() {
        #expect(analyzer.tokens("The card is declined") == ["card", "declined"])
        #expect(analyzer.tokens("do not honor") == ["do", "not", "honor"])
        #expect(analyzer.tokens("no funds") == ["no", "funds"])
    }

    @Test func stopWordsNeverApplyToTokensWithDigits() {
        let custom = Analyzer(stopWords: ["a", "1a", "The"])
        #expect(custom.tokens("a 1a the card") == ["1a", "card"])
    }

    @Test(arguments: [
        ("cancelled", "cancel"), ("cancellation", "cancel"), ("transactions", "transact"),
        ("locked", "lock"), ("whitelisting", "whitelist"), ("05", "05"), ("n7", "n7"),
    ])
    func snowballStems(word: String, stem: String) {
        #expect(analyzer.stem(word) == stem)
    }

    @Test func overlongRunsAreSkipped() {
        let long = String(repeating: "x", count: 200)
        #expect(analyzer.tokens("a \(long) payment") == ["payment"])
    }
}
