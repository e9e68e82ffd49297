public import KBContent

extension AddPortalUserSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `add-portal-user` writes for people, in one language (its form checks'
    /// texts are also what `change-login-email` shows).
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(en: "What happens when I add this portal user?", id: "Apa yang terjadi jika saya menambahkan pengguna portal ini?")
        }

        // MARK: Input

        var nameHelp: String { text(en: "The person's name, as typed in the form", id: "Nama orang tersebut, seperti yang diketik di formulir") }
        var emailHelp: String { text(en: "The email address typed in the form", id: "Alamat email yang diketik di formulir") }

        var roleHelp: String {
            text(en: "The role picked in the form (empty when none)", id: "Peran yang dipilih di formulir (kosongkan jika belum dipilih)")
        }

        func activateHelp(_ checkbox: String) -> String { text(en: "Is \(checkbox) ticked?", id: "Apakah \(checkbox) dicentang?") }

        var existingHelp: String {
            text(
                en: "The email addresses of the portal's current users. Assumed, as no source says: the form refuses an address that is already a user",
                id: "Alamat email pengguna portal yang sudah ada. Asumsi, karena tidak ada sumber yang menyebutkannya: "
                    + "formulir menolak alamat yang sudah terdaftar sebagai pengguna"
            )
        }

        var linkHelp: String {
            text(en: "Has the new user followed the activation link?", id: "Apakah pengguna baru sudah membuka tautan aktivasi?")
        }

        func notAnEmail(entry number: Int, _ user: String, _ problem: String) -> String {
            text(
                en: "entry \(number) '\(user)' is not an email address: \(problem)",
                id: "entri \(number) '\(user)' bukan alamat email: \(problem)"
            )
        }

        var existingHint: String {
            text(
                en: "list the current users' email addresses, separated by commas",
                id: "tulis alamat email pengguna yang sudah ada, dipisahkan koma"
            )
        }

        // MARK: Steps and trace

        var menuRule: String {
            text(
                en: "Users are created in the user-management menu, in its new-user section",
                id: "Pengguna dibuat di menu pengelolaan pengguna, pada bagian pengguna baru"
            )
        }

        func open(_ menu: String, _ section: String) -> String { text(en: "open \(menu) → \(section)", id: "buka \(menu) → \(section)") }

        func steps(_ policy: Policy, name: String, email: String, role: String?) -> [String] {
            [
                text(en: "Open \(policy.menu) and go to \(policy.section).", id: "Buka \(policy.menu), lalu masuk ke bagian \(policy.section)."),
                text(en: "Enter the name '\(name)' and the email \(email).", id: "Isi nama '\(name)' dan email \(email)."),
                text(en: "Tick \(policy.activateCheckbox).", id: "Centang \(policy.activateCheckbox)."),
                text(en: "Pick the role \(role ?? "(none picked)").", id: "Pilih peran \(role ?? "(belum dipilih)")."),
                text(en: "Click \(policy.createButton).", id: "Klik \(policy.createButton)."),
                text(
                    en: "\(email) receives an activation email and follows its link; then the user can sign in.",
                    id: "\(email) menerima email aktivasi dan membuka tautannya; setelah itu, pengguna bisa login."
                ),
            ]
        }

        func refusedHeadline(_ problems: [String]) -> String {
            text(en: "The form refuses it: ", id: "Formulir menolaknya: ") + problems.joined(separator: "; ") + "."
        }

        var fixLabel: String { text(en: "Fix", id: "Perbaiki") }

        var activateRule: String {
            text(
                en: "Tick the activate box before creating, so the user gets an activation email",
                id: "Centang kotak aktivasi sebelum membuat pengguna, agar pengguna menerima email aktivasi"
            )
        }

        func ticked(_ checkbox: String, _ flag: Bool) -> String {
            text(en: "\(checkbox) ticked: \(yesNo(flag))", id: "\(checkbox) dicentang: \(yesNo(flag))")
        }

        func activateResult(_ activate: Bool) -> String {
            activate
                ? text(en: "the user will be sent an activation link", id: "pengguna akan dikirimi tautan aktivasi")
                : text(en: "the user is not activated and cannot sign in", id: "pengguna tidak diaktifkan dan tidak bisa login")
        }

        var createRule: String {
            text(en: "The create button adds the user with the role picked", id: "Tombol untuk membuat pengguna menambahkan pengguna dengan peran yang dipilih")
        }

        func role(_ role: String) -> String { text(en: "role \(role)", id: "peran \(role)") }
        func created(_ email: String) -> String { text(en: "user \(email) created", id: "pengguna \(email) dibuat") }

        func notActivatedHeadline(_ email: String, _ checkbox: String, _ menu: String) -> String {
            text(
                en: "Created but not activated: \(email) cannot sign in until \(checkbox) is ticked for the user in \(menu).",
                id: "Dibuat tetapi belum diaktifkan: \(email) tidak bisa login sampai \(checkbox) dicentang untuk pengguna ini di \(menu)."
            )
        }

        var linkRule: String {
            text(
                en: "The new user activates the login by following the link in the activation email, then signs in",
                id: "Pengguna baru mengaktifkan login dengan membuka tautan di email aktivasi, lalu login"
            )
        }

        func linkFollowed(_ flag: Bool) -> String {
            text(en: "activation link followed: \(yesNo(flag))", id: "tautan aktivasi sudah dibuka: \(yesNo(flag))")
        }

        func linkResult(_ followed: Bool, role: String) -> String {
            followed
                ? text(en: "active: can sign in as \(role)", id: "aktif: bisa login sebagai \(role)")
                : text(en: "waiting: cannot sign in until the link is followed", id: "menunggu: belum bisa login sampai tautannya dibuka")
        }

        func linkHeadline(_ followed: Bool, email: String, role: String) -> String {
            followed
                ? text(en: "Active: \(email) can sign in with the \(role) role.", id: "Aktif: \(email) bisa login dengan peran \(role).")
                : text(
                    en: "Created as \(role); waiting for \(email) to follow the activation link (check spam if it does not arrive).",
                    id: "Dibuat sebagai \(role); menunggu \(email) membuka tautan aktivasi (periksa folder spam jika emailnya tidak masuk)."
                )
        }

        var userLabel: String { text(en: "User", id: "Pengguna") }
        var roleLabel: String { text(en: "Role", id: "Peran") }
        var stateLabel: String { text(en: "State", id: "Status") }

        func state(_ state: UserState) -> String {
            switch state {
            case .notCreated: text(en: "Not created", id: "Tidak dibuat")
            case .notActivated: text(en: "Not activated", id: "Belum diaktifkan")
            case .waitingForActivation: text(en: "Waiting for activation", id: "Menunggu aktivasi")
            case .active: text(en: "Active", id: "Aktif")
            }
        }

        // MARK: Form checks

        var formRule: String {
            text(en: "The form takes the person's name and email address", id: "Formulir meminta nama dan alamat email orang tersebut")
        }

        func name(_ name: String) -> String { text(en: "name '\(name)'", id: "nama '\(name)'") }
        var emptyName: String { text(en: "the name is empty", id: "nama kosong") }
        func refused(_ problem: String) -> String { text(en: "refused: ", id: "ditolak: ") + problem }
        var accepted: String { text(en: "accepted", id: "diterima") }
        var noEmail: String { text(en: "no email address was entered", id: "alamat email belum diisi") }

        var duplicateRule: String {
            text(
                en: "Each person has a login of their own, and existing users are listed in the user-management menu; "
                    + "assumed, as no source says: the form refuses an address that is already a user",
                id: "Setiap orang punya login sendiri, dan pengguna yang sudah ada tercantum di menu pengelolaan pengguna; "
                    + "asumsi, karena tidak ada sumber yang menyebutkannya: formulir menolak alamat yang sudah terdaftar sebagai pengguna"
            )
        }

        func againstExisting(_ email: String, count: Int) -> String {
            text(
                en: "\(email) vs \(count) existing user\(count == 1 ? "" : "s")",
                id: "\(email) vs \(count) pengguna yang sudah ada"
            )
        }

        func alreadyAUser(_ email: String) -> String {
            text(en: "\(email) is already a user", id: "\(email) sudah menjadi pengguna")
        }

        func editInstead(_ email: String, menu: String) -> String {
            text(
                en: "refused: \(email) is already a user; edit that user in \(menu) instead",
                id: "ditolak: \(email) sudah menjadi pengguna; ubah saja pengguna tersebut di \(menu)"
            )
        }

        var roleRule: String { text(en: "Every user needs one of the portal's roles", id: "Setiap pengguna memerlukan salah satu peran portal") }

        func roleAgainst(_ role: String?, _ roles: [String]) -> String {
            text(
                en: "role \(role ?? "(none)") vs \(roles.joined(separator: ", "))",
                id: "peran \(role ?? "(tidak ada)") vs \(roles.joined(separator: ", "))"
            )
        }

        var noRole: String { text(en: "no role picked", id: "belum ada peran yang dipilih") }

        func chooseRole(_ roles: [String]) -> String {
            text(en: "no role picked; choose one of ", id: "belum ada peran yang dipilih; pilih salah satu dari ") + roles.joined(separator: ", ")
        }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .rejected: text(en: "Rejected", id: "Ditolak")
            case .notActivated: text(en: "Not activated", id: "Belum diaktifkan")
            case .waitingForActivation: text(en: "Waiting for activation", id: "Menunggu aktivasi")
            case .active: text(en: "Active", id: "Aktif")
            }
        }

        var allFilledIn: String { text(en: "All filled in", id: "Semua terisi") }
        var linkFollowedCase: String { text(en: "Link followed", id: "Tautan sudah dibuka") }
        var activateNotTicked: String { text(en: "Activate not ticked", id: "Aktivasi tidak dicentang") }
        var emailWithoutDomain: String { text(en: "Email without a domain", id: "Email tanpa domain") }
        var alreadyAUserCase: String { text(en: "Already a user", id: "Sudah menjadi pengguna") }
        var noRoleCase: String { text(en: "No role", id: "Tanpa peran") }

        func tableTitle(_ section: String) -> String { text(en: "The \(section) form", id: "Formulir \(section)") }

        func tableNote(_ existing: String) -> String {
            text(
                en: "Each row is a run; the portal already has the user \(existing).",
                id: "Setiap baris adalah simulasi; portal sudah memiliki pengguna \(existing)."
            )
        }

        var tableColumns: [String] {
            [text(en: "Case", id: "Kasus"), "Email", roleLabel, text(en: "Result", id: "Hasil"), text(en: "Problems", id: "Masalah")]
        }
    }
}

extension AddPortalUserSimulator.Verdict {
    public func label(in language: Language) -> String {
        AddPortalUserSimulator.Phrases(language: language).verdict(self)
    }
}
