/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Hostile {
    static let pieces = [
        "\"", "-", ":", "kind:", ":code", "-\"", "\"\"", " ", "\t", "\n", "\u{0}", "\u{7}", "\u{1B}[31m",
        "\u{301}", "\u{200D}", "\u{FEFF}", "🙂", "👩‍👩‍👧", "é", "ß", "ﬁ", "①", "½", "Ｎ７", "٣", "日本語", "Привет",
        "שלום", "مرحبا", "support@midtrans.com", "http://", "https://x.y/", "www.", "@", "a@b", ".", "..", "'", "’",
        "05", "N7", "51", "code", "card", "unlock", "account", "transaction", "-card", "tag:login", "category:",
        "x:y:z", "\\", "%", "*", "?", "AND", "OR", "NOT", "(", ")", "[", "]", "{", "}", "<script>", "&amp;",
    ]

    static func randomScalar(_ rng: inout SplitMix) -> Character {
        while true {
            let value: UInt32
            switch rng.next() % 4 {
            case 0: value = UInt32(rng.next() % 0x80)
            case 1: value = UInt32(rng.next() % 0x800)
            case 2: value = UInt32(rng.next() % 0x10000)
            default: value = UInt32(rng.next() % 0x110000)
            }
            if let scalar = Unicode.Scalar(value) { return Character(scalar) }
        }
    }

    static func randomString(_ rng: inout SplitMix) -> String {
        var text = ""
        let parts = Int(rng.next() % 12)
        for _ in 0..<parts {
            if rng.next() % 2 == 0 {
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            } else {
                for _ in 0..<Int(rng.next() % 6) { text.append(randomScalar(&rng)) }
            }
        }
        return text
    }
}
