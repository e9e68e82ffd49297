import Foundation
public import KBContent

/// The short name a person reads for each simulator input, in each language: the label
/// of the site's form field ("Sign-in attempts" for `attempts`), where the field's
/// ``FlowField/help`` is the longer description under it.
///
/// Input names (`stopped_at`, `transaction_time`) are ids: they stay the keys of
/// `--set`, JSON and the form's query string. A test holds that every input of every
/// registered flow has a label in every language.
public enum FieldLabels {
    /// The label of `field` of the flow `flow`, in `language`; `nil` for an input this
    /// table does not know.
    public static func label(flow: String, field: String, in language: Language) -> String? {
        guard let words = table[flow]?[field] ?? shared[field] else { return nil }
        switch language {
        case .english: return words.en
        case .indonesian: return words.id
        }
    }

    /// The same words, or `name` with its underscores as spaces when the table has none.
    public static func label(_ field: FlowField, flow: String, in language: Language) -> String {
        label(flow: flow, field: field.name, in: language) ?? field.name.replacingOccurrences(of: "_", with: " ")
    }

    private typealias Words = (en: String, id: String)

    /// Inputs several flows take, named the same in each.
    private static let shared: [String: Words] = [
        "payment_type": ("Payment method", "Metode pembayaran"),
        "status": ("Transaction status", "Status transaksi"),
        "fraud_status": ("Fraud status", "Status fraud"),
        "transaction_time": ("Transaction time", "Waktu transaksi"),
    ]

    /// Each flow's own inputs.
    private static let table: [String: [String: Words]] = [
        "account-lockout": [
            "attempts": ("Sign-in attempts", "Percobaan login"),
        ],
        "forgot-2fa": [
            "email": ("Login email address", "Alamat email login"),
            "has_authenticator": ("Authenticator still available", "Google Authenticator masih bisa dibuka"),
            "knows_password": ("Password still known", "Kata sandi masih diingat"),
            "name": ("Your name (optional)", "Nama Anda (opsional)"),
        ],
        "ip-whitelist": [
            "enabled": ("IP whitelist switched on", "IP whitelist aktif"),
            "whitelist": ("Whitelist entries", "Daftar IP whitelist"),
            "ip": ("Address you sign in from", "Alamat IP saat login"),
        ],
        "card-denied": [
            "stopped_at": ("Where the charge stopped", "Tempat transaksi terhenti"),
            "code": ("Bank response code", "Kode respons bank"),
        ],
        "add-portal-user": [
            "name": ("Name", "Nama"),
            "email": ("Email address", "Alamat email"),
            "role": ("Role", "Role"),
            "activate": ("Activate Account ticked", "Activate Account dicentang"),
            "existing_users": ("Current users' email addresses", "Alamat email pengguna yang sudah ada"),
            "link_followed": ("Activation link followed", "Tautan aktivasi sudah dibuka"),
        ],
        "payment-urls": [
            "outcome": ("How the payment ended", "Hasil akhir pembayaran"),
            "order_id": ("Order ID", "Order ID"),
            "notification_url": ("Payment Notification URL", "Payment Notification URL"),
            "finish_url": ("Finish Redirect URL", "Finish Redirect URL"),
            "unfinish_url": ("Unfinish Redirect URL", "Unfinish Redirect URL"),
            "error_url": ("Error Redirect URL", "Error Redirect URL"),
            "response": ("What your notification endpoint answers", "Respons endpoint notifikasi Anda"),
        ],
        "change-login-email": [
            "current_email": ("Current login email", "Email login saat ini"),
            "new_email": ("New login email", "Email login baru"),
            "name": ("Name for the new user", "Nama untuk pengguna baru"),
            "current_role": ("Role of the login making the change", "Role login yang melakukan perubahan"),
            "keep_old": ("What happens to the old login", "Tindakan untuk login lama"),
            "other_users": ("Other users' email addresses", "Alamat email pengguna lain"),
        ],
        "multiple-websites": [
            "registered_site": ("Registered website", "Website yang terdaftar"),
            "new_site": ("New website", "Website baru"),
            "same_business": ("Same line of business", "Lini bisnis yang sama"),
        ],
    ]
}
