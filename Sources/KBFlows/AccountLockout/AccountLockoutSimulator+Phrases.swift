public import KBContent

extension AccountLockoutSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `account-lockout` writes for people, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(en: "When does a locked portal login open again?", id: "Kapan login portal yang terkunci terbuka lagi?")
        }

        // MARK: Input

        var attemptsHelp: String {
            text(
                en: "The sign-in attempts, oldest first: each a time (HH:MM today, or ISO 8601) and right or wrong. "
                    + "Assumed, as no source says: attempts while locked are refused and do not extend the lock",
                id: "Percobaan login, dari yang paling awal: masing-masing berisi waktu (HH:MM hari ini, atau ISO 8601) dan benar atau salah "
                    + "(right atau wrong). Asumsi, karena tidak ada sumber yang menyebutkannya: percobaan selama login terkunci ditolak "
                    + "dan tidak memperpanjang masa kunci"
            )
        }

        var attemptsExample: String {
            text(en: "09:00 wrong, 09:01 wrong, 09:02 right", id: "09:00 salah, 09:01 salah, 09:02 benar")
        }

        var attemptFormat: String {
            text(
                en: "write each attempt as a time and right or wrong, e.g. 09:00 wrong or 2026-11-25T09:00:00+07:00 right",
                id: "tulis setiap percobaan sebagai waktu lalu benar atau salah, misalnya 09:00 salah atau 2026-11-25T09:00:00+07:00 benar"
            )
        }

        func needsTimeAndPassword(_ number: Int, _ item: String) -> String {
            text(
                en: "attempt \(number) '\(item)' needs a time and right or wrong",
                id: "percobaan \(number) '\(item)' perlu berisi waktu dan benar atau salah"
            )
        }

        func noRightOrWrong(_ number: Int, _ item: String) -> String {
            text(
                en: "attempt \(number) '\(item)' does not end in right or wrong",
                id: "percobaan \(number) '\(item)' tidak diakhiri benar atau salah"
            )
        }

        func noTime(_ number: Int, _ item: String) -> String {
            text(en: "attempt \(number) '\(item)' does not start with a time", id: "percobaan \(number) '\(item)' tidak diawali waktu")
        }

        func earlier(_ number: Int, at time: String, previous: String) -> String {
            text(
                en: "attempt \(number) at \(time) is earlier than attempt \(number - 1) at \(previous)",
                id: "percobaan \(number) pada \(time) lebih awal daripada percobaan \(number - 1) pada \(previous)"
            )
        }

        var inOrder: String {
            text(en: "list the attempts in the order they happened", id: "urutkan percobaan sesuai urutan kejadiannya")
        }

        func afterNow(_ number: Int, at time: String, now: String) -> String {
            text(
                en: "attempt \(number) at \(time) is after now (\(now))",
                id: "percobaan \(number) pada \(time) terjadi setelah waktu sekarang (\(now))"
            )
        }

        var laterNow: String {
            text(
                en: "give a later now (--now), or correct the time",
                id: "berikan waktu sekarang yang lebih akhir (--now), atau perbaiki waktunya"
            )
        }

        // MARK: Rules

        var lockRule: String {
            text(
                en: "Wrong passwords in a row lock the login at the policy's number",
                id: "Kata sandi salah yang berturut-turut mengunci login begitu jumlahnya mencapai angka dalam kebijakan"
            )
        }

        var durationRule: String {
            text(
                en: "A lock lasts the policy's minutes from the moment it starts, then opens by itself",
                id: "Kunci berlaku selama jumlah menit dalam kebijakan, dihitung sejak login terkunci, lalu terbuka dengan sendirinya"
            )
        }

        var supportRule: String {
            text(
                en: "If the login is still locked once the wait is over, support can help",
                id: "Jika login masih terkunci setelah masa tunggu selesai, tim support bisa membantu"
            )
        }

        var clearRule: String {
            text(
                en: "Only wrong passwords entered one after another count; a right one signs in and clears the count",
                id: "Hanya kata sandi salah yang dimasukkan berturut-turut yang dihitung; kata sandi yang benar membuat login berhasil "
                    + "dan mengembalikan hitungan ke nol"
            )
        }

        var refusedRule: String {
            text(
                en: "While the login is locked every sign-in is refused, even with the right password; "
                    + "assumed, as no source says: the attempt does not extend the lock",
                id: "Selama login terkunci, setiap percobaan login ditolak, walaupun kata sandinya benar; "
                    + "asumsi, karena tidak ada sumber yang menyebutkannya: percobaan ini tidak memperpanjang masa kunci"
            )
        }

        // MARK: Compared and results

        func stillLockedCompared(now: String, opensAt: String) -> String {
            text(en: "now \(now) < opens at \(opensAt)", id: "sekarang \(now) < terbuka pada \(opensAt)")
        }

        func stillLocked(wait: String) -> String {
            text(en: "still locked; \(wait) to wait", id: "masih terkunci; tunggu \(wait) lagi")
        }

        func writeToSupport(after time: String, email: String) -> String {
            text(
                en: "after \(time), email \(email) with the locked user's email address",
                id: "setelah \(time), kirim email ke \(email) dengan menyebutkan alamat email pengguna yang terkunci"
            )
        }

        func openCompared(wrong: Int, max: Int) -> String {
            text(
                en: "wrong in a row \(wrong) < lockout.max_failed_attempts \(max)",
                id: "salah berturut-turut \(wrong) < lockout.max_failed_attempts \(max)"
            )
        }

        func open(at time: String) -> String {
            text(en: "open at \(time)", id: "terbuka pada \(time)")
        }

        func signedInCompared(at time: String, wrongBefore: Int) -> String {
            text(
                en: "right password at \(time); wrong in a row before it: \(wrongBefore)",
                id: "kata sandi benar pada \(time); salah berturut-turut sebelumnya: \(wrongBefore)"
            )
        }

        var signedIn: String { text(en: "signed in; wrong in a row: 0", id: "berhasil login; salah berturut-turut: 0") }

        func wrongCompared(at time: String, wrong: Int, max: Int, locks: Bool) -> String {
            let relation = locks ? "=" : "<"
            return text(
                en: "wrong password at \(time): wrong in a row \(wrong) \(relation) lockout.max_failed_attempts \(max)",
                id: "kata sandi salah pada \(time): salah berturut-turut \(wrong) \(relation) lockout.max_failed_attempts \(max)"
            )
        }

        func stillOpen(remaining: Int) -> String {
            text(
                en: "still open; \(remaining) more wrong password\(remaining == 1 ? "" : "s") lock\(remaining == 1 ? "s" : "") it",
                id: "masih terbuka; \(remaining) kali lagi kata sandi salah akan menguncinya"
            )
        }

        func locked(at time: String) -> String { text(en: "locked at \(time)", id: "terkunci pada \(time)") }

        func lockEndsCompared(at time: String, minutes: Int) -> String {
            text(
                en: "\(time) + lockout.unlock_after_minutes \(minutes) min",
                id: "\(time) + lockout.unlock_after_minutes \(minutes) menit"
            )
        }

        func opens(at time: String) -> String { text(en: "opens at \(time)", id: "terbuka pada \(time)") }

        func refusedCompared(_ password: Password, at time: String, opensAt: String) -> String {
            text(
                en: "\(password) password at \(time) < opens at \(opensAt)",
                id: "kata sandi \(self.password(password)) pada \(time) < terbuka pada \(opensAt)"
            )
        }

        func refused(wait: String) -> String {
            text(en: "refused; \(wait) still to wait", id: "ditolak; masih perlu menunggu \(wait)")
        }

        func unlockedCompared(at time: String, ended: String, minutes: Int) -> String {
            text(
                en: "\(time) ≥ opens at \(ended) (lockout.unlock_after_minutes \(minutes))",
                id: "\(time) ≥ terbuka pada \(ended) (lockout.unlock_after_minutes \(minutes))"
            )
        }

        func openAgain(since time: String) -> String {
            text(
                en: "open again since \(time); wrong in a row: 0",
                id: "terbuka lagi sejak \(time); salah berturut-turut: 0"
            )
        }

        // MARK: Headline and details

        func lockedHeadline(opensAt: String, wait: String) -> String {
            text(
                en: "Locked: the login opens by itself at \(opensAt), in \(wait).",
                id: "Terkunci: login akan terbuka dengan sendirinya pada \(opensAt), \(wait) lagi."
            )
        }

        func openHeadline(wrong: Int, left: Int, minutes: Int) -> String {
            if wrong == 0 {
                return text(
                    en: "Not locked: the login accepts the right password now.",
                    id: "Tidak terkunci: login menerima kata sandi yang benar sekarang."
                )
            }
            return text(
                en: "Not locked: \(wrong) wrong password\(wrong == 1 ? "" : "s") in a row; \(left) more would lock it for \(minutes) minutes.",
                id: "Tidak terkunci: \(wrong) kali kata sandi salah berturut-turut; \(left) kali lagi akan menguncinya selama \(minutes) menit."
            )
        }

        var lockedAtLabel: String { text(en: "Locked at", id: "Terkunci sejak") }
        var opensAtLabel: String { text(en: "Opens at", id: "Terbuka pada") }
        var waitLabel: String { text(en: "Wait", id: "Tunggu") }
        var thenLabel: String { text(en: "Then", id: "Setelah itu") }

        func then(email: String) -> String {
            text(
                en: "sign in again with the right password; still locked? email \(email)",
                id: "login lagi dengan kata sandi yang benar; masih terkunci? kirim email ke \(email)"
            )
        }

        var wrongInARowLabel: String { text(en: "Wrong in a row", id: "Salah berturut-turut") }

        func wrongOf(_ wrong: Int, _ max: Int) -> String { text(en: "\(wrong) of \(max)", id: "\(wrong) dari \(max)") }

        var adviceLabel: String { text(en: "Advice", id: "Saran") }

        var advice: String {
            text(
                en: "type the password carefully; if unsure, reset it rather than guess",
                id: "ketik kata sandi dengan teliti; jika ragu, reset kata sandi daripada menebak"
            )
        }

        // MARK: Scenarios

        /// The verdict in words: "Locked", "Not locked".
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .locked: text(en: "Locked", id: "Terkunci")
            case .open: text(en: "Not locked", id: "Tidak terkunci")
            }
        }

        /// An attempt's result for a table cell, in words: "Wrong password", "Locked until 09:19 WIB".
        func attemptResult(_ record: AttemptRecord, _ context: FlowContext) -> String {
            switch record.result {
            case "signed-in": return text(en: "Signed in", id: "Berhasil login")
            case "wrong-password": return text(en: "Wrong password", id: "Kata sandi salah")
            case "locked":
                guard let until = record.opensAt else { return text(en: "Locked", id: "Terkunci") }
                let time = context.timeOfDay(until)
                return text(en: "Locked until \(time)", id: "Terkunci sampai \(time)")
            case "refused": return text(en: "Refused: still locked", id: "Ditolak: masih terkunci")
            default: return record.result
            }
        }

        /// `Right` or `Wrong` for a table cell; `Benar` or `Salah`.
        func passwordCell(_ password: Password) -> String {
            switch password {
            case .right: text(en: "Right", id: "Benar")
            case .wrong: text(en: "Wrong", id: "Salah")
            }
        }

        /// "the 5th wrong password in a row"; "kata sandi salah ke-5 berturut-turut".
        func nthWrong(_ number: Int) -> String {
            text(en: "the \(ordinal(number)) wrong password in a row", id: "kata sandi salah ke-\(number) berturut-turut")
        }

        /// `right` or `wrong`; `benar` or `salah`.
        func password(_ password: Password) -> String {
            switch password {
            case .right: text(en: "right", id: "benar")
            case .wrong: text(en: "wrong", id: "salah")
            }
        }

        var inARowTitle: String { text(en: "Wrong passwords one minute apart", id: "Kata sandi salah dengan jeda satu menit") }

        func inARowNote(max: Int) -> String {
            text(
                en: "Each row is one attempt of a single run; \(nthWrong(max)) locks the login.",
                id: "Setiap baris adalah satu percobaan dalam satu simulasi; \(nthWrong(max)) mengunci login."
            )
        }

        var inARowColumns: [String] {
            [text(en: "Attempt", id: "Percobaan"), text(en: "At", id: "Waktu"), text(en: "Result", id: "Hasil"), wrongInARowLabel, opensAtLabel]
        }

        var afterLockTitle: String { text(en: "The right password after the lock", id: "Kata sandi benar setelah login terkunci") }

        func afterLockNote(lockedAt: String) -> String {
            text(
                en: "The login locked at \(lockedAt); each row is a run with one right password after that.",
                id: "Login terkunci pada \(lockedAt); setiap baris adalah simulasi dengan satu kata sandi benar sesudahnya."
            )
        }

        var afterLockColumns: [String] {
            [
                text(en: "Right password at", id: "Kata sandi benar pada"), text(en: "After locking", id: "Sejak terkunci"),
                text(en: "Result", id: "Hasil"),
            ]
        }

        var clearTitle: String { text(en: "A right password clears the count", id: "Kata sandi benar mengembalikan hitungan ke nol") }

        func clearNote(wrongBefore: Int) -> String {
            text(
                en: "One run: \(wrongBefore) wrong, one right, one wrong.",
                id: "Satu simulasi: \(wrongBefore) kali salah, satu kali benar, satu kali salah."
            )
        }

        var clearColumns: [String] {
            [text(en: "Attempt", id: "Percobaan"), text(en: "Password", id: "Kata sandi"), text(en: "Result", id: "Hasil"), wrongInARowLabel]
        }
    }
}

extension AccountLockoutSimulator.Verdict {
    public func label(in language: Language) -> String {
        AccountLockoutSimulator.Phrases(language: language).verdict(self)
    }
}
