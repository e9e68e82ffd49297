public import KBContent

extension CancelTransactionSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `cancel-transaction` writes for people, in one language (also what
    /// `transaction-actions` quotes of it).
    struct Phrases: Phrasebook {
        var language: Language

        var title: String { text(en: "Can this transaction still be cancelled?", id: "Apakah transaksi ini masih bisa dibatalkan?") }

        // MARK: Input

        var paymentTypeHelp: String {
            text(
                en: "How the customer paid: credit_card (a card payment; card is read the same), or a pending-payment method",
                id: "Cara pelanggan membayar: credit_card (pembayaran kartu; card juga diterima), atau salah satu metode pembayaran pending"
            )
        }

        var statusHelp: String {
            text(
                en: "The transaction_status now (a paid card payment is capture; authorize is a card pre-authorization)",
                id: "transaction_status saat ini (pembayaran kartu yang lunas berstatus capture; authorize adalah pre-authorization kartu)"
            )
        }

        var fraudStatusHelp: String {
            text(en: "The fraud_status (none where the method has none)", id: "fraud_status (none jika metodenya tidak memilikinya)")
        }

        var transactionTimeHelp: String { text(en: "When the transaction was made", id: "Waktu transaksi dibuat") }

        func cardStatus(_ status: Status, paymentType: String) -> String {
            text(
                en: "\(status.rawValue) is a card status, not one of \(paymentType)",
                id: "\(status.rawValue) adalah status pembayaran kartu, bukan status \(paymentType)"
            )
        }

        func cardStatusHint(paymentType: String) -> String {
            text(
                en: "use payment_type \(CancelTransactionSimulator.creditCard), or the status of a \(paymentType) payment such as pending or settlement",
                id: "gunakan payment_type \(CancelTransactionSimulator.creditCard), atau status pembayaran \(paymentType) seperti pending atau settlement"
            )
        }

        func challengeOnlyCapture(paymentType: String, _ status: Status) -> String {
            text(
                en: "challenge comes only with card payments in status capture, not \(paymentType) in \(status.rawValue)",
                id: "challenge hanya berlaku untuk pembayaran kartu berstatus capture, bukan \(paymentType) berstatus \(status.rawValue)"
            )
        }

        var challengeHint: String { text(en: "use accept, deny or none", id: "gunakan accept, deny, atau none") }

        func afterNow(_ time: String, now: String) -> String {
            text(en: "\(time) is after now (\(now))", id: "\(time) terjadi setelah waktu sekarang (\(now))")
        }

        var afterNowHint: String {
            text(
                en: "give the time the transaction was made, or a later --now",
                id: "isi waktu transaksi dibuat, atau --now yang lebih akhir"
            )
        }

        // MARK: Trace

        func status(_ status: String) -> String { "transaction_status \(status)" }

        var endStateRule: String {
            text(
                en: "deny, cancel, expire and failure are end states: the payment was never completed",
                id: "deny, cancel, expire, dan failure adalah status akhir: pembayaran tidak pernah selesai"
            )
        }

        var nothingToCancel: String { text(en: "nothing to cancel", id: "tidak ada yang perlu dibatalkan") }

        func endedAs(_ status: String) -> String {
            text(
                en: "the transaction ended as \(status); no money was taken",
                id: "transaksi berakhir dengan status \(status); tidak ada dana yang terpotong"
            )
        }

        var refundedRule: String {
            text(
                en: "Once the cut-off has passed the payment settles, and only a refund returns the money",
                id: "Setelah batas waktu lewat, pembayaran masuk settlement, dan dana hanya bisa dikembalikan lewat refund"
            )
        }

        func settledThenReturned(_ status: String) -> String {
            text(
                en: "transaction_status \(status): settled, then returned",
                id: "transaction_status \(status): sudah settlement, lalu dikembalikan"
            )
        }

        var nothingLeft: String { text(en: "nothing left to cancel", id: "tidak ada lagi yang bisa dibatalkan") }

        func alreadyMarked(_ status: String) -> String {
            text(
                en: "the transaction settled and is already marked \(status)",
                id: "transaksi sudah settlement dan sudah berstatus \(status)"
            )
        }

        var settledRule: String {
            text(
                en: "A settled transaction can no longer be cancelled; refund it where the method allows",
                id: "Transaksi yang sudah settlement tidak bisa dibatalkan lagi; lakukan refund jika metodenya mendukung"
            )
        }

        var cancelRefused: String { text(en: "cancel refused; refund instead", id: "pembatalan ditolak; lakukan refund") }
        var hasSettled: String { text(en: "the transaction has settled", id: "transaksi sudah settlement") }

        var refundAlternative: String {
            text(
                en: "refund it where the payment method supports refunds (see the article on refunding a payment)",
                id: "lakukan refund jika metode pembayarannya mendukung (lihat artikel tentang refund pembayaran)"
            )
        }

        var authorizeRule: String {
            text(
                en: "Whether a pre-authorized card payment can be cancelled before it is captured depends on the acquiring bank; "
                    + "some accept a cancel only after the capture",
                id: "Bisa atau tidaknya pembayaran kartu pre-authorization dibatalkan sebelum di-capture bergantung pada bank acquirer; "
                    + "ada bank yang baru menerima pembatalan setelah capture"
            )
        }

        var authorizeCompared: String {
            text(
                en: "transaction_status authorize (funds reserved, not captured)",
                id: "transaction_status authorize (dana ditahan, belum di-capture)"
            )
        }

        var authorizeResult: String {
            text(
                en: "not cancellable as such; ask Midtrans how the acquirer handles it",
                id: "tidak bisa dibatalkan begitu saja; tanyakan ke Midtrans bagaimana bank acquirer menanganinya"
            )
        }

        var authorizeReason: String {
            text(
                en: "whether a pre-authorized (authorize) card payment can be cancelled before capture depends on the acquiring bank",
                id: "bisa atau tidaknya pembayaran kartu pre-authorization (authorize) dibatalkan sebelum capture bergantung pada bank acquirer"
            )
        }

        var authorizeAlternative: String {
            text(
                en: "ask Midtrans how your acquirer handles it; some banks accept a cancel only after the capture, before the cut-off",
                id: "tanyakan ke Midtrans bagaimana bank acquirer Anda menanganinya; ada bank yang baru menerima pembatalan setelah capture, "
                    + "sebelum batas waktu"
            )
        }

        var cardStatusRule: String {
            text(
                en: "A card payment can be cancelled only in the policy's card statuses, shown as Success in the portal",
                id: "Pembayaran kartu hanya bisa dibatalkan jika statusnya termasuk status kartu dalam kebijakan, yang tampil sebagai Success di portal"
            )
        }

        func allowsCancel(_ flag: Bool) -> String {
            flag
                ? text(en: "status allows a cancel", id: "status ini mengizinkan pembatalan")
                : text(en: "status does not allow a cancel", id: "status ini tidak mengizinkan pembatalan")
        }

        var pendingCardRule: String {
            text(
                en: "A card payment waiting for 3-D Secure expires if the customer does not finish in time",
                id: "Pembayaran kartu yang menunggu 3D Secure akan kedaluwarsa jika pelanggan tidak menyelesaikannya tepat waktu"
            )
        }

        func pendingCardCompared(minutes: Int) -> String {
            text(
                en: "card pending; expiry.card_3ds_minutes \(minutes) min",
                id: "kartu pending; expiry.card_3ds_minutes \(minutes) menit"
            )
        }

        func letItExpire(minutes: Int) -> String {
            text(
                en: "let it expire, \(minutes) minutes after it started; no money is taken",
                id: "biarkan kedaluwarsa, \(minutes) menit setelah dimulai; tidak ada dana yang terpotong"
            )
        }

        func cardCannot(_ status: String) -> String {
            text(en: "a card payment in status \(status) cannot be cancelled", id: "pembayaran kartu berstatus \(status) tidak bisa dibatalkan")
        }

        func expiresByItself(minutes: Int) -> String {
            text(
                en: "the unfinished card payment expires by itself after \(minutes) minutes",
                id: "pembayaran kartu yang belum selesai akan kedaluwarsa dengan sendirinya setelah \(minutes) menit"
            )
        }

        var challengeRule: String {
            text(
                en: "A payment waiting for fraud review (Challenge) is handled with Accept or Deny, not Cancel",
                id: "Pembayaran yang menunggu peninjauan fraud (Challenge) ditangani dengan Accept atau Deny, bukan Cancel"
            )
        }

        var reviewIt: String { text(en: "review it: Accept or Deny", id: "tinjau: Accept atau Deny") }

        var challengeMenuRule: String {
            text(en: "Challenges are reviewed from the portal's transaction list", id: "Transaksi challenge ditinjau dari daftar transaksi di portal")
        }

        func openChallenge(menu: String) -> String {
            text(
                en: "open \(menu), the transaction, then Accept or Deny",
                id: "buka \(menu), buka transaksinya, lalu pilih Accept atau Deny"
            )
        }

        var waitingForReview: String {
            text(en: "the payment is waiting for fraud review", id: "pembayaran sedang menunggu peninjauan fraud")
        }

        func acceptOrDeny(menu: String) -> String {
            text(en: "Accept or Deny it from \(menu)", id: "pilih Accept atau Deny dari \(menu)")
        }

        var cutoffRule: String {
            text(
                en: "A card payment can be cancelled until the cut-off: the policy's days after the day of the transaction, at the policy's time, "
                    + "in the policy's time zone. This is the cut-off usually quoted; it can differ by acquiring bank",
                id: "Pembayaran kartu bisa dibatalkan sampai batas waktu: sejumlah hari dalam kebijakan setelah hari transaksi, pada jam "
                    + "dalam kebijakan, menurut zona waktu dalam kebijakan. Ini batas waktu yang umumnya disebutkan; batas ini bisa berbeda "
                    + "antarbank acquirer"
            )
        }

        func cutoffCompared(made: String, cutoff: String, rule: String, now: String) -> String {
            text(
                en: "transaction \(made) → cut-off \(cutoff) (\(rule)); now \(now)",
                id: "transaksi \(made) → batas waktu \(cutoff) (\(rule)); sekarang \(now)"
            )
        }

        func beforeCutoff(left: String) -> String {
            text(en: "before the cut-off: \(left) left", id: "sebelum batas waktu: sisa \(left)")
        }

        var cutoffPassed: String { text(en: "the cut-off has passed", id: "batas waktu sudah lewat") }

        var passedRule: String {
            text(
                en: "Once the cut-off has passed the payment settles; a cancel is refused and a refund returns the money",
                id: "Setelah batas waktu lewat, pembayaran masuk settlement; pembatalan ditolak, dan dana dikembalikan lewat refund"
            )
        }

        func nowPast(_ cutoff: String) -> String { text(en: "now ≥ cut-off \(cutoff)", id: "sekarang ≥ batas waktu \(cutoff)") }
        var refundInstead: String { text(en: "refund instead", id: "lakukan refund") }

        func passedReason(_ cutoff: String) -> String {
            text(
                en: "the cut-off \(cutoff) has passed; the payment settles",
                id: "batas waktu \(cutoff) sudah lewat; pembayaran masuk settlement"
            )
        }

        func tooLateHeadline(_ cutoff: String) -> String {
            text(
                en: "Too late to cancel: the cut-off was \(cutoff). Refund it instead.",
                id: "Sudah terlambat untuk membatalkan: batas waktunya \(cutoff). Lakukan refund sebagai gantinya."
            )
        }

        func beforeItsCutoff(_ status: String) -> String {
            text(en: "a card payment in status \(status) before its cut-off", id: "pembayaran kartu berstatus \(status) sebelum batas waktunya")
        }

        var pendingRule: String {
            text(
                en: "The Cancel API also stops an unpaid pending payment of the listed methods, before it is paid or expires",
                id: "Cancel API juga bisa menghentikan pembayaran pending yang belum dibayar dengan metode yang terdaftar, "
                    + "sebelum dibayar atau kedaluwarsa"
            )
        }

        func pendingApplies(_ flag: Bool) -> String {
            flag
                ? text(en: "can be cancelled while unpaid", id: "bisa dibatalkan selama belum dibayar")
                : text(en: "this rule does not apply", id: "aturan ini tidak berlaku")
        }

        func methodCannot(_ method: String, _ status: String) -> String {
            text(en: "\(method) in status \(status) cannot be cancelled", id: "\(method) berstatus \(status) tidak bisa dibatalkan")
        }

        func unpaidPending(_ method: String) -> String {
            text(en: "an unpaid pending \(method) payment", id: "pembayaran \(method) pending yang belum dibayar")
        }

        func portalChannel(menu: String) -> String {
            text(en: "portal: \(menu) → the transaction's page → Cancel", id: "portal: \(menu) → halaman transaksi → Cancel")
        }

        var portalRule: String {
            text(en: "Cancel from the transaction's detail page in the portal", id: "Batalkan dari halaman detail transaksi di portal")
        }

        func findAndCancel(menu: String) -> String {
            text(en: "open \(menu), find the order, click Cancel", id: "buka \(menu), cari pesanannya, lalu klik Cancel")
        }

        var apiRule: String {
            text(
                en: "Or POST to the Cancel API on the Core API base URL; status_code 200 and transaction_status cancel confirm it",
                id: "Atau kirim POST ke Cancel API di base URL Core API; status_code 200 dan transaction_status cancel menandakan pembatalan berhasil"
            )
        }

        func until(_ deadline: String, left: String) -> String {
            text(en: " until \(deadline) (\(left) left)", id: " sampai \(deadline) (sisa \(left))")
        }

        var whileUnpaid: String {
            text(en: " while it is unpaid and not expired", id: " selama belum dibayar dan belum kedaluwarsa")
        }

        // MARK: Headlines and details

        func cancellableHeadline(_ until: String) -> String { text(en: "Cancellable", id: "Bisa dibatalkan") + until + "." }

        func notCancellableHeadline(_ reason: String, instead: String?) -> String {
            text(en: "Not cancellable: ", id: "Tidak bisa dibatalkan: ") + reason + "."
                + (instead.map { text(en: " Instead: ", id: " Sebagai gantinya: ") + $0 + "." } ?? "")
        }

        var whyLabel: String { text(en: "Why", id: "Alasan") }
        var insteadLabel: String { text(en: "Instead", id: "Sebagai gantinya") }
        var cutoffLabel: String { text(en: "Cut-off", id: "Batas waktu") }
        var deadlineLabel: String { text(en: "Deadline", id: "Batas waktu") }
        var noteLabel: String { text(en: "Note", id: "Catatan") }

        var acquirerNote: String {
            text(
                en: "this is the cut-off usually quoted; it can differ by acquiring bank, so don't leave the cancel to the last minute",
                id: "ini batas waktu yang umumnya disebutkan; batas ini bisa berbeda antarbank acquirer, jadi jangan menunda pembatalan "
                    + "sampai menit terakhir"
            )
        }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .cancellable: text(en: "Cancellable", id: "Bisa dibatalkan")
            case .notCancellable: text(en: "Not cancellable", id: "Tidak bisa dibatalkan")
            case .nothingToCancel: text(en: "Nothing to cancel", id: "Tidak ada yang bisa dibatalkan")
            case .refundInstead: text(en: "Refund instead", id: "Refund sebagai gantinya")
            case .reviewChallenge: text(en: "Review the challenge", id: "Tinjau challenge")
            }
        }

        /// The card payment type for a table cell, its API value kept in brackets.
        var cardCell: String { text(en: "Card (credit_card)", id: "Kartu (credit_card)") }

        var noTimeLeft: String { text(en: "None", id: "Habis") }
        var triesTitle: String { text(en: "A card payment against its cut-off", id: "Pembayaran kartu dan batas waktunya") }

        func triesNote(made: String) -> String {
            text(
                en: "Each row is a run for a card payment in status capture made at \(made).",
                id: "Setiap baris adalah simulasi untuk pembayaran kartu berstatus capture yang dibuat pada \(made)."
            )
        }

        var triesColumns: [String] {
            [text(en: "Now", id: "Sekarang"), text(en: "Result", id: "Hasil"), cutoffLabel, text(en: "Time left", id: "Sisa waktu")]
        }

        var daysTitle: String { text(en: "Which day counts as D", id: "Hari yang dihitung sebagai D") }

        func daysNote(zone: String) -> String {
            text(
                en: "The cut-off of card captures made at these times, in \(zone).",
                id: "Batas waktu capture kartu yang dibuat pada waktu-waktu ini, dalam \(zone)."
            )
        }

        var daysColumns: [String] {
            [text(en: "Transaction at", id: "Waktu transaksi"), cutoffLabel, text(en: "Time to cancel", id: "Waktu untuk membatalkan")]
        }

        var statusesTitle: String { text(en: "Each kind of status", id: "Setiap jenis status") }

        var statusesNote: String {
            text(en: "Each row is a run one hour after the transaction.", id: "Setiap baris adalah simulasi satu jam setelah transaksi.")
        }

        var statusesColumns: [String] {
            [
                text(en: "Payment type", id: "Tipe pembayaran"), "Status", text(en: "Fraud status", id: "Status fraud"),
                text(en: "Result", id: "Hasil"), insteadLabel,
            ]
        }
    }
}

extension CancelTransactionSimulator.Verdict {
    public func label(in language: Language) -> String {
        CancelTransactionSimulator.Phrases(language: language).verdict(self)
    }
}
