import Foundation
@testable import KBContent

/// A small, valid content folder written to a temporary directory; a test
/// replaces or adds files to produce exactly one problem.
struct ContentFixture {
    var files: [String: String] = [
        "policies.yaml": """
        support:
          email: help@example.com
        lockout:
          max_failed_attempts: 5
          unlock_after_minutes: 15
        roles:
          - Admin
          - Staff
          - Viewer
        """,
        "categories.yaml": """
        - id: access
          title: Logging in
          description: Getting into the portal.
          order: 1
        - id: payments
          title: Payments
          description: Money in and out.
          order: 2
        """,
        "synonyms.yaml": """
        - [2fa, two factor]
        - [cancel, void]
        """,
        "response-codes.yaml": """
        - code: "51"
          name: Insufficient funds
          meaning: Not enough money.
          class: soft-decline
          retry: later
          merchant_action: Retry later.
          customer_message: Please top up.
          aliases: [insufficient funds]
        - code: "N7"
          name: CVV failure
          meaning: The CVV is wrong.
          class: soft-decline
          retry: "yes"
          merchant_action: Ask for the CVV again.
          customer_message: Check the security code.
          aliases: [wrong cvv]
        """,
        "articles/unlock.md": """
        ---
        title: How do I unlock my account?
        summary: It unlocks after {{policy.lockout.unlock_after_minutes}} minutes.
        category: access
        tags: [login]
        questions:
          - My account is locked
          - Locked out of the portal
        related: [cancel]
        updated: 2026-11-25
        answer: |
          Hi {{customer.name}},

          Wait {{policy.lockout.unlock_after_minutes}} minutes for {{user.email}}.

          Best regards,
          {{agent.name}}
        ---

        ## Why

        After {{policy.lockout.max_failed_attempts}} wrong passwords the account locks.
        See [cancelling](cancel.md#after-settlement) and [code 51](code:51).
        """,
        "articles/cancel.md": """
        ---
        title: How do I cancel a payment?
        summary: Cancel before settlement.
        category: payments
        tags: []
        questions: [Can I void a payment?, How to cancel an order]
        updated: 2026-11-25
        answer: "Hi {{customer.name}}, cancel {{order_id}} before settlement. {{agent.name}}"
        ---

        ## After settlement

        Write to {{policy.support.email}}; roles are {{policy.roles}}.
        """,
        "id/articles/cancel.md": """
        ---
        title: Bagaimana cara membatalkan pembayaran?
        summary: Batalkan sebelum settlement.
        tags: [batal]
        questions: [Bisakah pembayaran dibatalkan?, Cara membatalkan pesanan]
        source_updated: 2026-11-25
        answer: "Halo {{customer.name}}, batalkan {{order_id}} sebelum settlement. {{agent.name}}"
        ---

        ## Setelah settlement

        Kirim email ke {{policy.support.email}}; perannya {{policy.roles}}.
        """,
    ]

    /// Writes the files and loads them; the diagnostics' file names start with `Content/`
    /// (the temporary folder is cut off, so the expected messages stay short).
    func load() throws -> ContentLoader.Result {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kb-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        for (name, text) in files {
            let url = content.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var result = ContentLoader(directory: content.path).load()
        let prefix = root.path + "/"
        result.diagnostics = result.diagnostics.map { diagnostic in
            var relative = diagnostic
            if relative.file.hasPrefix(prefix) { relative.file.removeFirst(prefix.count) }
            return relative
        }
        return result
    }

    /// The fixture with `file` replaced (or added); `nil` removes it.
    func with(_ file: String, _ text: String?) -> ContentFixture {
        var copy = self
        copy.files[file] = text
        return copy
    }

    /// The fixture with one occurrence of `old` replaced by `new` in `file`.
    func replacing(_ old: String, with new: String, in file: String) -> ContentFixture {
        var copy = self
        let text = copy.files[file]!
        precondition(text.contains(old), "fixture \(file) does not contain \(old)")
        copy.files[file] = text.replacingOccurrences(of: old, with: new)
        return copy
    }
}
