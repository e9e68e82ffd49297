import Foundation
import KBContent
import Testing
@testable import KBFlows

@Suite("Typed verdicts")
struct FlowVerdictTests {
    @Test("typed verdicts keep their JSON spelling")
    func verdictSpelling() throws {
        let encoder = JSONEncoder()
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode([value]), as: UTF8.self) }
        #expect(try json(AccountLockoutSimulator.Verdict.locked) == #"["locked"]"#)
        #expect(try json(CancelTransactionSimulator.Verdict.refundInstead) == #"["refund-instead"]"#)
        #expect(try json(CardDeniedSimulator.Verdict(.softDecline)) == #"["soft-decline"]"#)
        #expect(try json(PaymentURLsSimulator.Verdict.notificationNotSent) == #"["notification-not-sent"]"#)
        let actions = TransactionActionsSimulator.Verdict(open: [.view, .refund, .report])
        #expect(try json(actions) == #"["view,refund,report"]"#)
        #expect(try json(TransactionActionsSimulator.Verdict(open: [])) == #"["none"]"#)
        #expect(try JSONDecoder().decode([TransactionActionsSimulator.Verdict].self, from: Data(#"["view,refund,report"]"#.utf8)) == [actions])
        #expect(TransactionActionsSimulator.Verdict(rawValue: "view,fly") == nil)
    }
}
