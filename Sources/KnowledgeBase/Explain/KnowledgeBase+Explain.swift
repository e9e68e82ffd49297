public import Foundation
import KBContent
import KBFlows

extension KnowledgeBase {
    /// Explains a Midtrans response, notification or redirect in this edition's language,
    /// from the facts of its content: the response-code table, the articles, the policy
    /// values and the simulators.
    ///
    /// - Parameters:
    ///   - serverKey: the merchant's server key, to check `signature_key`; it is used for
    ///     the digest only and never appears in the explanation.
    ///   - now: the moment the suggested `kb simulate` command should run at, if not the current time.
    public func explain(_ message: MidtransMessage, serverKey: String? = nil, now: Date? = nil) -> Explanation {
        Explainer(knowledgeBase: self, message: message, now: now).explanation(serverKey: serverKey)
    }
}

/// Builds one ``Explanation``; every sentence in both languages side by side.
struct Explainer {
    let knowledgeBase: KnowledgeBase
    let message: MidtransMessage
    let now: Date?

    var content: Content { knowledgeBase.content }
    var language: Language { knowledgeBase.language }

    func t(_ english: String, _ indonesian: String) -> String {
        switch language {
        case .english: english
        case .indonesian: indonesian
        }
    }

    var isCard: Bool { message.paymentType == "credit_card" || message.paymentType == "card" }

