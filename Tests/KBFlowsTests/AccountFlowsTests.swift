import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("forgot-2fa")
struct ForgotTwoFactorTests {
    @Test("what the user still has decides the path", arguments: [
        ("yes", "yes", "use-authenticator"), ("yes", "no", "use-authenticator"), ("no", "yes", "ask-support"), ("no", "no", "ask-support"),
    ])
    func paths(hasAuthenticator: String, knowsPassword: String, verdict: String) throws {
        let report = try Shipped.run("forgot-2fa", ["email": "finance@shop.co.id", "has_authenticator": hasAuthenticator, "knows_password": knowsPassword])
        #expect(report.verdict == verdict)
        #expect(report.trace.contains { $0.policies.contains("password.reset_link_label") } == (knowsPassword == "no"))
    }

    @Test("the ready message has the support address and the user's email")
    func message() throws {
        let report = try Shipped.run("forgot-2fa", ["email": "Finance@Shop.co.id", "name": "Siti"])
        #expect(report.outcome["message"]?["to"] == .string("support@midtrans.com"))
        #expect(report.outcome["message"]?["subject"] == .string("Please disable 2FA for portal user finance@shop.co.id"))
        guard case let .string(body)? = report.outcome["message"]?["body"] else { Issue.record("no body"); return }
        #expect(body.contains("finance@shop.co.id") && body.contains("Google Authenticator") && body.hasSuffix("Thank you,\nSiti"))
    }

    @Test("invalid input names the field", arguments: [
        (["email": "finance"], "email: 'finance' is not an email address: it has no @"),
        (["email": "a@b@c.id"], "email: 'a@b@c.id' is not an email address: it has more than one @"),
        (["email": "a@shop"], "email: 'a@shop' is not an email address: the domain 'shop' has no dot"),
        ([:], "email: a value is required"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("forgot-2fa", values)?.description == message)
    }

    @Test("follows policies.yaml: the support address")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["support.email": .text("help@example.com")])
        let report = try AnyFlow(try ForgotTwoFactorSimulator(content: content))
            .run(FlowInput(["email": .text("a@shop.co.id")]), context: Shipped.context("2026-11-26T10:00:00"))
        #expect(report.outcome["message"]?["to"] == .string("help@example.com"))
        #expect(try Shipped.rawSection("forgot-2fa-code", "how-to-get-back-in")?.contains("{{policy.support.email}}") == true)
    }
}

@Suite("add-portal-user")
struct AddPortalUserTests {
    @Test("the form's checks and the user's state", arguments: [
        (["name": "Siti", "email": "siti@shop.co.id", "role": "finance staff"], "waiting-for-activation"),
        (["name": "Siti", "email": "siti@shop.co.id", "role": "Finance Staff", "link_followed": "yes"], "active"),
        (["name": "Siti", "email": "siti@shop.co.id", "role": "Finance Staff", "activate": "no"], "not-activated"),
        (["name": "Siti", "email": "siti@", "role": "Finance Staff"], "rejected"),
        (["name": "Siti", "email": "SITI@shop.co.id", "role": "Finance Staff", "existing_users": "siti@shop.co.id"], "rejected"),
        (["name": "Siti", "email": "siti@shop.co.id"], "rejected"),
        (["email": "siti@shop.co.id", "role": "Finance Staff"], "rejected"),
    ])
    func form(values: [String: String], verdict: String) throws {
        #expect(try Shipped.run("add-portal-user", values).verdict == verdict)
    }

    @Test("a refusal lists every problem, in the form's order")
    func problems() throws {
        let report = try Shipped.run("add-portal-user", ["email": "x@shop.co.id", "existing_users": "x@shop.co.id"])
        #expect(report.outcome["problems"] == .array([
            .string("the name is empty"), .string("x@shop.co.id is already a user"),
            .string("no role picked; choose one of Administrator, Operation Staff, Finance Staff, Developer / IT Staff, Customer Service, Sandbox IT Staff"),
        ]))
    }

    @Test("invalid input names the field", arguments: [
        (["role": "Admin"], "role: 'Admin' is not one of the choices"),
        (["existing_users": "a@shop.co.id, bob"], "existing_users: entry 2 'bob' is not an email address: it has no @"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("add-portal-user", values)?.description == message)
    }

    @Test("follows policies.yaml: the roles offered are users.roles")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["users.roles": .list(["Administrator", "Viewer"])])
        let flow = AnyFlow(try AddPortalUserSimulator(content: content))
        #expect(flow.fields.first { $0.name == "role" }?.allowedValues == ["Administrator", "Viewer"])
        let input = FlowInput(["name": .text("Siti"), "email": .text("s@shop.co.id"), "role": .text("viewer")])
        #expect(try flow.run(input, context: Shipped.context("2026-11-26T10:00:00")).verdict == "waiting-for-activation")
        #expect(try Shipped.rawSection("add-portal-users", "which-role-to-choose")?.contains("{{policy.users.roles}}") == true)
    }
}

