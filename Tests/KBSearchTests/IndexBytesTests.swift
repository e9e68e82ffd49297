import Testing
@testable import KBSearch

/// The bytes of a built index, array by array, on a generated bench-like corpus: a
/// restructuring of `IndexBuilder` must leave every one of them as it was.
///
/// The expected digests were computed from the builder before it was split into
/// steps. A change that means to alter the index (a new array, another layout) updates
/// them, and says so in its commit.
@Suite("Index bytes")
struct IndexBytesTests {
    static let expected: [String: UInt64] = [
        "checkpoints": 0x92fcd8d137804044,
        "documentIDs": 0x9a1a2715b37a29f4,
        "facets": 0x4f115b37881a0692,
        "fieldLengths": 0x51002f03bfdd2f96,
        "fieldPositionBases": 0xd447b9c2ef373b9e,
        "fields": 0x8ab597e220691cf,
        "groups": 0x779dce9d065437a,
        "identifiers": 0xd185e43556f65474,
        "positionBytes": 0xd9725757b72b692b,
        "positionStarts": 0x4045ca65370dff2b,
        "postingDocuments": 0x710ce71ad97647f2,
        "postingFieldMasks": 0x2a71facc62065811,
        "postingStarts": 0x59049afb747bfbf1,
        "postingWeights": 0xae7d08b7519b6387,
        "snippetFields": 0x667f6cf333588448,
        "snippetTexts": 0x59d6ea0100740842,
        "stems": 0x5aab7787ddb6c026,
        "termGroups": 0xdb872bfdff1e6052,
        "terms": 0xe80c492e4d9f8d3c,
        "titles": 0xfca3d9b60435ecf5,
        "trie": 0x1c8f9edca7eebe8,
    ]

    @Test("a built index holds the same bytes as before, array by array")
    func sameBytes() {
        let corpus = GeneratedCorpus.documents(count: 400, seed: 0x6B62_2D69_6E64_6578)
        let index = SearchIndex(documents: corpus, schema: GeneratedCorpus.schema, analyzer: GeneratedCorpus.analyzer)
        index._checkInvariants()
        #expect(index.documentCount == 400 && index.termCount > 150 && !index.storage.identifiers.isEmpty)
        let digests = IndexDigest.parts(of: index.storage)
        let report = digests.keys.sorted().map { "\"\($0)\": 0x\(String(digests[$0]!, radix: 16))," }
            .joined(separator: "\n")
        #expect(digests == Self.expected, "digests now:\n\(report)")
    }

    @Test("the digest sees a one-byte change")
    func digestIsSensitive() {
        var a = IndexDigest(), b = IndexDigest()
        a.add(ContiguousArray<UInt8>([1, 2, 3]))
        b.add(ContiguousArray<UInt8>([1, 2, 4]))
        #expect(a.value != b.value)
        var c = IndexDigest(), d = IndexDigest()
        c.add(["ab", "c"])
        d.add(["a", "bc"])
        #expect(c.value != d.value)
    }
}

/// A help-center-like corpus from a seeded generator: titles, codes, tags, bodies with
/// inflected words, stop words, digits, e-mails, URLs, non-ASCII words, over-long runs
/// and empty fields, so every part of the builder has work to do.
enum GeneratedCorpus {
    static let schema = SearchSchema(
        fields: [
            FieldDefinition(name: "code", weight: 4, isIdentifier: true),
            FieldDefinition(name: "title", weight: 4),
            FieldDefinition(name: "tags", weight: 2),
            FieldDefinition(name: "summary", weight: 1.5),
            FieldDefinition(name: "body", weight: 1),
        ],
        facets: ["kind", "category", "tag"],
        snippetField: "body")

    static let analyzer = Analyzer(synonyms: [["two factor", "2fa"], ["locked", "blocked"], ["refund", "money back"]])

    static let words = [
        "account", "accounts", "accountant", "lock", "locked", "locking", "unlock", "unlocked", "password",
        "passwords", "login", "logging", "portal", "dashboard", "merchant", "merchants", "transaction",
        "transactions", "cancel", "cancelled", "cancelling", "cancellation", "refund", "refunds", "refunded",
        "settlement", "settle", "settled", "payment", "payments", "pay", "paying", "card", "cards", "declined",
        "decline", "bank", "issuer", "issuing", "response", "code", "codes", "notification", "notifications",
        "redirect", "whitelist", "whitelisted", "address", "network", "office", "email", "change", "changed",
        "user", "users", "role", "roles", "permission", "permissions", "authenticator", "authentication",
        "factor", "phone", "reset", "expired", "expire", "insufficient", "funds", "honor", "retry", "retried",
        "sandbox", "production", "webhook", "webhooks", "endpoint", "status", "pending", "settlements", "daily",
        "report", "reports", "customer", "customers", "café", "straße", "résumé", "naïve", "ｆｕｌｌ", "ﬁle",
        "don't", "merchant’s", "3ds", "v2", "n7", "05", "51", "2fa", "1a", "qris", "gopay", "virtual",
    ]
    static let stopWords = ["the", "a", "to", "of", "is", "in", "and", "or", "what", "why", "do", "not", "no"]
    static let extras = [
        "support@midtrans.com", "https://dashboard.midtrans.com/settings/access", "www.example.co.id/pay",
        "ops.team+alerts@merchant.example", String(repeating: "abcdef0123", count: 8), "½", "①", "Привет", "日本語",
        "e-mail", "re-try", "x:y", "10.0.0.1", "2026-11-25",
    ]
    static let categories = ["portal-access", "payments", "card-declines", "integration", "users-and-account"]
    static let tags = ["login", "security", "refund", "settlement", "api", "card", "2fa", "Two-Factor", "IP"]