    func explanation(serverKey: String?) -> Explanation {
        var why: [String] = []
        var next: [String] = []
        var read: [String] = []
        var codes: [String] = []
        var simulate: String?
        var bankCode: Explanation.BankCode?
        let state = self.state
        let headline: String

        if let code = message.statusCode, let meaning = statusCodeMeaning(code) {
            why.append("status_code \(code): " + meaning)
        }
        if let status = message.transactionStatus {
            why.append("transaction_status \(status): " + (transactionStatusMeaning(status) ?? t("not a status kb knows.", "bukan status yang dikenal kb.")))
        }
        if let fraud = message.fraudStatus {
            why.append("fraud_status \(fraud): " + (fraudStatusMeaning(fraud) ?? t("not a value kb knows.", "bukan nilai yang dikenal kb.")))
        }
        if let text = message.statusMessage { why.append("status_message: “\(text)”") }

        let fraudEmail = content.policies.text("support.fraud_email") ?? "operations.fraud@midtrans.com"
        let challengeMenu = content.policies.text("fraud.challenge_menu") ?? "Transactions"
        switch state {
        case .paid:
            headline = message.transactionStatus == "capture"
                ? t("Paid: the card payment was captured and passed fraud screening; it settles by itself.",
                    "Lunas: pembayaran kartu sudah di-capture dan lolos pemeriksaan fraud; dana akan settle dengan sendirinya.")
                : t("Paid: the payment is settled.", "Lunas: pembayaran sudah settlement.")
            next.append(t("Fulfil the order.", "Proses pesanan."))
            if message.transactionStatus == "capture" {
                next.append(t("To call it off before settlement, cancel it; after settlement, refund it.",
                              "Untuk membatalkannya sebelum settlement, lakukan cancel; setelah settlement, lakukan refund."))
                simulate = cancelCommand()
            } else {
                next.append(t("To give the money back, refund it where the payment method supports refunds.",
                              "Untuk mengembalikan dana, lakukan refund jika metode pembayarannya mendukung refund."))
                read.append("refund-transaction")
            }
            read.append("transaction-statuses")
        case .onHold:
            headline = t("On hold: the card payment was captured, but fraud detection flagged it for your review.",
                         "Ditahan: pembayaran kartu sudah di-capture, tetapi sistem deteksi fraud menandainya untuk Anda tinjau.")
            next.append(t("Don't ship yet. Check the order and the customer.", "Jangan kirim pesanan dulu. Periksa pesanan dan pelanggannya."))
            next.append(t("Then Accept or Deny it in the portal (\(challengeMenu), open the order) or with the Approve or Deny API.",
                          "Lalu pilih Accept atau Deny di portal (\(challengeMenu), buka pesanannya) atau lewat API Approve atau Deny."))
            next.append(t("If nobody decides, Midtrans cancels it at settlement time.",
                          "Jika tidak ada keputusan, Midtrans membatalkannya saat waktu settlement."))
            read.append("challenged-transactions")
            simulate = command("transaction-actions", statusInputs())
        case .denied:
            if message.fraudStatus == "deny" {
                headline = t("Denied by Midtrans fraud detection: the payment did not go through.",
                             "Ditolak oleh deteksi fraud Midtrans: pembayaran tidak berhasil.")
                next.append(t("Don't fulfil the order.", "Jangan proses pesanan."))
                next.append(t("For a customer you trust, email \(fraudEmail) with the customer's email address to ask for a whitelist.",
                              "Untuk pelanggan yang Anda percaya, kirim email ke \(fraudEmail) dengan alamat email pelanggan untuk meminta whitelist."))
                simulate = command("card-denied", [("stopped_at", "fraud-detection")])
                read.append(content.article("bank-response-codes") != nil ? "bank-response-codes" : "transaction-statuses")
            } else if let raw = message.channelResponseCode, let code = content.responseCode(raw) {
                bankCode = Explanation.BankCode(
                    code: code.code, name: code.name, responseClass: code.responseClass, retry: code.retry, meaning: code.meaning,
                    merchantAction: code.merchantAction, customerMessage: code.customerMessage
                )
                headline = t("Denied by the card's bank: code \(code.code), \(code.name) (\(className(code.responseClass))).",
                             "Ditolak oleh bank penerbit kartu: kode \(code.code), \(code.name) (\(className(code.responseClass))).")
                why.append("channel_response_code \(code.code): " + code.meaning)
                next.append(retryAdvice(code.retry))
                next.append(code.merchantAction)
                next.append(t("Tell the customer: “\(code.customerMessage)”", "Sampaikan ke pelanggan: “\(code.customerMessage)”"))
                codes.append(code.code)
                read.append("bank-response-codes")
                simulate = command("card-denied", [("stopped_at", "issuing-bank"), ("code", code.code)])
            } else {
                if let raw = message.channelResponseCode {
                    why.append(t("channel_response_code \(raw) is not in the response-code table.",
                                 "channel_response_code \(raw) tidak ada di tabel kode respons."))
                }
                headline = t("Denied: the bank or payment provider refused the payment.",
                             "Ditolak: bank atau penyedia pembayaran menolak pembayaran ini.")
                next.append(t("Don't fulfil the order. Ask the customer to pay again with another card or method.",
                              "Jangan proses pesanan. Minta pelanggan membayar ulang dengan kartu atau metode lain."))
                read.append(isCard ? "bank-response-codes" : "transaction-statuses")
            }
        case .pending:
            headline = t("Pending: Midtrans is waiting for the customer to pay.", "Pending: Midtrans sedang menunggu pelanggan membayar.")
            next.append(t("Don't ship yet. Wait for the notification that says settlement (capture for cards).",
                          "Jangan kirim pesanan dulu. Tunggu notifikasi dengan status settlement (capture untuk kartu)."))
            if isCard, let minutes = content.policies.text("expiry.card_3ds_minutes") {
                next.append(t("A card payment waiting for 3-D Secure expires after \(minutes) minutes.",
                              "Pembayaran kartu yang menunggu 3-D Secure kedaluwarsa setelah \(minutes) menit."))
            }
            read.append("payment-expiry")
            simulate = cancelCommand()
        case .authorized:
            headline = t("Authorized: the card's funds are reserved but not captured yet.",
                         "Authorize: dana di kartu sudah dicadangkan tetapi belum di-capture.")
            next.append(t("Capture it with the Capture API to collect the money, or let it be released.",
                          "Lakukan capture lewat API Capture untuk menagih dananya, atau biarkan dilepas."))
            read.append("transaction-statuses")
            simulate = cancelCommand()
        case .cancelled:
            headline = t("Cancelled: the payment was called off and no money is collected.",
                         "Dibatalkan: pembayaran dibatalkan dan tidak ada dana yang ditagih.")
            next.append(t("Don't ship. If the customer still wants the order, create a new payment.",
                          "Jangan kirim pesanan. Jika pelanggan masih ingin membeli, buat pembayaran baru."))
            read.append("cancel-transaction")
        case .expired:
            headline = t("Expired: the customer did not pay in time.", "Kedaluwarsa: pelanggan tidak membayar tepat waktu.")
            next.append(t("Don't ship. The order_id can be used again for a new payment.",
                          "Jangan kirim pesanan. order_id ini bisa dipakai lagi untuk pembayaran baru."))
            read.append("payment-expiry")
        case .failed:
            headline = t("Failed: a processing error, often a bank that did not answer.",
                         "Gagal: terjadi kesalahan pemrosesan, sering kali karena bank tidak merespons.")
            next.append(t("Ask the customer to pay again; if it keeps failing, contact Midtrans support with the order_id.",
                          "Minta pelanggan membayar ulang; jika terus gagal, hubungi tim support Midtrans dengan menyertakan order_id."))
            read.append("transaction-statuses")
        case .refunded:
            headline = message.transactionStatus == "partial_refund"
                ? t("Partly refunded: part of the amount went back to the customer.", "Refund sebagian: sebagian dana sudah dikembalikan ke pelanggan.")
                : t("Refunded: the amount went back to the customer.", "Refund: dana sudah dikembalikan ke pelanggan.")
            next.append(t("Nothing to collect; check the refund in the portal under Transactions.",
                          "Tidak ada yang perlu ditagih; periksa refund di portal pada menu Transactions."))
            read.append("refund-transaction")
        case .chargedBack:
            headline = t("Charged back: the customer's bank took the money back.", "Chargeback: bank pelanggan menarik kembali dananya.")
            next.append(t("Contact Midtrans support with the order_id if you want to dispute it.",
                          "Hubungi tim support Midtrans dengan menyertakan order_id jika Anda ingin menyanggahnya."))
            read.append("transaction-statuses")
        case .requestFailed:
            let code = message.statusCode ?? ""
            headline = t("The API refused the request (status_code \(code)); no payment state came back.",
                         "API menolak permintaan ini (status_code \(code)); tidak ada status pembayaran yang dikembalikan.")
            next.append(requestAdvice(code))
            read.append("api-status-codes")
        case .unknown:
            headline = t("kb cannot tell the payment's state: the message has no transaction_status it knows.",
                         "kb tidak dapat menentukan status pembayaran: pesan ini tidak memuat transaction_status yang dikenal.")
            next.append(t("Ask Midtrans for the transaction's status (GET /v2/{order_id}/status) and explain that answer.",
                          "Minta status transaksi ke Midtrans (GET /v2/{order_id}/status), lalu jelaskan jawabannya dengan kb explain."))
            read.append("api-status-codes")
        }
        if state == .paid, let code = message.statusCode, code != "200" {
            why.append(t("A paid payment normally comes with status_code 200; check it with GET /v2/{order_id}/status.",
                         "Pembayaran yang lunas biasanya memiliki status_code 200; periksa dengan GET /v2/{order_id}/status."))
        }

        var notes: [String] = []
        let signature = signatureCheck(serverKey: serverKey)
        if signature != nil || message.signatureKey != nil { read.append("verify-notification-signature") }
        if message.source == .redirect {
            notes.append(t("A redirect URL only says where the customer was sent; trust the notification or GET status before you ship.",
                           "URL redirect hanya menunjukkan ke mana pelanggan diarahkan; andalkan notifikasi atau GET status sebelum mengirim pesanan."))
        }
        if message.transactionStatus == nil, state != .requestFailed {
            notes.append(t("No transaction_status in the message.", "Pesan ini tidak memuat transaction_status."))
        }
        if !message.otherFields.isEmpty {
            notes.append(t("Not read: ", "Tidak dibaca: ") + message.otherFields.joined(separator: ", ") + ".")
        }
        return Explanation(
            message: message, state: state, paid: state == .paid, headline: headline, why: why, next: next, bankCode: bankCode,
            signature: signature, read: readings(articles: read, codes: codes), simulate: simulate, notes: notes,
            language: language.code
        )
    }

