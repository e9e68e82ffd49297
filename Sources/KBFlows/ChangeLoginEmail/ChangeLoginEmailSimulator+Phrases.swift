public import KBContent

extension ChangeLoginEmailSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `change-login-email` writes for people, in one language (the form's
    /// checks speak through ``AddPortalUserSimulator``'s phrases).
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(en: "How do I move a portal login to a new email address?", id: "Bagaimana cara memindahkan login portal ke alamat email baru?")
        }

        // MARK: Input

        var currentEmailHelp: String { text(en: "The address the login uses now", id: "Alamat email yang dipakai login saat ini") }
        var newEmailHelp: String { text(en: "The address to move the login to", id: "Alamat email tujuan pemindahan login") }
        var nameHelp: String { text(en: "The name to type for the new user", id: "Nama yang diketik untuk pengguna baru") }

        func roleHelp(admin: String) -> String {
            text(
                en: "The role of the login that makes the change. Assumed, as no source says: only \(admin) can create users, "
                    + "the one role with full access",
                id: "Peran login yang melakukan perubahan. Asumsi, karena tidak ada sumber yang menyebutkannya: hanya \(admin) "
                    + "yang bisa membuat pengguna, satu-satunya peran dengan akses penuh"
            )
        }

        var keepOldHelp: String {
            text(
                en: "What becomes of the old login: delete it, or keep it with a smaller role",
                id: "Nasib login lama: hapus (delete), atau pertahankan dengan peran yang lebih terbatas"
            )
        }

        var otherUsersHelp: String {
            text(
                en: "The addresses of the portal's other users, if any. Assumed, as no source says: the new address may not be one of them",
                id: "Alamat email pengguna portal lainnya, jika ada. Asumsi, karena tidak ada sumber yang menyebutkannya: "
                    + "alamat baru tidak boleh salah satu di antaranya"
            )
        }

        func notAnEmail(entry number: Int, _ user: String, _ problem: String) -> String {
            text(en: "entry \(number) '\(user)' is not an email address: \(problem)", id: "entri \(number) '\(user)' bukan alamat email: \(problem)")
        }

        var otherUsersHint: String {
            text(en: "list the other users' email addresses, separated by commas", id: "tulis alamat email pengguna lainnya, dipisahkan koma")
        }

        // MARK: Trace

        func oldLogin(_ current: String, keep: String?, menu: String) -> String {
            guard let keep else { return text(en: "delete \(current) in \(menu)", id: "hapus \(current) di \(menu)") }
            return text(en: "change \(current)'s role to \(keep) in \(menu)", id: "ubah peran \(current) menjadi \(keep) di \(menu)")
        }

        var howRule: String {
            text(
                en: "A login's address is changed by adding a second user with the new address and full rights, then retiring the old one",
                id: "Alamat email login diganti dengan menambahkan pengguna kedua yang memakai alamat baru dan hak akses penuh, "
                    + "lalu menghapus atau menurunkan peran login lama"
            )
        }

        func createNew(_ admin: String) -> String { text(en: "create a new \(admin) user", id: "buat pengguna \(admin) baru") }

        func adminRule(_ admin: String) -> String {
            text(
                en: "Only the \(admin) role has full access; assumed, as no source says: no other role can create users",
                id: "Hanya peran \(admin) yang punya akses penuh; asumsi, karena tidak ada sumber yang menyebutkannya: "
                    + "peran lain tidak bisa membuat pengguna"
            )
        }

        func roleOf(_ email: String, _ role: String, admin: String) -> String {
            text(en: "role of \(email): \(role) vs users.admin_role \(admin)", id: "peran \(email): \(role) vs users.admin_role \(admin)")
        }

        func canCreate(_ flag: Bool) -> String {
            flag
                ? text(en: "can create the new user", id: "bisa membuat pengguna baru")
                : text(en: "cannot create users", id: "tidak bisa membuat pengguna")
        }

        var supportRule: String {
            text(
                en: "When nobody with admin rights can sign in, support steps in",
                id: "Jika tidak ada pengguna dengan hak admin yang bisa login, tim support akan membantu"
            )
        }

        func askAdmin(_ admin: String, support: String) -> String {
            text(
                en: "ask an \(admin) to do the change; if none can sign in, write to \(support)",
                id: "minta pengguna \(admin) melakukan perubahan ini; jika tidak ada yang bisa login, kirim email ke \(support)"
            )
        }

        func askAdminStep(_ admin: String, support: String) -> String {
            text(
                en: "Ask a user with the \(admin) role to follow these steps, or write to \(support) if no \(admin) can sign in.",
                id: "Minta pengguna dengan peran \(admin) mengikuti langkah-langkah ini, atau kirim email ke \(support) "
                    + "jika tidak ada \(admin) yang bisa login."
            )
        }

        func needsAdminHeadline(_ email: String, role: String, admin: String) -> String {
            text(
                en: "\(email) is \(role), not \(admin): an \(admin) has to create the new login.",
                id: "\(email) berperan \(role), bukan \(admin): pengguna \(admin) yang harus membuat login baru."
            )
        }

        var askLabel: String { text(en: "Ask", id: "Minta bantuan") }

        func ask(_ admin: String, support: String) -> String {
            text(
                en: "an \(admin) of the account, or \(support) if none can sign in",
                id: "pengguna \(admin) di akun ini, atau \(support) jika tidak ada yang bisa login"
            )
        }

        var differentRule: String {
            text(
                en: "The new user has an address the current login does not use",
                id: "Pengguna baru memakai alamat yang tidak dipakai login saat ini"
            )
        }

        func sameResult(_ same: Bool) -> String {
            same ? text(en: "refused: it is the same address", id: "ditolak: alamatnya sama") : text(en: "a different address", id: "alamat berbeda")
        }

        var sameProblem: String {
            text(en: "the new address is the one in use now", id: "alamat baru sama dengan alamat yang dipakai sekarang")
        }

        func rejectedHeadline(_ problems: [String]) -> String {
            text(en: "The new user cannot be created: ", id: "Pengguna baru tidak bisa dibuat: ") + problems.joined(separator: "; ") + "."
        }

        var fixLabel: String { text(en: "Fix", id: "Perbaiki") }

        func createRule(_ admin: String) -> String {
            text(
                en: "Create the new user in the user menu with the new address, the activate box ticked and the \(admin) role",
                id: "Buat pengguna baru di menu pengguna dengan alamat baru, kotak aktivasi dicentang, dan peran \(admin)"
            )
        }

        func newUser(_ name: String, _ email: String, admin: String) -> String {
            text(en: "new user \(name) <\(email)>, role \(admin)", id: "pengguna baru \(name) <\(email)>, peran \(admin)")
        }

        func form(_ users: AddPortalUserSimulator.Policy) -> String {
            text(
                en: "\(users.menu) → \(users.section), tick \(users.activateCheckbox), role \(users.adminRole), \(users.createButton)",
                id: "\(users.menu) → \(users.section), centang \(users.activateCheckbox), peran \(users.adminRole), \(users.createButton)"
            )
        }

        var retireRule: String {
            text(
                en: "Retire the old login only after the new one has signed in with full access, so an admin login always works",
                id: "Hapus atau turunkan peran login lama hanya setelah login baru berhasil masuk dengan akses penuh, "
                    + "agar selalu ada login admin yang berfungsi"
            )
        }

        func oldLoginChoice(keep: String?) -> String {
            guard let keep else { return text(en: "old login: delete", id: "login lama: hapus") }
            return text(en: "old login: keep as \(keep)", id: "login lama: pertahankan sebagai \(keep)")
        }

        func steps(portal: String, _ input: Input, _ users: AddPortalUserSimulator.Policy, oldLogin: String) -> [String] {
            let admin = users.adminRole
            return [
                text(en: "Sign in to the \(portal) as \(input.currentEmail).", id: "Login ke \(portal) sebagai \(input.currentEmail)."),
                text(en: "Open \(users.menu) and go to \(users.section).", id: "Buka \(users.menu), lalu masuk ke bagian \(users.section)."),
                text(
                    en: "Type the name '\(input.name)' and the new address \(input.newEmail); tick \(users.activateCheckbox).",
                    id: "Ketik nama '\(input.name)' dan alamat baru \(input.newEmail); centang \(users.activateCheckbox)."
                ),
                text(en: "Choose the \(admin) role and click \(users.createButton).", id: "Pilih peran \(admin), lalu klik \(users.createButton)."),
                text(
                    en: "Open the activation email at \(input.newEmail) and follow its link (look in spam if it is missing).",
                    id: "Buka email aktivasi di \(input.newEmail), lalu ikuti tautannya (periksa folder spam jika emailnya tidak ada)."
                ),
                text(
                    en: "Log out, sign in as \(input.newEmail), and check that it has full access.",
                    id: "Logout, login sebagai \(input.newEmail), lalu pastikan login tersebut punya akses penuh."
                ),
                text(en: "Only then, back in \(users.menu): \(oldLogin).", id: "Baru setelah itu, kembali ke \(users.menu): \(oldLogin)."),
            ]
        }

        func readyHeadline(_ email: String, admin: String, oldLogin: String) -> String {
            text(
                en: "Create \(email) as a new \(admin), check it works, then \(oldLogin).",
                id: "Buat \(email) sebagai \(admin) baru, pastikan login tersebut berfungsi, lalu \(oldLogin)."
            )
        }

        var stepsLabel: String { text(en: "Steps", id: "Langkah") }
        var oldLoginLabel: String { text(en: "Old login", id: "Login lama") }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .ready: text(en: "Ready to move", id: "Siap dipindahkan")
            case .needsAdmin: text(en: "Needs an Administrator", id: "Perlu Administrator")
            case .rejected: text(en: "Rejected", id: "Ditolak")
            }
        }

        var adminOldDeleted: String { text(en: "Admin, old deleted", id: "Admin, login lama dihapus") }
        var adminOldKept: String { text(en: "Admin, old kept", id: "Admin, login lama dipertahankan") }
        var notAnAdmin: String { text(en: "Not an admin", id: "Bukan admin") }
        var sameAddress: String { text(en: "Same address", id: "Alamat sama") }
        var addressAlreadyAUser: String { text(en: "Address already a user", id: "Alamat sudah menjadi pengguna") }
        var tableTitle: String { text(en: "Moving a login", id: "Memindahkan login") }
        var tableNote: String { text(en: "Each row is a run.", id: "Setiap baris adalah simulasi.") }

        var tableColumns: [String] {
            [
                text(en: "Case", id: "Kasus"), text(en: "Current role", id: "Peran saat ini"), text(en: "New address", id: "Alamat baru"),
                text(en: "Plan", id: "Rencana"), oldLoginLabel,
            ]
        }
    }
}

extension ChangeLoginEmailSimulator.Verdict {
    public func label(in language: Language) -> String {
        ChangeLoginEmailSimulator.Phrases(language: language).verdict(self)
    }
}
