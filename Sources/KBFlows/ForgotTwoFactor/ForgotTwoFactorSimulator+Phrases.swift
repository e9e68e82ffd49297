public import KBContent

extension ForgotTwoFactorSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `forgot-2fa` writes for people, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(
                en: "How does a user without their 2FA code get back in?",
                id: "Bagaimana pengguna yang tidak bisa mendapatkan kode 2FA masuk kembali?"
            )
        }

        // MARK: Input

        var emailHelp: String {
            text(en: "The email address the portal user signs in with", id: "Alamat email yang dipakai pengguna portal untuk login")
        }

        func authenticatorHelp(app: String) -> String {
            text(
                en: "Can the user still open the \(app) entry for the portal?",
                id: "Apakah pengguna masih bisa membuka entri portal di \(app)?"
            )
        }

        var passwordHelp: String {
            text(en: "Does the user still know the portal password?", id: "Apakah pengguna masih ingat kata sandi portal?")
        }

        var nameHelp: String {
            text(en: "Who signs the message to support (optional)", id: "Nama yang menandatangani pesan ke tim support (opsional)")
        }

        // MARK: Trace

        var codeRule: String {
            text(
                en: "With 2FA on, the portal asks for a one-time code from the authenticator app after the password",
                id: "Jika 2FA aktif, portal meminta kode sekali pakai dari aplikasi authenticator setelah kata sandi"
            )
        }

        func canOpen(app: String, _ flag: Bool) -> String {
            text(en: "can open \(app) with the portal entry: \(yesNo(flag))", id: "bisa membuka entri portal di \(app): \(yesNo(flag))")
        }

        func codeResult(_ hasAuthenticator: Bool) -> String {
            hasAuthenticator
                ? text(en: "the user can still produce the code", id: "pengguna masih bisa mendapatkan kodenya")
                : text(
                    en: "no code can be produced; the password alone is not enough",
                    id: "kode tidak bisa didapatkan; kata sandi saja tidak cukup"
                )
        }

        var resetRule: String {
            text(
                en: "A forgotten password is reset from the login page's reset link",
                id: "Kata sandi yang terlupa di-reset lewat tautan reset di halaman login"
            )
        }

        var knowsPasswordNo: String { text(en: "knows the password: no", id: "ingat kata sandi: tidak") }

        func resetFirst(label: String) -> String {
            text(en: "use \(label) on the login page first", id: "pakai \(label) di halaman login terlebih dahulu")
        }

        var supportRule: String {
            text(
                en: "Support turns 2FA off for the user once asked by email with the user's address",
                id: "Tim support menonaktifkan 2FA untuk pengguna tersebut setelah diminta lewat email yang menyebutkan alamat email pengguna"
            )
        }

        func portalUser(_ email: String) -> String { text(en: "portal user: \(email)", id: "pengguna portal: \(email)") }

        func sendRequest(to email: String) -> String { text(en: "send the request to \(email)", id: "kirim permintaan ke \(email)") }

        var againRule: String {
            text(
                en: "After signing in without 2FA, set it up again on the user's current phone",
                id: "Setelah login tanpa 2FA, atur kembali 2FA di ponsel yang dipakai pengguna sekarang"
            )
        }

        func setUpAgain(menu: String, app: String) -> String {
            text(
                en: "open \(menu), enable 2FA and scan the QR code with \(app)",
                id: "buka \(menu), aktifkan 2FA, lalu pindai kode QR dengan \(app)"
            )
        }

        // MARK: Steps

        func resetStep(label: String) -> String {
            text(
                en: "Reset the password with the \(label) link on the login page.",
                id: "Reset kata sandi lewat tautan \(label) di halaman login."
            )
        }

        func codeStep(app: String) -> String {
            text(
                en: "Sign in with the password, then type the current code shown in \(app).",
                id: "Login dengan kata sandi, lalu ketik kode yang sedang tampil di \(app)."
            )
        }

        func supportSteps(support: String, email: String, menu: String, app: String) -> [String] {
            [
                text(
                    en: "Email \(support) the message below, from an address the team can reply to.",
                    id: "Kirim pesan di bawah ini ke \(support) dari alamat email yang bisa dibalas oleh tim."
                ),
                text(
                    en: "Wait for support's reply that 2FA is off for \(email).",
                    id: "Tunggu balasan tim support bahwa 2FA untuk \(email) sudah dinonaktifkan."
                ),
                text(en: "Sign in with the email and password; no code is asked.", id: "Login dengan email dan kata sandi; kode tidak akan diminta."),
                text(
                    en: "Open \(menu), enable 2FA again and scan the QR code with \(app).",
                    id: "Buka \(menu), aktifkan kembali 2FA, lalu pindai kode QR dengan \(app)."
                ),
            ]
        }

        // MARK: Headline, details and message

        func authenticatorHeadline(app: String) -> String {
            text(
                en: "No need for support: sign in with the code from \(app).",
                id: "Tidak perlu menghubungi support: login dengan kode dari \(app)."
            )
        }

        var doLabel: String { text(en: "Do", id: "Lakukan") }

        func supportHeadline(support: String, email: String) -> String {
            text(
                en: "Ask \(support) to turn 2FA off for \(email); the message below is ready to send.",
                id: "Minta \(support) menonaktifkan 2FA untuk \(email); pesan di bawah ini siap dikirim."
            )
        }

        var toLabel: String { text(en: "To", id: "Kepada") }
        var subjectLabel: String { text(en: "Subject", id: "Subjek") }
        var messageLabel: String { text(en: "Message", id: "Pesan") }
        var afterwardsLabel: String { text(en: "Afterwards", id: "Sesudahnya") }

        func afterwards(menu: String) -> String {
            text(en: "turn 2FA back on in \(menu)", id: "aktifkan kembali 2FA di \(menu)")
        }

        func subject(_ email: String) -> String {
            text(en: "Please disable 2FA for portal user \(email)", id: "Mohon nonaktifkan 2FA untuk pengguna portal \(email)")
        }

        func body(portal: String, app: String, email: String) -> String {
            text(
                en: """
                Hello Midtrans support,

                I can no longer get two-factor codes for my \(portal) login: the \(app) \
                entry is gone. Please switch 2FA off for the portal user \(email) so I can sign in with the password \
                and set up 2FA again on my current phone.
                """,
                id: """
                Halo tim support Midtrans,

                Saya tidak bisa lagi mendapatkan kode autentikasi dua faktor untuk login \(portal) saya: entri \(app) \
                untuk portal sudah tidak ada. Mohon nonaktifkan 2FA untuk pengguna portal \(email) agar saya bisa login \
                dengan kata sandi dan mengatur ulang 2FA di ponsel yang saya gunakan sekarang.
                """
            )
        }

        func willReset(label: String) -> String {
            text(
                en: "I will reset the password with the \(label) link myself.",
                id: "Saya akan me-reset sendiri kata sandi saya lewat tautan \(label) di halaman login."
            )
        }

        var thanks: String { text(en: "Thank you", id: "Terima kasih") }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .useAuthenticator: text(en: "Use the authenticator app", id: "Gunakan aplikasi authenticator")
            case .askSupport: text(en: "Ask support", id: "Hubungi tim support")
            }
        }

        var tableTitle: String { text(en: "What the user still has", id: "Yang masih dimiliki pengguna") }

        func tableNote(_ email: String) -> String {
            text(en: "Each row is a run for the portal user \(email).", id: "Setiap baris adalah simulasi untuk pengguna portal \(email).")
        }

        var tableColumns: [String] {
            [
                "Authenticator", text(en: "Password", id: "Kata sandi"), text(en: "Path", id: "Jalur"),
                text(en: "Write to", id: "Kirim ke"), text(en: "First step", id: "Langkah pertama"),
            ]
        }
    }
}

extension ForgotTwoFactorSimulator.Verdict {
    public func label(in language: Language) -> String {
        ForgotTwoFactorSimulator.Phrases(language: language).verdict(self)
    }
}