    /// The state by the "paid" rule.
    var state: Explanation.State {
        let fraud = message.fraudStatus
        switch message.transactionStatus {
        case "settlement": return fraud == "deny" ? .denied : fraud == "challenge" ? .onHold : .paid
        case "capture":
            if fraud == "challenge" { return .onHold }
            if fraud == "deny" { return .denied }
            return .paid
        case "pending": return .pending
        case "authorize": return .authorized
        case "deny": return .denied
        case "cancel": return .cancelled
        case "expire": return .expired
        case "failure": return .failed
        case "refund", "partial_refund": return .refunded
        case "chargeback", "partial_chargeback": return .chargedBack
        case nil:
            if fraud == "deny" { return .denied }
            if let code = message.statusCode, let number = Int(code), number >= 300, number != 407 { return .requestFailed }
            if message.statusCode == "407" { return .expired }
            return .unknown
        default: return .unknown
        }
    }

    func readings(articles: [String], codes: [String]) -> [Explanation.Reading] {
        let lang = language == .source ? "" : " --lang \(language.code)"
        var seen: Set<String> = []
        var result: [Explanation.Reading] = []
        for code in codes {
            guard let entry = content.responseCode(code) else { continue }
            result.append(Explanation.Reading(kind: .code, id: code, title: entry.name, command: "kb code \(code)\(lang)"))
        }
        for slug in articles where seen.insert(slug).inserted {
            guard let article = content.article(slug) else { continue }
            result.append(Explanation.Reading(kind: .article, id: slug, title: article.title, command: "kb show \(slug)\(lang)"))
        }
        return result
    }

