import Foundation

/// Text as one word of a POSIX shell command line, for the commands kb prints for
/// people to run (`kb simulate … --set 'attempts=09:00 wrong'`).
public enum ShellWord {
    /// `text` as it is when it is plain (letters, digits and `@%+=:,./_-`), else in
    /// single quotes, each `'` inside written as `'\\''`.
    public static func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        if plain, !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
