public import KBContent

extension MultipleWebsitesSimulator {
    public static func title(in language: Language) -> String {
        Phrases(language: language).title
    }

    /// Every text `multiple-websites` writes for people, in one language.
    struct Phrases: Phrasebook {
        var language: Language

        var title: String {
            text(en: "May this merchant use its account on another website?", id: "Bolehkah merchant ini memakai akunnya di website lain?")
        }

        // MARK: Input

        var registeredHelp: String { text(en: "The website the account was registered for", id: "Website yang didaftarkan untuk akun ini") }
        var newHelp: String { text(en: "The website that would use the same account", id: "Website yang akan memakai akun yang sama") }

        var businessHelp: String {
            text(en: "Does the new site sell within the same scope of business?", id: "Apakah website baru berjualan dalam lingkup bisnis yang sama?")
        }

        var hostHint: String {
            text(
                en: "give the site's host name, e.g. shop.example.co.id or https://shop.example.co.id/",
                id: "isi nama host website, misalnya shop.example.co.id atau https://shop.example.co.id/"
            )
        }

        func notAWebAddress(_ value: String) -> String { text(en: "'\(value)' is not a web address", id: "'\(value)' bukan alamat web") }

        func ipAddress(_ value: String) -> String {
            text(en: "'\(value)' is an IP address, not a domain", id: "'\(value)' adalah alamat IP, bukan domain")
        }

        func nonASCII(_ value: String) -> String {
            text(en: "'\(value)' has letters outside ASCII", id: "'\(value)' memuat huruf di luar ASCII")
        }

        var punycodeHint: String {
            text(
                en: "write an internationalized domain in its xn-- (punycode) form",
                id: "tulis domain internasional dalam bentuk xn-- (punycode)"
            )
        }

        func notAHostName(_ value: String) -> String { text(en: "'\(value)' is not a host name", id: "'\(value)' bukan nama host") }

        func publicSuffix(_ value: String) -> String {
            text(
                en: "'\(value)' is a public suffix, under which anyone can register, not a site's domain",
                id: "'\(value)' adalah public suffix, tempat siapa pun bisa mendaftarkan domain, bukan domain sebuah website"
            )
        }

        var ownDomainHint: String {
            text(
                en: "give the site's own domain, e.g. example.co.id rather than co.id",
                id: "isi domain milik website itu sendiri, misalnya example.co.id, bukan co.id"
            )
        }

        // MARK: Trace

        var domainRule: String {
            text(
                en: "Sites count as one domain when they share the domain someone registered (per the Public Suffix List)",
                id: "Beberapa website dihitung sebagai satu domain jika memakai domain terdaftar yang sama (menurut Public Suffix List)"
            )
        }

        func registrable(_ site: Site) -> String {
            text(
                en: "\(site.host) → registrable domain \(site.registrableDomain)",
                id: "\(site.host) → domain terdaftar \(site.registrableDomain)"
            )
        }

        var sameDomainRule: String {
            text(
                en: "One account may serve several sites only if they are on the same domain",
                id: "Satu akun boleh dipakai di beberapa website hanya jika semuanya berada di domain yang sama"
            )
        }

        func sameDomain(_ flag: Bool) -> String {
            flag ? text(en: "same domain", id: "domain sama") : text(en: "different domains", id: "domain berbeda")
        }

        var sameBusinessRule: String {
            text(
                en: "…and only if they belong to the same scope of business",
                id: "…dan hanya jika semuanya termasuk dalam lingkup bisnis yang sama"
            )
        }

        func sameScope(_ flag: Bool) -> String {
            text(en: "same scope of business: \(yesNo(flag))", id: "lingkup bisnis sama: \(yesNo(flag))")
        }

        func sameBusiness(_ flag: Bool) -> String {
            flag ? text(en: "same business", id: "bisnis sama") : text(en: "different business", id: "bisnis berbeda")
        }

        var keepRule: String {
            text(
                en: "Sites on one domain and in one business keep using the current account and its keys",
                id: "Website di satu domain dan satu bisnis tetap memakai akun dan access key yang sekarang"
            )
        }

        func useSameAccount(on host: String) -> String { text(en: "use the same account on \(host)", id: "pakai akun yang sama di \(host)") }

        func allowedSteps(_ host: String) -> [String] {
            [
                text(en: "Keep using the current account and its keys on \(host).", id: "Tetap gunakan akun dan access key yang sekarang di \(host)."),
                text(
                    en: "If another team runs \(host), give them portal logins of their own (see add-portal-users).",
                    id: "Jika \(host) dikelola tim lain, berikan login portal tersendiri untuk tim tersebut (lihat add-portal-users)."
                ),
            ]
        }