    /// `kb simulate FLOW --set …`, each value one shell word, with `--now` and `--lang` as given.
    func command(_ flow: String, _ inputs: [(String, String)]) -> String? {
        guard knowledgeBase.flows.flow(flow) != nil else { return nil }
        var words = ["kb", "simulate", flow]
        for (name, value) in inputs { words += ["--set", ShellWord.quoted("\(name)=\(value)")] }
        if let now { words += ["--now", FlowTime.iso(now, in: TimeZone(secondsFromGMT: 0) ?? .current)] }
        if language != .source { words += ["--lang", language.code] }
        return words.joined(separator: " ")
    }

    /// The transaction as the cancel and actions simulators take it, when it is a card payment.
    func statusInputs() -> [(String, String)] {
        var inputs: [(String, String)] = [("payment_type", "credit_card")]
        if let status = message.transactionStatus { inputs.append(("status", status)) }
        if let fraud = message.fraudStatus { inputs.append(("fraud_status", fraud)) }
        if let time = message.transactionTime { inputs.append(("transaction_time", time)) }
        return inputs
    }

    func cancelCommand() -> String? {
        guard isCard, message.transactionTime != nil else { return nil }
        return command("cancel-transaction", statusInputs())
    }

    func signatureCheck(serverKey: String?) -> Explanation.Signature? {
        guard let serverKey, !serverKey.isEmpty else {
            guard message.signatureKey != nil else { return nil }
            return Explanation.Signature(matches: nil, text: t(
                "signature_key not checked: give the server key (--server-key or MIDTRANS_SERVER_KEY) to check it.",
                "signature_key belum diperiksa: berikan server key (--server-key atau MIDTRANS_SERVER_KEY) untuk memeriksanya."
            ))
        }
        guard let given = message.signatureKey else {
            return Explanation.Signature(matches: nil, text: t(
                "No signature_key to check: API responses and redirects have none; notifications do.",
                "Tidak ada signature_key untuk diperiksa: respons API dan redirect tidak memilikinya; notifikasi memilikinya."
            ))
        }
        guard let order = message.orderID, let status = message.statusCode, let amount = message.grossAmount else {
            return Explanation.Signature(matches: nil, text: t(
                "The signature cannot be checked: it needs order_id, status_code and gross_amount as sent.",
                "Signature tidak dapat diperiksa: diperlukan order_id, status_code, dan gross_amount persis seperti yang dikirim."
            ))
        }
        let expected = SHA512.hex(order + status + amount + serverKey)
        if expected == given.lowercased() {
            return Explanation.Signature(matches: true, text: t(
                "The signature matches: this notification was signed with your server key.",
                "Signature cocok: notifikasi ini ditandatangani dengan server key Anda."
            ))
        }
        return Explanation.Signature(matches: false, text: t(
            "The signature does not match: don't act on this notification. Check that the server key is this environment's "
                + "(sandbox or production), then confirm the status with GET /v2/{order_id}/status.",
            "Signature tidak cocok: jangan tindak lanjuti notifikasi ini. Pastikan server key sesuai lingkungannya "
                + "(sandbox atau production), lalu pastikan statusnya dengan GET /v2/{order_id}/status."
        ))
    }

    func className(_ responseClass: ResponseClass) -> String {
        switch responseClass {
        case .approved: t("approved", "disetujui")
        case .softDecline: t("soft decline", "soft decline")
        case .hardDecline: t("hard decline", "hard decline")
        case .fraud: t("suspected fraud", "dugaan fraud")
        case .technical: t("technical", "masalah teknis")
        case .referral: t("refer to the bank", "rujuk ke bank")
        }
    }

    func retryAdvice(_ retry: RetryAdvice) -> String {
        switch retry {
        case .yes: t("Retrying is fine.", "Boleh dicoba lagi.")
        case .later: t("Don't retry now; ask the customer for another card or a top-up, or retry later, spaced out.",
                       "Jangan coba lagi sekarang; minta pelanggan memakai kartu lain atau mengisi saldo, atau coba lagi nanti dengan jeda.")
        case .no: t("Don't retry this card.", "Jangan coba lagi dengan kartu ini.")
        }
    }

