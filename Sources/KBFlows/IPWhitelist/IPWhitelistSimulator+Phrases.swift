public import KBContent

extension IPWhitelistSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `ip-whitelist` writes for people, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(en: "Will the IP whitelist let this address sign in?", id: "Apakah whitelist IP mengizinkan login dari alamat ini?")
        }

        // MARK: Input

        var enabledHelp: String {
            text(en: "Is the IP whitelist switched on for the account?", id: "Apakah whitelist IP aktif untuk akun ini?")
        }

        var whitelistHelp: String {
            text(en: "The whitelist entries: IPv4 or IPv6 addresses or CIDR ranges", id: "Isi whitelist: alamat IPv4 atau IPv6, atau rentang CIDR")
        }

        var ipHelp: String {
            text(en: "The public address the user signs in from", id: "Alamat IP publik yang dipakai pengguna untuk login")
        }

        func badEntry(_ number: Int, _ item: String, _ error: IPNetwork.ParseError) -> String {
            text(en: "entry \(number) '\(item)' ", id: "entri \(number) '\(item)' ") + error.reason(in: language)
        }

        var entryHint: String {
            text(
                en: "write addresses (203.0.113.7, 2001:db8::7) or ranges (203.0.113.0/24, 2001:db8::/32)",
                id: "tulis alamat (203.0.113.7, 2001:db8::7) atau rentang (203.0.113.0/24, 2001:db8::/32)"
            )
        }

        func notAnAddress(_ text: String) -> String {
            self.text(en: "'\(text)' is not an IPv4 or IPv6 address", id: "'\(text)' bukan alamat IPv4 atau IPv6")
        }

        var addressHint: String {
            text(
                en: "write four numbers from 0 to 255 (203.0.113.7) or an IPv6 address (2001:db8::7), without a range",
                id: "tulis empat angka dari 0 sampai 255 (203.0.113.7) atau alamat IPv6 (2001:db8::7), tanpa rentang"
            )
        }

        // MARK: Trace

        var publicAddressRule: String {
            text(
                en: "The whitelist holds the public address a device connects from",
                id: "Whitelist berisi alamat IP publik yang dipakai perangkat untuk terhubung"
            )
        }

        func privateAddress(_ address: IPAddress) -> String {
            text(
                en: "\(address) is a private or local \(address.family.rawValue) address",
                id: "\(address) adalah alamat \(address.family.rawValue) privat atau lokal"
            )
        }

        var seesPublicAddress: String {
            text(
                en: "the portal sees the network's public address instead; look it up with a \"what is my IP\" site",
                id: "portal melihat alamat publik jaringan tersebut, bukan alamat ini; cek alamatnya lewat situs \"what is my IP\""
            )
        }

        var switchedOnRule: String {
            text(
                en: "Only an account with the IP whitelist switched on checks the address at sign-in",
                id: "Hanya akun yang mengaktifkan whitelist IP yang memeriksa alamat saat login"
            )
        }

        var whitelistOff: String { text(en: "whitelist on: no", id: "whitelist aktif: tidak") }
        var notChecked: String { text(en: "allowed: the address is not checked", id: "diizinkan: alamat tidak diperiksa") }

        var listRule: String {
            text(
                en: "With the whitelist on, the portal accepts a sign-in only from an address on the list",
                id: "Jika whitelist aktif, portal hanya menerima login dari alamat yang ada di daftar"
            )
        }

        func otherFamily(_ address: IPAddress, entry number: Int, _ entry: Entry) -> String {
            let family = entry.network.address.family.rawValue
            return text(
                en: "\(address) (\(address.family.rawValue)) vs entry \(number) '\(entry.written)' (\(family))",
                id: "\(address) (\(address.family.rawValue)) vs entri \(number) '\(entry.written)' (\(family))"
            )
        }

        func inRange(_ address: IPAddress, _ inside: Bool, entry number: Int, _ entry: Entry, range: String) -> String {
            text(
                en: "\(address) \(inside ? "in" : "not in") entry \(number) '\(entry.written)' = \(entry.network) (\(range))",
                id: "\(address) \(inside ? "ada di" : "tidak ada di") entri \(number) '\(entry.written)' = \(entry.network) (\(range))"
            )
        }

        func matchResult(_ inside: Bool) -> String {
            inside ? text(en: "match: allowed", id: "cocok: diizinkan") : noMatch
        }

        var noMatch: String { text(en: "no match", id: "tidak cocok") }

        func emptyList(_ address: IPAddress) -> String { text(en: "\(address) vs an empty list", id: "\(address) vs daftar kosong") }

        var refusalRule: String {
            text(
                en: "An address not on the list is refused with the whitelist message, whatever the password",
                id: "Alamat yang tidak ada di daftar ditolak dengan pesan whitelist, apa pun kata sandinya"
            )
        }

        func matchedNone(_ address: IPAddress, count: Int) -> String {
            text(
                en: "\(address) matched none of \(count) entr\(count == 1 ? "y" : "ies")",
                id: "\(address) tidak cocok dengan satu pun dari \(count) entri"
            )
        }

        func refused(_ refusal: String) -> String { text(en: "refused: \"\(refusal)\"", id: "ditolak: \"\(refusal)\"") }

        var colleagueRule: String {
            text(
                en: "A colleague who can still sign in adds the new public address to the list",
                id: "Rekan yang masih bisa login menambahkan alamat publik yang baru ke daftar"
            )
        }

        func add(_ address: IPAddress, menu: String) -> String { text(en: "add \(address) under \(menu)", id: "tambahkan \(address) di \(menu)") }

        var supportRule: String {
            text(
                en: "Support can switch the whitelist off when nobody can get in",
                id: "Tim support bisa menonaktifkan whitelist jika tidak ada yang bisa masuk"
            )
        }

        func email(_ address: String) -> String { text(en: "email \(address)", id: "kirim email ke \(address)") }

        // MARK: Headline, details and fixes

        var offHeadline: String {
            text(
                en: "Allowed: the IP whitelist is off, so any address may sign in.",
                id: "Diizinkan: whitelist IP tidak aktif, jadi login dari alamat mana pun diterima."
            )
        }

        func allowedHeadline(_ address: IPAddress, entry: String) -> String {
            text(
                en: "Allowed: \(address) is on the whitelist (entry '\(entry)').",
                id: "Diizinkan: \(address) ada di whitelist (entri '\(entry)')."
            )
        }

        func refusedHeadline(_ address: IPAddress, refusal: String) -> String {
            text(
                en: "Refused with \"\(refusal)\": \(address) matches no whitelist entry.",
                id: "Ditolak dengan pesan \"\(refusal)\": \(address) tidak cocok dengan entri whitelist mana pun."
            )
        }

        var addressLabel: String { text(en: "Address", id: "Alamat") }
        var matchedLabel: String { text(en: "Matched", id: "Cocok dengan") }
        var fixLabel: String { text(en: "Fix", id: "Solusi") }
        var orLabel: String { text(en: "Or", id: "Atau") }

        func addFix(_ address: IPAddress, menu: String) -> String {
            text(
                en: "Have someone who can still sign in add \(address) under \(menu).",
                id: "Minta rekan yang masih bisa login untuk menambahkan \(address) di \(menu)."
            )
        }

        func offFix(support: String) -> String {
            text(
                en: "Or email \(support) to switch the IP whitelist off, naming the account and the blocked user.",
                id: "Atau kirim email ke \(support) untuk menonaktifkan whitelist IP, dengan menyebutkan akun dan pengguna yang terblokir."
            )
        }

        var staticFix: String {
            text(
                en: "Whitelist only static addresses: a dynamic one changes without warning.",
                id: "Masukkan hanya alamat IP statis ke whitelist: IP dinamis bisa berubah tanpa pemberitahuan."
            )
        }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .allowed: text(en: "Allowed", id: "Diizinkan")
            case .refused: text(en: "Refused", id: "Ditolak")
            }
        }

        var invalid: String { text(en: "Invalid", id: "Tidak valid") }

        var columns: [String] {
            ["Whitelist", text(en: "Address", id: "Alamat"), text(en: "Result", id: "Hasil"), text(en: "Matched entry", id: "Entri yang cocok")]
        }

        var rangesTitle: String { text(en: "An office range and an IPv6 range", id: "Rentang kantor dan rentang IPv6") }
        var rangesNote: String { text(en: "Each row is a run with the whitelist on.", id: "Setiap baris adalah simulasi dengan whitelist aktif.") }
        var edgesTitle: String { text(en: "Prefix lengths at their limits", id: "Panjang prefiks di batasnya") }

        var edgesNote: String {
            text(
                en: "/0 holds every address of its family, /32 and /128 exactly one.",
                id: "/0 mencakup semua alamat dalam keluarganya, /32 dan /128 tepat satu alamat."
            )
        }
    }
}

extension IPWhitelistSimulator.Verdict {
    public func label(in language: Language) -> String {
        IPWhitelistSimulator.Phrases(language: language).verdict(self)
    }
}