    static func documents(count: Int, seed: UInt64) -> [SearchDocument] {
        var rng = SplitMix(state: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        func sentence(_ length: Int) -> String {
            var parts: [String] = []
            for _ in 0..<length {
                switch rng.next() % 20 {
                case 0...2: parts.append(pick(stopWords))
                case 3: parts.append(pick(extras))
                case 4: parts.append(pick(words).uppercased())
                case 5: parts.append(pick(words) + pick([",", ".", ";", ":", "!", "?"]))
                default: parts.append(pick(words))
                }
            }
            return parts.joined(separator: rng.next() % 9 == 0 ? "\n" : " ")
        }
        return (0..<count).map { k in
            let isCode = k % 5 == 4
            var fields: [String: String] = [:]
            if isCode { fields["code"] = pick(["05", "51", "N7", "54", "1A", "Do Not Honor", "\(k)"]) }
            fields["title"] = sentence(2 + Int(rng.next() % 6))
            if rng.next() % 3 != 0 {
                fields["tags"] = (0..<Int(1 + rng.next() % 3)).map { _ in pick(tags) }.joined(separator: " ")
            }
            fields["summary"] = sentence(Int(rng.next() % 14))
            // Some documents have no body: their snippet comes from the first non-empty field.
            if k % 17 != 3 { fields["body"] = sentence(Int(rng.next() % 220)) }
            let facetTags = (0..<Int(rng.next() % 3)).map { _ in pick(tags) }
            return SearchDocument(
                id: (isCode ? "code:" : "article:") + "d\(k)",
                fields: fields,
                facets: ["kind": [isCode ? "code" : "article"], "category": [pick(categories)], "tag": facetTags])
        }
    }
}

/// FNV-1a over the bytes of an index's arrays, one value per named part.
struct IndexDigest {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func addBytes(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    mutating func add<T: BitwiseCopyable>(_ array: ContiguousArray<T>) {
        add(integer: array.count)
        array.withUnsafeBytes { addBytes($0) }
    }

    mutating func add<T: BitwiseCopyable>(_ array: [T]) {
        add(ContiguousArray(array))
    }

    mutating func add(integer: Int) {
        withUnsafeBytes(of: Int64(integer).littleEndian) { addBytes($0) }
    }

    mutating func add(_ strings: [String]) {
        add(integer: strings.count)
        for string in strings {
            add(integer: string.utf8.count)
            var copy = string
            copy.withUTF8 { addBytes(UnsafeRawBufferPointer($0)) }
        }
    }

    static func of(_ body: (inout IndexDigest) -> Void) -> UInt64 {
        var digest = IndexDigest()
        body(&digest)
        return digest.value
    }

    static func parts(of storage: IndexStorage) -> [String: UInt64] {
        func table(_ table: TermTable) -> UInt64 {
            of { $0.add(table.bytes); $0.add(table.offsets); $0.add(table.slots) }
        }
        return [
            "documentIDs": of { $0.add(storage.documentIDs) },
            "fields": of {
                $0.add(integer: storage.fieldCount)
                $0.add(storage.fieldWeights.map(\.bitPattern))
                $0.add(storage.averageFieldLengths.map(\.bitPattern))
            },
            "fieldLengths": of { $0.add(storage.fieldLengths) },
            "fieldPositionBases": of { $0.add(storage.fieldPositionBases) },
            "snippetTexts": of { $0.add(storage.snippetTexts) },
            "snippetFields": of { $0.add(storage.snippetFields) },
            "titles": of {
                $0.add(integer: Int(storage.titleFieldMask))
                $0.add(integer: storage.titleField)
                $0.add(storage.titleTexts)
            },
            "checkpoints": of {
                $0.add(storage.checkpointStarts)
                $0.add(storage.checkpointPositions)
                $0.add(storage.checkpointOffsets)
            },
            "terms": table(storage.terms),
            "termGroups": of { $0.add(storage.termGroups) },
            "stems": table(storage.stems),
            "groups": of {
                $0.add(storage.groupTermStarts)
                $0.add(storage.groupTerms)
                $0.add(storage.groupDocumentFrequencies)
            },
            "trie": of {
                $0.add(storage.trie.labels)
                $0.add(storage.trie.subtreeEnds)
                $0.add(storage.trie.termIDs)
            },
            "postingStarts": of { $0.add(storage.postingStarts) },
            "postingDocuments": of { $0.add(storage.postingDocuments) },
            "postingWeights": of { $0.add(storage.postingWeights.map(\.bitPattern)) },
            "postingFieldMasks": of { $0.add(storage.postingFieldMasks) },
            "positionStarts": of { $0.add(storage.positionStarts) },
            "positionBytes": of { $0.add(storage.positionBytes) },
            "identifiers": of { digest in
                for key in storage.identifiers.keys.sorted() {
                    digest.add([key])
                    digest.add(storage.identifiers[key]!)
                }
            },
            "facets": of { digest in
                for facet in storage.facets {
                    digest.add([facet.name])
                    digest.add(facet.valueNames)
                    for key in facet.valueIDs.keys.sorted() {
                        digest.add([key])
                        digest.add(integer: Int(facet.valueIDs[key]!))
                    }
                    digest.add(facet.documentValueStarts)
                    digest.add(facet.documentValues)
                }
            },
        ]
    }
}
