public import KBContent

extension TransactionActionsSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `transaction-actions` writes for people, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(
                en: "What can I do with this transaction in the portal now?",
                id: "Apa yang bisa saya lakukan pada transaksi ini di portal sekarang?"
            )
        }

        var transactionTimeHelp: String {
            text(en: "When the transaction was made (now by default)", id: "Waktu transaksi dibuat (default: now)")
        }

        /// An action in words, inside a sentence: `accept or deny`; `accept/deny`.
        func action(_ action: Action) -> String {
            switch action {
            case .view: text(en: "view", id: "lihat")
            case .cancel: text(en: "cancel", id: "batalkan")
            case .acceptOrDeny: text(en: "accept or deny", id: "accept/deny")
            case .refund: text(en: "refund", id: "refund")
            case .report: text(en: "send a report", id: "kirim laporan")
            }
        }

        /// An action for a column heading: "Accept or deny"; "Accept/deny".
        func actionHeading(_ action: Action) -> String {
            let words = self.action(action)
            return words.prefix(1).uppercased() + words.dropFirst()
        }

        /// A verdict in words, for ``Verdict/label(in:)``: "Open: view, cancel and send a report".
        func verdict(_ verdict: Verdict) -> String {
            verdict.open.isEmpty
                ? text(en: "Nothing open: no longer in the portal", id: "Tidak ada yang tersedia: sudah tidak ada di portal")
                : text(en: "Open: ", id: "Tersedia: ") + list(verdict.open.map(action))
        }

        func state(_ open: Bool) -> String { open ? text(en: "open", id: "tersedia") : text(en: "closed", id: "tidak tersedia") }

        /// `Open` or `–` for a table cell; `Tersedia`.
        func stateCell(_ open: Bool) -> String { open ? text(en: "Open", id: "Tersedia") : "–" }

        /// `cancel: open`; `batalkan: tersedia`.
        func result(_ action: Action, _ open: Bool) -> String { "\(self.action(action)): \(state(open))" }

        // MARK: Trace and reasons

        var retentionRule: String {
            text(
                en: "The portal keeps transactions for the policy's number of months; older ones come from your Midtrans PIC",
                id: "Portal menyimpan transaksi selama jumlah bulan dalam kebijakan; data yang lebih lama bisa diminta ke PIC Midtrans Anda"
            )
        }

        func kept(made: String, months: Int, until: String) -> String {
            text(en: "made \(made); kept \(months) months, until \(until)", id: "dibuat \(made); disimpan \(months) bulan, sampai \(until)")
        }

        func inPortal(_ flag: Bool) -> String {
            flag ? text(en: "in the portal", id: "ada di portal") : text(en: "no longer in the portal", id: "sudah tidak ada di portal")
        }

        func tooOld(months: Int) -> String {
            text(
                en: "older than \(months) months: ask your Midtrans PIC for it",
                id: "berusia lebih dari \(months) bulan: minta datanya ke PIC Midtrans Anda"
            )
        }

        func tooOldHeadline(months: Int) -> String {
            text(
                en: "Nothing in the portal: the transaction is \(tooOld(months: months)).",
                id: "Tidak ada di portal: transaksi ini \(tooOld(months: months))."
            )
        }

        var keptUntilLabel: String { text(en: "Kept until", id: "Disimpan sampai") }

        func viewReason(menu: String) -> String {
            text(
                en: "search \(menu) and open its page and status history",
                id: "cari di \(menu), lalu buka halaman dan riwayat statusnya"
            )
        }

        var viewRule: String {
            text(
                en: "Transactions are searched and opened, with their details and status history, from the transactions menu",
                id: "Transaksi dicari dan dibuka, lengkap dengan detail dan riwayat statusnya, dari menu transaksi"
            )
        }

        var cancelRule: String {
            text(
                en: "A card payment is cancelled from its detail page before it settles",
                id: "Pembayaran kartu dibatalkan dari halaman detailnya sebelum settlement"
            )
        }

        func until(_ deadline: String?) -> String {
            text(en: "until ", id: "sampai ") + (deadline ?? text(en: "it is paid or expires", id: "dibayar atau kedaluwarsa"))
        }

        var challengeRule: String {
            text(
                en: "Only a payment flagged as Challenge is accepted or denied, from its detail page",
                id: "Hanya pembayaran yang ditandai Challenge yang bisa di-accept atau di-deny, dari halaman detailnya"
            )
        }

        func challengeResult(_ open: Bool, menu: String) -> String {
            open
                ? text(en: "accept or deny: open, from \(menu)", id: "accept atau deny: tersedia, dari \(menu)")
                : text(en: "accept or deny: closed", id: "accept atau deny: tidak tersedia")
        }

        func challengeReason(_ open: Bool, fraudStatus: String) -> String {
            open
                ? text(en: "the payment waits for your review", id: "pembayaran menunggu peninjauan Anda")
                : text(en: "only for fraud_status challenge, not \(fraudStatus)", id: "hanya untuk fraud_status challenge, bukan \(fraudStatus)")
        }

        var refundRule: String {
            text(
                en: "A settled payment is refunded from its detail page, where the method allows",
                id: "Pembayaran yang sudah settlement di-refund dari halaman detailnya, jika metodenya mendukung"
            )
        }

        func refundResult(_ open: Bool) -> String {
            open
                ? text(en: "refund: open, if the method supports portal refunds", id: "refund: tersedia, jika metodenya mendukung refund lewat portal")
                : text(en: "refund: closed", id: "refund: tidak tersedia")
        }

        func refundReason(_ open: Bool, status: String) -> String {
            open
                ? text(
                    en: "where the method supports it; no Refund button means asking your Midtrans PIC",
                    id: "jika metodenya mendukung; jika tidak ada tombol Refund, hubungi PIC Midtrans Anda"
                )
                : text(
                    en: "only a settled payment is refunded, not one in \(status)",
                    id: "hanya pembayaran yang sudah settlement yang bisa di-refund, bukan yang berstatus \(status)"
                )
        }

        var reportRule: String {
            text(
                en: "Search results can be sent by email as a report, which should arrive within the policy's minutes",
                id: "Hasil pencarian bisa dikirim ke email sebagai laporan, yang seharusnya masuk dalam jumlah menit dalam kebijakan"
            )
        }

        func reportResult(minutes: Int) -> String {
            text(en: "report: open; expect it within \(minutes) minutes", id: "laporan: tersedia; seharusnya masuk dalam \(minutes) menit")
        }

        func reportReason(menu: String, minutes: Int) -> String {
            text(
                en: "Send to Email from \(menu); it should arrive within \(minutes) minutes",
                id: "Send to Email dari \(menu); laporan seharusnya masuk dalam \(minutes) menit"
            )
        }

        func headline(open: [Action], closed: [Action]) -> String {
            text(en: "Open now: ", id: "Tersedia sekarang: ") + open.map(action).joined(separator: ", ")
                + (closed.isEmpty ? "." : text(en: "; closed: ", id: "; tidak tersedia: ") + closed.map(action).joined(separator: ", ") + ".")
        }

        func detail(_ open: Bool, _ reason: String) -> String { state(open) + ": " + reason }

        // MARK: Scenarios

        var cardSuccess: String { text(en: "Card, Success", id: "Kartu, Success") }
        var cardChallenge: String { text(en: "Card, Challenge", id: "Kartu, Challenge") }
        var cardSettled: String { text(en: "Card, settled", id: "Kartu, settlement") }
        var cardDenied: String { text(en: "Card, denied", id: "Kartu, ditolak") }
        func pending(_ method: String) -> String { "\(method), pending" }

        func cardSettledOld(months: Int) -> String {
            text(en: "Card, settled, \(months) months old", id: "Kartu, settlement, berusia \(months) bulan")
        }

        var tableTitle: String { text(en: "Which actions are open", id: "Tindakan yang tersedia") }
        func tableNote(at time: String) -> String { text(en: "Each row is a run at \(time).", id: "Setiap baris adalah simulasi pada \(time).") }
        var tableColumns: [String] { [text(en: "Transaction", id: "Transaksi")] + Action.allCases.map(actionHeading) }
    }
}

extension TransactionActionsSimulator.Verdict {
    public func label(in language: Language) -> String {
        TransactionActionsSimulator.Phrases(language: language).verdict(self)
    }
}