    func requestAdvice(_ code: String) -> String {
        switch code {
        case "401": t("Check the server key and client key, and that they belong to this environment (sandbox or production).",
                      "Periksa server key dan client key, dan pastikan keduanya sesuai lingkungannya (sandbox atau production).")
        case "402": t("Ask Midtrans to activate this payment method on your account.",
                      "Minta Midtrans mengaktifkan metode pembayaran ini di akun Anda.")
        case "404": t("Check the order_id; for Snap, the status exists only once the customer picks a method.",
                      "Periksa order_id; untuk Snap, status baru ada setelah pelanggan memilih metode pembayaran.")
        case "406": t("Use a new order_id, or cancel the pending transaction to use this one again.",
                      "Gunakan order_id baru, atau batalkan transaksi pending agar order_id ini bisa dipakai lagi.")
        case "412": t("This action is not allowed in the transaction's current status; check the status first.",
                      "Tindakan ini tidak diizinkan pada status transaksi saat ini; periksa statusnya terlebih dahulu.")
        case "429": t("Slow down and retry after a pause.", "Kurangi frekuensi permintaan dan coba lagi setelah jeda.")
        default:
            if code.hasPrefix("5") || code == "900" {
                t("Retry later; if it persists, ask Midtrans support whether a retry is safe.",
                  "Coba lagi nanti; jika terus terjadi, tanyakan ke tim support Midtrans apakah aman untuk mencoba lagi.")
            } else {
                t("Fix the request as status_message says, then send it again.",
                  "Perbaiki permintaan sesuai status_message, lalu kirim ulang.")
            }
        }
    }

    func statusCodeMeaning(_ code: String) -> String? {
        switch code {
        case "200": t("the request succeeded.", "permintaan berhasil.")
        case "201": t("the transaction was created and is waiting (for the customer, or for 3-D Secure).",
                      "transaksi dibuat dan sedang menunggu (pembayaran pelanggan, atau 3-D Secure).")
        case "202": t("the transaction was denied, by the bank, the payment provider or fraud detection.",
                      "transaksi ditolak oleh bank, penyedia pembayaran, atau deteksi fraud.")
        case "400": t("the request's data is invalid (a missing or wrong parameter).", "data permintaan tidak valid (parameter kosong atau salah).")
        case "401": t("access denied: the key is wrong or for the other environment.", "akses ditolak: key salah atau milik lingkungan lain.")
        case "402": t("this payment method is not active on the account.", "metode pembayaran ini belum aktif di akun.")
        case "404": t("the transaction was not found.", "transaksi tidak ditemukan.")
        case "406": t("the order_id was already used.", "order_id sudah pernah dipakai.")
        case "407": t("the transaction has expired.", "transaksi sudah kedaluwarsa.")
        case "411": t("the card token is missing, invalid or timed out.", "token kartu kosong, tidak valid, atau sudah habis waktunya.")
        case "412": t("the transaction's status cannot be changed this way.", "status transaksi tidak bisa diubah dengan cara ini.")
        case "429": t("too many requests: the API's rate limit was hit.", "terlalu banyak permintaan: batas rate API terlampaui.")
        case "500", "502", "503", "504", "505", "900":
            t("an error on Midtrans' or the bank's side, usually temporary.", "kesalahan di sisi Midtrans atau bank, biasanya sementara.")
        default: nil
        }
    }

    func transactionStatusMeaning(_ status: String) -> String? {
        switch status {
        case "pending": t("waiting for the customer to pay.", "menunggu pelanggan membayar.")
        case "authorize": t("card funds reserved, not captured.", "dana kartu dicadangkan, belum di-capture.")
        case "capture": t("the card payment succeeded and was captured; it settles by itself.",
                          "pembayaran kartu berhasil dan sudah di-capture; dana akan settle dengan sendirinya.")
        case "settlement": t("settled: the money is received.", "settlement: dana sudah diterima.")
        case "deny": t("refused by the bank, the provider or fraud detection.", "ditolak oleh bank, penyedia pembayaran, atau deteksi fraud.")
        case "cancel": t("cancelled by the merchant or by Midtrans.", "dibatalkan oleh merchant atau oleh Midtrans.")
        case "expire": t("not paid in time.", "tidak dibayar tepat waktu.")
        case "failure": t("a processing error, rare.", "kesalahan pemrosesan, jarang terjadi.")
        case "refund": t("refunded in full.", "sudah di-refund penuh.")
        case "partial_refund": t("part of it refunded.", "sebagian sudah di-refund.")
        case "chargeback": t("charged back in full.", "terkena chargeback penuh.")
        case "partial_chargeback": t("part of it charged back.", "sebagian terkena chargeback.")
        default: nil
        }
    }

    func fraudStatusMeaning(_ status: String) -> String? {
        switch status {
        case "accept": t("fraud detection let it through.", "lolos pemeriksaan fraud.")
        case "challenge": t("fraud detection asks you to review it.", "deteksi fraud meminta Anda meninjaunya.")
        case "deny": t("fraud detection refused it.", "ditolak oleh deteksi fraud.")
        default: nil
        }
    }
}