        func allowedHeadline(_ new: Site, _ registered: Site) -> String {
            text(
                en: "Allowed: \(new.host) and \(registered.host) share the domain \(new.registrableDomain) and the business.",
                id: "Diizinkan: \(new.host) dan \(registered.host) memakai domain \(new.registrableDomain) dan bisnis yang sama."
            )
        }

        var ownAccountRule: String {
            text(
                en: "Otherwise the other site registers an account of its own and integrates in its sandbox first",
                id: "Jika tidak, website lain tersebut mendaftarkan akun sendiri dan melakukan integrasi di sandbox-nya terlebih dahulu"
            )
        }

        func register(at url: String) -> String { text(en: "register at \(url)", id: "daftar di \(url)") }

        var unsureRule: String {
            text(
                en: "When unsure whether the business is the same, ask support before going live",
                id: "Jika ragu apakah bisnisnya sama, tanyakan ke tim support sebelum go-live"
            )
        }

        func emailSupport(_ email: String) -> String {
            text(
                en: "email \(email) with both addresses and what each sells",
                id: "kirim email ke \(email) berisi alamat kedua website dan apa yang dijual di masing-masing"
            )
        }

        func separateSteps(_ host: String, loginURL: String, support: String) -> [String] {
            [
                text(en: "Register a new Midtrans account for \(host) at \(loginURL).", id: "Daftarkan akun Midtrans baru untuk \(host) di \(loginURL)."),
                text(
                    en: "Integrate \(host) in the new account's sandbox first, with that account's keys.",
                    id: "Integrasikan \(host) di sandbox akun baru terlebih dahulu, dengan access key milik akun tersebut."
                ),
                text(en: "Keep each site on its own credentials from then on.", id: "Selanjutnya, gunakan kredensial masing-masing untuk setiap website."),
                text(
                    en: "Unsure whether the business counts as the same? Email \(support) with both addresses and what each sells.",
                    id: "Ragu apakah bisnisnya termasuk sama? Kirim email ke \(support) berisi alamat kedua website dan apa yang dijual di masing-masing."
                ),
            ]
        }

        func notTheSameDomain(_ new: Site, _ registered: Site) -> String {
            text(
                en: "\(new.registrableDomain) is not \(registered.registrableDomain)",
                id: "\(new.registrableDomain) bukan \(registered.registrableDomain)"
            )
        }

        var differentBusiness: String { text(en: "the business is different", id: "bisnisnya berbeda") }

        func notAllowedHeadline(why: [String], host: String) -> String {
            text(en: "Not allowed: ", id: "Tidak diizinkan: ") + why.joined(separator: text(en: " and ", id: " dan ")) + ". "
                + text(en: "\(host) needs an account of its own.", id: "\(host) memerlukan akun sendiri.")
        }

        var registeredLabel: String { text(en: "Registered", id: "Terdaftar") }
        var newLabel: String { text(en: "New", id: "Baru") }
        var doLabel: String { text(en: "Do", id: "Lakukan") }

        func site(_ site: Site) -> String { "\(site.host) (domain \(site.registrableDomain))" }

        // MARK: Scenarios

        /// A verdict in words, for a table cell and ``Verdict/label(in:)``.
        func verdict(_ verdict: Verdict) -> String {
            switch verdict {
            case .allowed: text(en: "Allowed on the same account", id: "Boleh di akun yang sama")
            case .separateAccount: text(en: "Needs a separate account", id: "Perlu akun terpisah")
            }
        }

        var otherBusiness: String { text(en: " (other business)", id: " (bisnis lain)") }
        var tableTitle: String { text(en: "Which sites share an account", id: "Website mana yang boleh berbagi akun") }

        var tableNote: String {
            text(
                en: "Each row is a run; registrable domains come from libpsl's Public Suffix List. The business is the same unless said.",
                id: "Setiap baris adalah simulasi; domain terdaftar diambil dari Public Suffix List milik libpsl. Bisnisnya sama kecuali disebutkan lain."
            )
        }

        var tableColumns: [String] {
            [
                text(en: "Registered site", id: "Website terdaftar"), text(en: "New site", id: "Website baru"), text(en: "Its domain", id: "Domainnya"),
                text(en: "New site's domain", id: "Domain website baru"), text(en: "Result", id: "Hasil"),
            ]
        }
    }
}

extension MultipleWebsitesSimulator.Verdict {
    public func label(in language: Language) -> String {
        MultipleWebsitesSimulator.Phrases(language: language).verdict(self)
    }
}
