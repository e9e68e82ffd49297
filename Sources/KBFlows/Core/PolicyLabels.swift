public import KBContent

/// Short names for people of the `policies.yaml` values the simulators read, so a page
/// can list "Wrong passwords before the lock: 5" rather than `lockout.max_failed_attempts`
/// (which stays, small, for authors).
///
/// Every path any registered flow reads (``AnyFlow/policyPaths``) has a name in every
/// language; a test holds them to it.
public enum PolicyLabels {
    /// The name of the policy value at `path` in `language`: "Wrong passwords before the
    /// lock"; "Batas kata sandi salah sebelum login terkunci". `nil` for a path no
    /// simulator reads.
    public static func label(for path: String, in language: Language) -> String? {
        if let entry = labels[path] { return language == .indonesian ? entry.indonesian : entry.english }
        let retries = "notification.retries.http_"
        if path.hasPrefix(retries), let status = Int(path.dropFirst(retries.count)) {
            return language == .indonesian
                ? "Jumlah pengiriman ulang setelah jawaban HTTP \(status)"
                : "Retries after an HTTP \(status) answer"
        }
        return nil
    }

    private static let labels: [String: (english: String, indonesian: String)] = [
        "lockout.max_failed_attempts": ("Wrong passwords before the lock", "Batas kata sandi salah sebelum login terkunci"),
        "lockout.unlock_after_minutes": ("Minutes until it opens again", "Menit sampai login terbuka lagi"),
        "support.email": ("Support e-mail address", "Alamat email tim support"),
        "support.fraud_email": ("E-mail address of the fraud team", "Alamat email tim fraud"),
        "portal.name": ("The portal's name", "Nama portal"),
        "portal.login_url": ("Portal sign-in address", "Alamat login portal"),
        "portal.transaction_retention_months": ("Months the portal keeps a transaction", "Lama portal menyimpan transaksi (bulan)"),
        "portal.report_email_minutes": ("Minutes for an e-mailed report to arrive", "Menit sampai laporan lewat email masuk"),
        "portal.transactions_menu": ("Transactions menu", "Menu transaksi"),
        "password.reset_link_label": ("Password reset link", "Tautan reset kata sandi"),
        "two_factor.app": ("Authenticator app", "Aplikasi authenticator"),
        "two_factor.menu": ("Two-factor settings menu", "Menu pengaturan verifikasi dua langkah"),
        "ip_whitelist.menu": ("IP whitelist menu", "Menu IP whitelist"),
        "ip_whitelist.refusal_text": ("Message shown to a refused address", "Pesan untuk alamat yang ditolak"),
        "users.menu": ("User management menu", "Menu pengelolaan pengguna"),
        "users.section": ("New-user form", "Formulir pengguna baru"),
        "users.activate_checkbox": ("Activation checkbox", "Kotak centang aktivasi"),
        "users.create_button": ("Button that creates the user", "Tombol untuk membuat pengguna"),
        "users.roles": ("Roles a user can have", "Peran yang bisa dimiliki pengguna"),
        "users.admin_role": ("Role with full access", "Peran dengan akses penuh"),
        "cancellation.card_statuses": ("Card statuses that can be cancelled", "Status kartu yang bisa dibatalkan"),
        "cancellation.cutoff_days_after_transaction": ("Days after the transaction until the cut-off", "Jumlah hari setelah transaksi sampai batas waktu"),
        "cancellation.cutoff_time": ("Time of day of the cut-off", "Jam batas waktu"),
        "cancellation.time_zone": ("Time zone of the cut-off", "Zona waktu batas waktu"),
        "cancellation.time_zone_label": ("The cut-off's zone as merchants know it", "Nama zona waktu batas waktu"),
        "cancellation.pending_methods": ("Payment methods cancellable while pending", "Metode pembayaran yang bisa dibatalkan saat pending"),
        "api.production_base_url": ("API address (production)", "Alamat API (production)"),
        "api.sandbox_base_url": ("API address (sandbox)", "Alamat API (sandbox)"),
        "api.cancel_path": ("Cancel API path", "Path API pembatalan"),
        "expiry.card_3ds_minutes": ("Minutes to finish 3-D Secure", "Menit untuk menyelesaikan 3D Secure"),
        "fraud.challenge_menu": ("Menu for challenged transactions", "Menu transaksi challenge"),
        "notification.menu": ("Notification settings menu", "Menu pengaturan notifikasi"),
        "notification.timeout_seconds": ("Seconds Midtrans waits for an answer", "Detik Midtrans menunggu jawaban"),
        "notification.max_retries": ("Most retries of a notification", "Batas pengiriman ulang notifikasi"),
        "notification.retry_after_minutes": ("Minutes before each retry", "Menit sebelum setiap pengiriman ulang"),
        "notification.retries.other_failure": ("Retries after any other failure", "Jumlah pengiriman ulang setelah kegagalan lain"),
        "notification.redirects_not_followed": ("Redirects not followed", "Pengalihan yang tidak diikuti"),
        "notification.redirects_followed": ("Redirects followed", "Pengalihan yang diikuti"),
        "notification.max_redirects_followed": ("Most redirects followed", "Batas pengalihan yang diikuti"),
        "notification.standard_ports": ("Ports Midtrans sends to", "Port tujuan pengiriman Midtrans"),
        "redirect.query_parameters": ("Values added to a redirect address", "Parameter yang ditambahkan ke alamat redirect"),
    ]
}
