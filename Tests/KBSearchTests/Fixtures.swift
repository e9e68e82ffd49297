import KBSearch

/// A small help-center corpus: articles and bank response codes.
enum HelpCenter {
    static let schema = SearchSchema(
        fields: [
            FieldDefinition(name: "title", weight: 3),
            FieldDefinition(name: "code", weight: 3, isIdentifier: true),
            FieldDefinition(name: "body", weight: 1),
        ],
        facets: ["kind", "category", "tag"],
        snippetField: "body")

    static func article(_ id: String, _ title: String, _ body: String, category: String, tags: [String]) -> SearchDocument {
        SearchDocument(id: id, fields: ["title": title, "body": body],
                       facets: ["kind": ["article"], "category": [category], "tag": tags])
    }

    static func code(_ code: String, _ title: String, _ body: String) -> SearchDocument {
        SearchDocument(id: code, fields: ["title": title, "code": code, "body": body],
                       facets: ["kind": ["code"], "category": ["payments"]])
    }

    static let documents: [SearchDocument] = [
        article("unlock-account", "Unlock your account",
                "Your account locks after five failed login attempts. Wait 30 minutes, or ask an admin to unlock it.",
                category: "account", tags: ["login"]),
        article("forgot-2fa-code", "Forgot your 2FA code",
                "Lost your phone? Reset two factor authentication from the login page with a recovery code.",
                category: "account", tags: ["login", "2fa"]),
        article("ip-whitelist-login", "Login blocked by the IP whitelist",
                "Whitelisting controls which IP addresses may log in. Add your address to the whitelist in settings.",
                category: "account", tags: ["login", "security"]),
        article("cancel-transaction", "Cancel a transaction",
                "You can cancel a transaction before settlement. Cancelled transactions cannot be restored.",
                category: "payments", tags: ["transactions"]),
        article("manage-transactions", "Manage transactions",
                "Search, filter and export transactions. A cancellation shows in the transaction history.",
                category: "payments", tags: ["transactions"]),
        article("change-account-email", "Change the account e-mail",
                "Write to support@midtrans.com from the current address to change the account e-mail.",
                category: "account", tags: ["email"]),
        article("notification-and-redirect-urls", "Notification and redirect URLs",
                "Set the notification URL, for example https://example.com/notify, to receive payment status.",
                category: "integration", tags: ["webhooks"]),
        code("05", "Do not honor", "The issuing bank declined the transaction without giving a reason."),
        code("51", "Insufficient funds", "The card does not have enough balance for this payment."),
        code("N7", "Decline for CVV2 failure", "The card verification value does not match the card."),
        code("1A", "Additional customer authentication required", "The issuer asks for strong customer authentication."),
        article("settlement-report", "Settlement report",
                "Amounts of 51 51 51 items and 05 fees are listed in the report. Honor the bank's do not list.",
                category: "payments", tags: ["reports"]),
    ]

    static let index = SearchIndex(documents: documents, schema: schema, analyzer: Analyzer())

    static func ids(_ query: String, _ options: SearchOptions = .init()) -> [String] {
        index.search(query, options: options).hits.map(\.id)
    }
}

/// One field per document, for ranking tests.
func plainIndex(_ bodies: [String], titles: [String]? = nil, analyzer: Analyzer = Analyzer()) -> SearchIndex {
    let schema = SearchSchema(
        fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
        facets: [], snippetField: "body")
    let documents = bodies.enumerated().map { k, body in
        SearchDocument(id: "d\(k)", fields: ["title": titles?[k] ?? "", "body": body])
    }
    return SearchIndex(documents: documents, schema: schema, analyzer: analyzer)
}

extension SearchIndex {
    func ids(_ query: String, _ options: SearchOptions = .init()) -> [String] {
        search(query, options: options).hits.map(\.id)
    }
}
