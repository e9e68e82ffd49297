public import KBContent

extension PaymentURLsSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `payment-urls` writes for people, in one language. The portal's names
    /// for the URLs (Finish Redirect URL, …) stay as the portal shows them.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(
                en: "What does Midtrans call, and where does the customer land?",
                id: "Apa yang dipanggil Midtrans, dan ke mana pelanggan diarahkan?"
            )
        }

        /// What the endpoint answered: `HTTP 503`, or no answer.
        func response(_ response: EndpointResponse) -> String {
            switch response {
            case let .status(code): "HTTP \(code)"
            case .timeout: text(en: "no answer", id: "tidak ada jawaban")
            }
        }

        // MARK: Input

        var outcomeHelp: String {
            text(
                en: "How the payment ended: paid, pending (shown how to pay), failed, or closed by the customer",
                id: "Bagaimana pembayaran berakhir: paid (dibayar), pending (pelanggan sudah melihat cara membayar), failed (gagal), "
                    + "atau closed (ditutup pelanggan)"
            )
        }

        var paymentTypeHelp: String {
            text(
                en: "credit_card for a card payment, other for any other method: a paid card payment is reported as capture, other methods as settlement",
                id: "credit_card untuk pembayaran kartu, other untuk metode lain: pembayaran kartu yang lunas dilaporkan sebagai capture, "
                    + "metode lain sebagai settlement"
            )
        }

        var orderHelp: String { text(en: "The order_id of the transaction", id: "order_id transaksi tersebut") }

        func urlHelp(_ label: String) -> String {
            text(en: "The \(label) (empty when not set)", id: "\(label) (kosongkan jika belum diatur)")
        }

        var responseHelp: String {
            text(
                en: "What the notification endpoint answers: an HTTP status from 100 to 599, or timeout",
                id: "Jawaban endpoint notifikasi: status HTTP dari 100 sampai 599, atau timeout"
            )
        }

        func badResponse(_ value: String) -> String {
            text(
                en: "'\(value)' is not an HTTP status from 100 to 599 or timeout",
                id: "'\(value)' bukan status HTTP dari 100 sampai 599 maupun timeout"
            )
        }

        var responseHint: String {
            text(
                en: "give the status your endpoint answers, e.g. 200 or 503, or timeout when it does not answer",
                id: "isi status yang dijawab endpoint Anda, misalnya 200 atau 503, atau timeout jika endpoint tidak menjawab"
            )
        }

        func notAURL(_ value: String) -> String { text(en: "'\(value)' is not a URL", id: "'\(value)' bukan URL") }

        var urlHint: String {
            text(en: "write the full address, e.g. https://shop.example.com/path", id: "tulis alamat lengkapnya, misalnya https://shop.example.com/path")
        }

        // MARK: Trace and timeline

        func paymentEnds(_ outcome: PaymentOutcome) -> String {
            text(en: "the payment ends: \(outcome.rawValue)", id: "pembayaran berakhir: \(outcome.rawValue)")
        }

        var notificationRule: String {
            text(
                en: "Midtrans POSTs to the Payment Notification URL when a payment completes and on every later status change",
                id: "Midtrans mengirim POST ke Payment Notification URL saat pembayaran selesai dan setiap kali statusnya berubah"
            )
        }

        func statusCompared(_ outcome: PaymentOutcome, type: String, transaction: String, code: String) -> String {
            text(
                en: "outcome \(outcome.rawValue), payment_type \(type) → transaction_status \(transaction), status_code \(code)",
                id: "hasil \(outcome.rawValue), payment_type \(type) → transaction_status \(transaction), status_code \(code)"
            )
        }

        var closedCompared: String {
            text(
                en: "outcome closed: the payment was not completed and its status did not change",
                id: "hasil closed: pembayaran tidak diselesaikan dan statusnya tidak berubah"
            )
        }

        func notificationDue(_ due: Bool) -> String {
            due ? text(en: "a notification is due", id: "notifikasi perlu dikirim") : text(en: "no notification", id: "tidak ada notifikasi")
        }

        var nothingToReport: String {
            text(en: "none: no status change to report", id: "tidak ada: tidak ada perubahan status yang perlu dilaporkan")
        }

        var redirectRule: String {
            text(
                en: "The browser goes to the Finish page once the payment flow is done (paid, or shown how to pay), "
                    + "to Unfinish when the customer leaves before finishing, and to Error when the payment fails",
                id: "Browser diarahkan ke halaman Finish setelah alur pembayaran selesai (sudah dibayar, atau pelanggan sudah melihat cara membayar), "
                    + "ke Unfinish jika pelanggan keluar sebelum selesai, dan ke Error jika pembayaran gagal"
            )
        }

        func outcome(_ outcome: PaymentOutcome) -> String { text(en: "outcome \(outcome.rawValue)", id: "hasil \(outcome.rawValue)") }

        /// `the Finish Redirect URL`; `Finish Redirect URL`.
        func page(_ page: RedirectPage) -> String { text(en: "the \(page.label)", id: page.label) }

        var parametersRule: String {
            text(
                en: "Midtrans adds the order and its status to the redirect address; a redirect proves only that the customer came back, not that they paid",
                id: "Midtrans menambahkan order dan statusnya ke alamat redirect; redirect hanya membuktikan bahwa pelanggan kembali, "
                    + "bukan bahwa ia sudah membayar"
            )
        }

        func parameters(_ names: [String], withStatus: Bool) -> String {
            text(en: "parameters ", id: "parameter ") + names.joined(separator: ", ")
                + (withStatus ? "" : text(en: "; no status yet, so only the order is carried", id: "; belum ada status, jadi hanya order yang dibawa"))
        }

        func sentTo(_ page: RedirectPage) -> String { text(en: "sent to the \(page.label)", id: "diarahkan ke \(page.label)") }

        var redirectMenuRule: String {
            text(en: "The redirect URLs are set in the portal's configuration menu", id: "Redirect URL diatur di menu konfigurasi portal")
        }

        func notSet(_ label: String) -> String { text(en: "\(label): not set", id: "\(label): belum diatur") }

        func notSentBack(menu: String) -> String {
            text(
                en: "the customer is not sent back to your site; set it under \(menu)",
                id: "pelanggan tidak diarahkan kembali ke website Anda; atur di \(menu)"
            )
        }

        func landsOn(_ url: String) -> String { text(en: "the customer lands on \(url)", id: "pelanggan tiba di \(url)") }
        func noPage(_ page: RedirectPage) -> String { text(en: "no \(page.label) is set", id: "\(page.label) belum diatur") }

        func headline(notification: String, landing: String) -> String {
            text(en: "Notification: \(notification). Browser: \(landing).", id: "Notifikasi: \(notification). Browser: \(landing).")
        }

        var notificationLabel: String { text(en: "Notification", id: "Notifikasi") }
        var redirectLabel: String { "Redirect" }

        func pageNotSet(_ page: RedirectPage, menu: String) -> String {
            text(en: "\(page.label) not set; set it under \(menu)", id: "\(page.label) belum diatur; atur di \(menu)")
        }

        var fixLabel: String { text(en: "Fix", id: "Solusi") }
        var paidLabel: String { text(en: "Paid?", id: "Sudah dibayar?") }

        var paidAdvice: String {
            text(
                en: "trust the notification or GET status, never the redirect alone",
                id: "percayai notifikasi atau GET status, jangan hanya redirect"
            )
        }

        var notificationMenuRule: String {
            text(
                en: "The Payment Notification URL is set in the portal's configuration menu",
                id: "Payment Notification URL diatur di menu konfigurasi portal"
            )
        }

        var noNotificationURL: String { text(en: "Payment Notification URL: not set", id: "Payment Notification URL: belum diatur") }
        func nothingSent(menu: String) -> String { text(en: "nothing is sent; set it under \(menu)", id: "tidak ada yang dikirim; atur di \(menu)") }
        func setNotificationURL(menu: String) -> String {
            text(en: "set a Payment Notification URL under \(menu)", id: "atur Payment Notification URL di \(menu)")
        }

        var notSentNoURL: String { text(en: "not sent: no URL is set", id: "tidak dikirim: URL belum diatur") }

        var reachableRule: String {
            text(
                en: "The notification URL needs the http:// or https:// prefix and must be reachable from the public internet on a standard port, with no password",
                id: "URL notifikasi harus diawali http:// atau https:// dan bisa dijangkau dari internet publik melalui port standar, tanpa password"
            )
        }

        func cannotDeliver(_ problem: String) -> String { text(en: "cannot be delivered: ", id: "tidak bisa dikirim: ") + problem }
        func notDelivered(_ problem: String) -> String { text(en: "not delivered: ", id: "tidak terkirim: ") + problem }

        func posted(_ transaction: String, _ response: EndpointResponse) -> String {
            text(
                en: "POST notification (transaction_status \(transaction)); your endpoint: \(self.response(response))",
                id: "POST notifikasi (transaction_status \(transaction)); endpoint Anda: \(self.response(response))"
            )
        }

        var acknowledgeRule: String {
            text(
                en: "Your endpoint confirms receipt by answering 2xx before Midtrans's timeout",
                id: "Endpoint Anda mengonfirmasi penerimaan dengan menjawab 2xx sebelum batas waktu Midtrans"
            )
        }

        func withinTimeout(_ response: EndpointResponse, seconds: Int) -> String {
            text(
                en: "\(self.response(response)) within notification.timeout_seconds \(seconds) s",
                id: "\(self.response(response)) dalam notification.timeout_seconds \(seconds) detik"
            )
        }

        func acknowledged(_ flag: Bool) -> String {
            flag
                ? text(en: "delivered: Midtrans counts it as received", id: "terkirim: Midtrans menganggapnya sudah diterima")
                : text(en: "not delivered: no 2xx answer", id: "tidak terkirim: tidak ada jawaban 2xx")
        }

        func deliveredTo(_ url: String, _ response: EndpointResponse) -> String {
            text(en: "delivered to \(url) (\(self.response(response)))", id: "terkirim ke \(url) (\(self.response(response)))")
        }

        var notFollowedRule: String {
            text(en: "Midtrans does not follow these redirects and does not retry", id: "Midtrans tidak mengikuti redirect ini dan tidak mencoba ulang")
        }

        func inNotFollowed(_ code: Int) -> String {
            text(en: "HTTP \(code) in notification.redirects_not_followed", id: "HTTP \(code) ada di notification.redirects_not_followed")
        }

        var notDeliveredNoRetry: String { text(en: "not delivered; no retry", id: "tidak terkirim; tidak ada percobaan ulang") }

        func pointAtFinal(_ code: Int) -> String {
            text(
                en: "point the URL at the final address, not at a redirect (HTTP \(code))",
                id: "arahkan URL ke alamat akhirnya, bukan ke redirect (HTTP \(code))"
            )
        }

        func notFollowedSummary(_ code: Int) -> String {
            text(
                en: "failed: HTTP \(code) is a redirect Midtrans does not follow, and it does not retry",
                id: "gagal: HTTP \(code) adalah redirect yang tidak diikuti Midtrans, dan tidak ada percobaan ulang"
            )
        }

        var followedRule: String {
            text(
                en: "Midtrans follows these redirects with the same POST body, up to the policy's number of redirects",
                id: "Midtrans mengikuti redirect ini dengan body POST yang sama, hingga jumlah redirect dalam kebijakan"
            )
        }

        func inFollowed(_ code: Int, max: Int) -> String {
            text(
                en: "HTTP \(code) in notification.redirects_followed; at most notification.max_redirects_followed \(max)",
                id: "HTTP \(code) ada di notification.redirects_followed; paling banyak notification.max_redirects_followed \(max)"
            )
        }

        var resent: String {
            text(
                en: "re-sent to the new address; what that address answers decides the rest",
                id: "dikirim ulang ke alamat baru; jawaban alamat itu menentukan kelanjutannya"
            )
        }

        func followedSummary(_ code: Int) -> String {
            text(
                en: "redirected (HTTP \(code)): the POST is sent again to the new address",
                id: "dialihkan (HTTP \(code)): POST dikirim lagi ke alamat baru"
            )
        }

        var retriesRule: String {
            text(
                en: "How often Midtrans retries depends on what your endpoint answered",
                id: "Seberapa sering Midtrans mencoba ulang bergantung pada jawaban endpoint Anda"
            )
        }

        func retries(_ count: Int) -> String {
            text(en: "\(count) retr\(count == 1 ? "y" : "ies")", id: "\(count) kali percobaan ulang")
        }

        func retryEvent(_ number: Int, of count: Int, minutes: Int, _ response: EndpointResponse) -> String {
            text(
                en: "retry \(number) of \(count) (about \(minutes) min after the failure); your endpoint: \(self.response(response))",
                id: "percobaan ulang \(number) dari \(count) (sekitar \(minutes) menit setelah gagal); endpoint Anda: \(self.response(response))"
            )
        }

        var scheduleRule: String {
            text(
                en: "Retries come at set times after the failure, with some random jitter, and at most the policy's number",
                id: "Percobaan ulang dilakukan pada waktu yang sudah ditentukan setelah kegagalan, dengan sedikit selisih acak, "
                    + "dan paling banyak sejumlah angka dalam kebijakan"
            )
        }

        func lastRetry(_ time: String) -> String { text(en: "last retry about \(time)", id: "percobaan ulang terakhir sekitar \(time)") }

        func answer2xx(seconds: Int) -> String {
            text(en: "make the endpoint answer 2xx within \(seconds) s", id: "pastikan endpoint menjawab 2xx dalam \(seconds) detik")
        }

        func failedSummary(_ response: EndpointResponse, retries count: Int, last: String?) -> String {
            text(en: "failed (\(self.response(response))); ", id: "gagal (\(self.response(response))); ") + retries(count)
                + (last.map { text(en: ", the last about \($0)", id: ", yang terakhir sekitar \($0)") } ?? "")
        }

        // MARK: Reachability

        func noPrefix(_ url: String) -> String {
            text(en: "'\(url)' has no http:// or https:// prefix", id: "'\(url)' tidak diawali http:// atau https://")
        }

        func noHost(_ url: String) -> String { text(en: "'\(url)' names no host", id: "'\(url)' tidak menyebutkan host") }

        var password: String {
            text(
                en: "the URL asks for a user name and password, which Midtrans cannot give",
                id: "URL ini meminta nama pengguna dan password, yang tidak bisa diberikan Midtrans"
            )
        }

        func unreachable(_ host: String) -> String {
            text(
                en: "\(host) cannot be reached from the internet; use a public address, or a tunnel such as ngrok while testing",
                id: "\(host) tidak bisa dijangkau dari internet; gunakan alamat publik, atau tunnel seperti ngrok selama pengujian"
            )
        }

        func notStandardPort(_ port: Int, _ ports: [Int]) -> String {
            let or = text(en: " or ", id: " atau ")
            return text(en: "port \(port) is not a standard port; use ", id: "port \(port) bukan port standar; gunakan ")
                + ports.map(String.init).joined(separator: or)
        }

        // MARK: Scenarios

        /// A notification result in words, for a table cell.
        func result(_ result: NotificationResult) -> String {
            switch result {
            case .delivered: text(en: "Delivered", id: "Terkirim")
            case .redirected: text(en: "Redirected", id: "Dialihkan")
            case .failed: text(en: "Failed", id: "Gagal")
            case .notSent: text(en: "Not sent", id: "Tidak dikirim")
            }
        }

        /// A verdict in words, for ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .noNotification: text(en: "No notification due", id: "Tidak ada notifikasi")
            case .notificationDelivered: text(en: "Notification delivered", id: "Notifikasi terkirim")
            case .notificationRedirected: text(en: "Notification redirected", id: "Notifikasi dialihkan")
            case .notificationFailed: text(en: "Notification failed", id: "Notifikasi gagal")
            case .notificationNotSent: text(en: "Notification not sent", id: "Notifikasi tidak dikirim")
            }
        }

        /// How the payment ended, for a table cell: "Paid", "Closed by the customer".
        func outcomeCell(_ outcome: PaymentOutcome) -> String {
            switch outcome {
            case .paid: text(en: "Paid", id: "Dibayar")
            case .pending: text(en: "Pending", id: "Pending")
            case .failed: text(en: "Failed", id: "Gagal")
            case .closed: text(en: "Closed by the customer", id: "Ditutup oleh pelanggan")
            }
        }

        /// The payment type for a table cell: "Card (credit_card)", "Another method".
        func paymentTypeCell(card: Bool) -> String {
            card ? text(en: "Card (credit_card)", id: "Kartu (credit_card)") : text(en: "Another method", id: "Metode lain")
        }

        var outcomesTitle: String { text(en: "Each outcome", id: "Setiap hasil pembayaran") }

        var outcomesNote: String {
            text(
                en: "Each row is a run with every URL set and an endpoint that answers 200.",
                id: "Setiap baris adalah simulasi dengan semua URL terisi dan endpoint yang menjawab 200."
            )
        }

        var outcomesColumns: [String] {
            [
                text(en: "Outcome", id: "Hasil"), text(en: "Payment type", id: "Tipe pembayaran"), "transaction_status",
                notificationLabel, text(en: "Browser goes to", id: "Browser diarahkan ke"),
            ]
        }

        var retriesTitle: String { text(en: "When the endpoint does not answer 2xx", id: "Jika endpoint tidak menjawab 2xx") }

        func retriesNote(from time: String) -> String {
            text(
                en: "Each row is a paid order whose endpoint gives the same answer every time, from \(time).",
                id: "Setiap baris adalah pesanan yang sudah dibayar dengan endpoint yang selalu memberi jawaban yang sama, mulai \(time)."
            )
        }

        var retriesColumns: [String] {
            [
                text(en: "Endpoint answers", id: "Jawaban endpoint"), text(en: "POSTs", id: "Jumlah POST"), text(en: "Result", id: "Hasil"),
                text(en: "Last POST", id: "POST terakhir"),
            ]
        }

        var reachabilityTitle: String {
            text(en: "Notification URLs Midtrans cannot reach", id: "URL notifikasi yang tidak bisa dijangkau Midtrans")
        }

        var reachabilityNote: String {
            text(
                en: "Each row is a paid order with this Payment Notification URL.",
                id: "Setiap baris adalah pesanan yang sudah dibayar dengan Payment Notification URL ini."
            )
        }

        var reachabilityColumns: [String] {
            ["Payment Notification URL", text(en: "Result", id: "Hasil"), text(en: "Why", id: "Alasan")]
        }
    }
}

extension PaymentURLsSimulator.Verdict {
    public func label(in language: Language) -> String {
        PaymentURLsSimulator.Phrases(language: language).verdict(self)
    }
}
