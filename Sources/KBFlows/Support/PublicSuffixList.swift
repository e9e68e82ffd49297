internal import CPSL

/// The Public Suffix List, through libpsl's built-in copy: which part of a host name
/// is the domain someone registered.
///
/// `psl_builtin()` is a static, thread-safe context compiled into the library; no file
/// is read. The C pointers stay in this file.
public enum PublicSuffixList {
    /// The registrable domain of `host` (`shop.example.co.id` → `example.co.id`,
    /// `user.github.io` → `user.github.io`); `nil` when `host` is itself a public
    /// suffix (`co.id`, `github.io`) or libpsl has no list.
    ///
    /// - Parameter host: an ASCII host name (IDNA names in their `xn--` form); it is
    ///   lower-cased first, as libpsl requires.
    public static func registrableDomain(of host: String) -> String? {
        guard let context = psl_builtin() else { return nil }
        return host.lowercased().withCString { name -> String? in
            guard let domain = psl_registrable_domain(context, name) else { return nil }
            return String(cString: domain)
        }
    }
}
