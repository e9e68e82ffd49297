import KBContent

extension FieldReader {
    /// The input errors every flow shares, in the language of the run.
    struct Phrases: Phrasebook {
        var language: Language

        func unknownInput(_ name: String, flow: String) -> String {
            text(en: "\(flow) has no input '\(name)'", id: "\(flow) tidak punya input '\(name)'")
        }

        func inputsAre(_ names: [String]) -> String {
            text(en: "its inputs are: ", id: "input yang ada: ") + names.joined(separator: ", ")
        }

        func notYesOrNo(_ value: String) -> String {
            text(en: "'\(value)' is not yes or no", id: "'\(value)' bukan ya atau tidak")
        }

        var answerYesOrNo: String { text(en: "answer yes or no", id: "jawab ya atau tidak") }

        func notWholeNumber(_ value: String, _ range: ClosedRange<Int>) -> String {
            text(
                en: "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                id: "'\(value)' bukan bilangan bulat dari \(range.lowerBound) sampai \(range.upperBound)"
            )
        }

        func notAChoice(_ value: String) -> String {
            text(en: "'\(value)' is not one of the choices", id: "'\(value)' tidak ada di antara pilihan")
        }

        func useOneOf(_ allowed: [String]) -> String {
            text(en: "use one of: ", id: "gunakan salah satu dari: ") + allowed.joined(separator: ", ")
        }

        func notADateTime(_ value: String) -> String {
            text(en: "'\(value)' is not a date-time", id: "'\(value)' bukan tanggal dan waktu")
        }

        func dateTimeHint(zone: String) -> String {
            text(
                en: "write ISO 8601 such as 2026-11-25T09:30:00+07:00, or 2026-11-25 09:30 (read in \(zone)), or now",
                id: "tulis dalam ISO 8601, misalnya 2026-11-25T09:30:00+07:00, atau 2026-11-25 09:30 (dibaca dalam zona \(zone)), atau now"
            )
        }

        func notAnEmail(_ value: String, _ problem: String) -> String {
            text(en: "'\(value)' is not an email address: \(problem)", id: "'\(value)' bukan alamat email: \(problem)")
        }

        var emailHint: String { text(en: "write it as name@example.com", id: "tulis seperti nama@example.com") }

        var required: String { text(en: "a value is required", id: "wajib diisi") }

        func example(_ example: String) -> String {
            text(en: " (e.g. \(example))", id: " (misalnya \(example))")
        }
    }
}
