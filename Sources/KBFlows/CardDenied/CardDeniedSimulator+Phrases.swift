public import KBContent

extension CardDeniedSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `card-denied` writes for people, in one language. What a response code
    /// means and what to do about it come from the code table in that language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(
                en: "Why was this card payment denied, and what now?",
                id: "Mengapa pembayaran kartu ini ditolak, dan apa yang harus dilakukan?"
            )
        }

        func layer(_ layer: Layer) -> String {
            switch layer {
            case .fraudDetection: text(en: "Midtrans fraud detection", id: "deteksi fraud Midtrans")
            case .threeDSecure: text(en: "3-D Secure", id: "3D Secure")
            case .issuingBank: text(en: "the issuing bank", id: "bank penerbit")
            }
        }

        func responseClass(_ responseClass: ResponseClass) -> String {
            switch responseClass {
            case .approved: text(en: responseClass.label, id: "disetujui")
            case .softDecline: text(en: responseClass.label, id: "penolakan sementara")
            case .hardDecline: text(en: responseClass.label, id: "penolakan permanen")
            case .fraud: text(en: responseClass.label, id: "fraud")
            case .technical: text(en: responseClass.label, id: "kendala teknis")
            case .referral: text(en: responseClass.label, id: "rujukan ke bank penerbit")
            }
        }

        /// A retry advice's id in English (`later`), a word in other languages.
        func retry(_ retry: String) -> String {
            switch (language, retry) {
            case (.english, _): retry
            case (.indonesian, "yes"): "ya"
            case (.indonesian, "later"): "nanti"
            case (.indonesian, "no"): "tidak"
            case (.indonesian, _): retry
            }
        }

        /// Retry advice inside a sentence: "retry later", "do not retry"; "coba ulang nanti", "jangan coba ulang".
        func retryPhrase(_ retry: String) -> String {
            switch retry {
            case "yes": text(en: "retrying is fine", id: "boleh dicoba ulang")
            case "later": text(en: "retry later", id: "coba ulang nanti")
            case "no": text(en: "do not retry", id: "jangan coba ulang")
            default: retry
            }
        }

        func retryAdvice(_ retry: RetryAdvice) -> String {
            switch retry {
            case .yes: text(
                    en: "yes, once the details are fixed or the customer has authenticated",
                    id: "ya, setelah datanya diperbaiki atau pelanggan sudah melakukan autentikasi"
                )
            case .later: text(en: "later, after a pause, and not over and over", id: "nanti, setelah jeda, dan jangan berulang-ulang")
            case .no: text(en: "no, never with the same card", id: "tidak, jangan pernah dengan kartu yang sama")
            }
        }

        // MARK: Input

        var stoppedAtHelp: String {
            text(
                en: "Where the charge stopped: Midtrans fraud detection, 3-D Secure, or the issuing bank",
                id: "Tahap tempat penagihan terhenti: deteksi fraud Midtrans, 3D Secure, atau bank penerbit"
            )
        }

        var codeHelp: String {
            text(
                en: "The bank's response code (channel_response_code), or its name; needed when stopped_at is issuing-bank",
                id: "Kode respons dari bank (channel_response_code), atau namanya; wajib diisi jika stopped_at bernilai issuing-bank"
            )
        }

        func codeBeforeBank(_ code: String, layer: Layer) -> String {
            text(
                en: "'\(code)' is a bank's answer, but the charge stopped at \(layer.rawValue), before the bank",
                id: "'\(code)' adalah jawaban bank, padahal penagihan terhenti di \(layer.rawValue), sebelum sampai ke bank"
            )
        }

        var codeBeforeBankHint: String {
            text(en: "leave code empty, or set stopped_at=issuing-bank", id: "kosongkan code, atau isi stopped_at=issuing-bank")
        }

        var codeRequired: String {
            text(en: "a response code is required when the issuing bank refused", id: "kode respons wajib diisi jika bank penerbit menolak")
        }

        var codeRequiredHint: String {
            text(en: "give the two-character code the bank sent, e.g. 51 or N7", id: "isi kode dua karakter yang dikirim bank, misalnya 51 atau N7")
        }

        func unknownCode(_ code: String) -> String {
            text(en: "'\(code)' is not a bank response code", id: "'\(code)' bukan kode respons bank")
        }

        var everyCode: String { text(en: "`kb list codes` shows every code", id: "`kb list codes` menampilkan semua kode") }

        func closeCodes(_ codes: [ResponseCode]) -> String {
            text(en: "close codes: ", id: "kode yang mirip: ") + codes.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
        }

        // MARK: Trace

        var layersRule: String {
            text(
                en: "A card charge passes several layers of security, such as Midtrans fraud detection and, where the charge asks for it, 3-D Secure; "
                    + "the last is always the issuing bank's authorization, whose refusal carries a two-character response code",
                id: "Penagihan kartu melewati beberapa lapis keamanan, seperti deteksi fraud Midtrans dan, jika penagihan memintanya, 3D Secure; "
                    + "lapisan terakhir selalu otorisasi bank penerbit, yang penolakannya disertai kode respons dua karakter"
            )
        }

        func stoppedAt(_ layer: Layer) -> String { text(en: "stopped at: ", id: "terhenti di: ") + self.layer(layer) }

        var reachedBankApproved: String { text(en: "reached the bank, which approved it", id: "sampai ke bank, dan bank menyetujuinya") }
        var reachedBankRefused: String { text(en: "reached the bank, which refused it", id: "sampai ke bank, dan bank menolaknya") }

        var stoppedBeforeBank: String {
            text(en: "stopped before the bank, which never saw the charge", id: "terhenti sebelum bank, jadi bank tidak pernah menerima penagihan ini")
        }

        var fraudTeamRule: String {
            text(
                en: "When Midtrans's own screening blocked a customer you trust, ask the fraud team to whitelist them",
                id: "Jika penyaringan fraud Midtrans memblokir pelanggan yang Anda percayai, minta tim fraud memasukkannya ke whitelist"
            )
        }

        var refusedByFraudDetection: String {
            text(en: "refused by fraud detection, before the bank saw it", id: "ditolak oleh deteksi fraud, sebelum sampai ke bank")
        }

        func emailFraudTeam(_ email: String) -> String {
            text(en: "email \(email) with the customer's email address", id: "kirim email ke \(email) dengan menyertakan alamat email pelanggan")
        }

        var threeDSecureRule: String {
            text(
                en: "A card charge waiting for 3-D Secure expires when the customer does not finish in time",
                id: "Penagihan kartu yang menunggu 3D Secure akan kedaluwarsa jika pelanggan tidak menyelesaikannya tepat waktu"
            )
        }

        func threeDSecureCompared(minutes: Int) -> String {
            text(
                en: "3-D Secure not completed; limit expiry.card_3ds_minutes \(minutes) min",
                id: "3D Secure tidak diselesaikan; batas expiry.card_3ds_minutes \(minutes) menit"
            )
        }

        func expires(minutes: Int) -> String {
            text(
                en: "the transaction expires \(minutes) minutes after it started; no money was taken",
                id: "transaksi kedaluwarsa \(minutes) menit setelah dimulai; tidak ada dana yang terpotong"
            )
        }

        var whereCodeRule: String {
            text(
                en: "The bank's response code is shown on the transaction page and in the API's channel_response_code",
                id: "Kode respons bank tampil di halaman transaksi dan di channel_response_code pada API"
            )
        }

        func code(_ code: String) -> String { text(en: "code \(code)", id: "kode \(code)") }

        func openTransaction(menu: String) -> String {
            text(en: "open the transaction from \(menu) and select ⓘ to see it", id: "buka transaksi dari \(menu), lalu pilih ⓘ untuk melihatnya")
        }

        var tableRule: String {
            text(
                en: "Each response code has a meaning, a class and retry advice in the code table",
                id: "Setiap kode respons punya arti, kelas, dan saran percobaan ulang di tabel kode"
            )
        }

        func codeIs(_ code: ResponseCode) -> String {
            text(en: "code \(code.code) = \(code.name)", id: "kode \(code.code) = \(code.name)")
        }

        func classAndRetry(_ code: ResponseCode) -> String {
            text(
                en: "class \(responseClass(code.responseClass)); \(retryPhrase(code.retry.rawValue))",
                id: "kelas \(responseClass(code.responseClass)); \(retryPhrase(code.retry.rawValue))"
            )
        }

        var repeatRule: String {
            text(
                en: "Do not keep retrying the same card: card networks limit repeated attempts and may charge fees",
                id: "Jangan terus-menerus mencoba ulang kartu yang sama: jaringan kartu membatasi percobaan berulang dan bisa mengenakan biaya"
            )
        }

        func retryAdviceFor(_ code: ResponseCode) -> String {
            text(
                en: "retry advice for \(code.code): \(code.retry.rawValue)",
                id: "saran coba ulang untuk \(code.code): \(retry(code.retry.rawValue))"
            )
        }

        var neverTellRule: String {
            text(
                en: "Never tell a customer their card was flagged as lost, stolen or fraudulent",
                id: "Jangan pernah memberi tahu pelanggan bahwa kartunya ditandai hilang, dicuri, atau terkait fraud"
            )
        }

        func classOf(_ code: ResponseCode) -> String {
            text(en: "class of \(code.code): \(code.responseClass.label)", id: "kelas kode \(code.code): \(responseClass(code.responseClass))")
        }

        var sayOnlyDeclined: String { text(en: "say only that the bank declined it", id: "cukup sampaikan bahwa bank menolaknya") }

        // MARK: Outcomes

        func fraudAction(_ email: String) -> String {
            text(
                en: "Not a bank decision. Review it as described for challenged transactions; for a customer you trust, email \(email) with the customer's email to ask for a whitelist.",
                id: "Ini bukan keputusan bank. Tinjau seperti transaksi challenge; untuk pelanggan yang Anda percayai, kirim email pelanggan tersebut ke \(email) untuk meminta whitelist."
            )
        }

        var fraudRetry: String {
            text(en: "not with the same details until the fraud team has answered", id: "jangan dengan data yang sama sebelum tim fraud menjawab")
        }

        var fraudCustomer: String {
            text(
                en: "Your payment could not be completed. Please try another payment method or contact us.",
                id: "Pembayaran Anda tidak dapat diselesaikan. Silakan coba metode pembayaran lain atau hubungi kami."
            )
        }

        func fraudHeadline(_ email: String) -> String {
            text(
                en: "Stopped by Midtrans fraud detection, not by the bank: ask \(email) to whitelist a customer you trust.",
                id: "Dihentikan oleh deteksi fraud Midtrans, bukan oleh bank: minta \(email) memasukkan pelanggan yang Anda percayai ke whitelist."
            )
        }

        var threeDSecureRetry: String {
            text(
                en: "yes, as a new payment the customer completes with their bank's OTP",
                id: "ya, sebagai pembayaran baru yang diselesaikan pelanggan dengan OTP dari banknya"
            )
        }

        func threeDSecureAction(minutes: Int) -> String {
            text(
                en: "Ask the customer to pay again and finish the bank's verification step within \(minutes) minutes.",
                id: "Minta pelanggan membayar lagi dan menyelesaikan langkah verifikasi bank dalam \(minutes) menit."
            )
        }

        var threeDSecureCustomer: String {
            text(
                en: "The payment needs a confirmation from your bank, usually a one-time code. Please try again and complete that step.",
                id: "Pembayaran ini memerlukan konfirmasi dari bank Anda, biasanya berupa kode sekali pakai (OTP). Silakan coba lagi dan selesaikan langkah tersebut."
            )
        }

        var threeDSecureHeadline: String {
            text(
                en: "Stopped at 3-D Secure: the customer did not confirm with their bank; they can pay again and finish the OTP step.",
                id: "Terhenti di 3D Secure: pelanggan tidak mengonfirmasi ke banknya; pelanggan bisa membayar lagi dan menyelesaikan langkah OTP."
            )
        }

        func bankHeadline(_ code: ResponseCode) -> String {
            if code.responseClass == .approved {
                return text(
                    en: "The bank approved it (code \(code.code), \(code.name)): the charge did not stop at the bank.",
                    id: "Bank menyetujuinya (kode \(code.code), \(code.name)): penagihan tidak terhenti di bank."
                )
            }
            return text(
                en: "Declined by the issuing bank with code \(code.code) (\(code.name)): \(responseClass(code.responseClass)); \(retryPhrase(code.retry.rawValue)).",
                id: "Ditolak oleh bank penerbit dengan kode \(code.code) (\(code.name)): \(responseClass(code.responseClass)); \(retryPhrase(code.retry.rawValue))."
            )
        }

        var approvedRetry: String { text(en: "not needed: the bank approved", id: "tidak perlu: bank sudah menyetujui") }

        var stoppedAtLabel: String { text(en: "Stopped at", id: "Terhenti di") }
        var codeLabel: String { text(en: "Code", id: "Kode") }
        var retryLabel: String { text(en: "Retry", id: "Coba ulang") }
        var merchantLabel: String { "Merchant" }
        var customerLabel: String { text(en: "Customer", id: "Pelanggan") }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .fraudScreening: text(en: "Stopped by fraud screening", id: "Dihentikan oleh penyaringan fraud")
            case .threeDSecure: text(en: "3-D Secure not completed", id: "3D Secure tidak diselesaikan")
            case .approved: text(en: "Approved", id: "Disetujui")
            case .softDecline: text(en: "Soft decline", id: "Penolakan sementara")
            case .hardDecline: text(en: "Hard decline", id: "Penolakan permanen")
            case .fraud: text(en: "Fraud", id: "Fraud")
            case .technical: text(en: "Technical problem", id: "Kendala teknis")
            case .referral: text(en: "Referral to the issuing bank", id: "Rujukan ke bank penerbit")
            }
        }

        /// Retry advice for a table cell: `Yes`, `Later`, `No`; `Ya`, `Nanti`, `Tidak`.
        func retryCell(_ retry: String) -> String {
            switch retry {
            case "yes": text(en: "Yes", id: "Ya")
            case "later": text(en: "Later", id: "Nanti")
            case "no": text(en: "No", id: "Tidak")
            default: retry
            }
        }

        var tableTitle: String { text(en: "Where the charge stopped", id: "Tempat penagihan terhenti") }

        var tableNote: String {
            text(
                en: "Each row is a run; the bank rows take the first code of each class in the response code table.",
                id: "Setiap baris adalah simulasi; baris bank memakai kode pertama dari setiap kelas di tabel kode respons."
            )
        }

        var tableColumns: [String] {
            [stoppedAtLabel, codeLabel, text(en: "Decline", id: "Penolakan"), retryLabel, merchantLabel]
        }
    }
}

extension CardDeniedSimulator.Verdict {
    public func label(in language: Language) -> String {
        CardDeniedSimulator.Phrases(language: language).verdict(self)
    }
}