@Suite("change-login-email")
struct ChangeLoginEmailTests {
    static let base = ["current_email": "owner@shop.co.id", "new_email": "boss@shop.co.id", "name": "Budi"]

    @Test("who can make the change, and to which address", arguments: [
        ([:], "ready"), (["keep_old": "customer service"], "ready"), (["current_role": "Finance Staff"], "needs-admin"),
        (["new_email": "Owner@shop.co.id"], "rejected"), (["other_users": "boss@shop.co.id"], "rejected"),
    ])
    func plans(values: [String: String], verdict: String) throws {
        #expect(try Shipped.run("change-login-email", Self.base.merging(values) { $1 }).verdict == verdict)
    }

    @Test("the old login is retired only as the last step")
    func oldLast() throws {
        let report = try Shipped.run("change-login-email", Self.base.merging(["keep_old": "Customer Service"]) { $1 })
        guard case let .array(steps)? = report.outcome["steps"] else { Issue.record("no steps"); return }
        #expect(steps.last == .string("Only then, back in Account > User Management: change owner@shop.co.id's role to Customer Service in Account > User Management."))
    }

    @Test("invalid input names the field", arguments: [
        (["new_email": "boss"], "new_email: 'boss' is not an email address: it has no @"),
        (["keep_old": "Administrator"], "keep_old: 'Administrator' is not one of the choices"),
        (["name": ""], "name: a value is required"),
    ])
    func invalid(values: [String: String], message: String) throws {
        #expect(try Shipped.error("change-login-email", Self.base.merging(values) { $1 })?.description == message)
    }

    @Test("follows policies.yaml: the admin role named in users.admin_role")
    func followsPolicy() throws {
        let content = Shipped.content(with: ["users.admin_role": .text("Operation Staff")])
        let flow = AnyFlow(try ChangeLoginEmailSimulator(content: content))
        let input = FlowInput(Self.base.merging(["current_role": "Administrator"]) { $1 }.mapValues { .text($0) })
        #expect(try flow.run(input, context: Shipped.context("2026-11-26T10:00:00")).verdict == "needs-admin")
        #expect(try Shipped.rawSection("change-account-email", "step-by-step")?.contains("{{policy.users.admin_role}}") == true)
    }
}

/// Rules of the portal that no source states are kept, but said to be assumptions where
/// every front end shows them: the input's help (CLI prompts, `GET /v1/flows`, the site's
/// flow page) and the trace step that applies the rule.
@Suite("Rules no source states are said to be assumptions")
struct AssumptionTests {
    @Test("the input's help and the applying step say so", arguments: [
        ("account-lockout", "attempts", "do not extend the lock",
         ["attempts": "09:00 wrong, 09:01 wrong, 09:02 wrong, 09:03 wrong, 09:04 wrong, 09:05 right"], "does not extend the lock"),
        ("add-portal-user", "existing_users", "already a user",
         ["name": "Siti", "email": "siti@shop.co.id", "role": "Finance Staff"], "already a user"),
        ("change-login-email", "current_role", "can create users",
         ["current_email": "owner@shop.co.id", "new_email": "boss@shop.co.id", "name": "Budi"], "can create users"),
    ])
    func said(flow: String, field: String, helpRule: String, values: [String: String], stepRule: String) throws {
        let help = try #require(try Shipped.flow(flow).fields.first { $0.name == field }?.help)
        #expect(help.contains("Assumed, as no source says") && help.contains(helpRule), "\(flow).\(field): \(help)")
        let report = try Shipped.run(flow, values)
        let step = try #require(report.trace.first { $0.rule.contains(stepRule) }, "\(flow): no step applies the rule")
        #expect(step.rule.contains("assumed, as no source says"), "\(flow): \(step.rule)")
    }
}
