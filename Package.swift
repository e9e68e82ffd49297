// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "kb",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .library(name: "KBContent", targets: ["KBContent"]),
        .library(name: "KBFlows", targets: ["KBFlows"]),
        .library(name: "KnowledgeBase", targets: ["KnowledgeBase"]),
        .library(name: "KBServer", targets: ["KBServer"]),
        .library(name: "KBSearch", targets: ["KBSearch"]),
        .library(name: "KBSite", targets: ["KBSite"]),
        .library(name: "KBAnalytics", targets: ["KBAnalytics"]),
        .executable(name: "kb-bench", targets: ["kb-bench"]),
        .executable(name: "kb-site-bench", targets: ["kb-site-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // C libraries from Debian, one system library target each.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CPSL",
            pkgConfig: "libpsl",
            providers: [.apt(["libpsl-dev"])]
        ),

        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),

        .target(
            name: "KBSearch",
            dependencies: ["CStemmer"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KBContent",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KBFlows",
            dependencies: ["KBContent", "CPSL"],
            swiftSettings: swiftSettings
        ),
        // Content for a terminal: Markdown, articles and codes as styled, wrapped text (kb's output).
        .target(
            name: "KBTerminal",
            dependencies: ["KBContent"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KnowledgeBase",
            dependencies: ["KBContent", "KBSearch", "KBFlows"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KBSite",
            dependencies: ["KBContent", "KBFlows", "KnowledgeBase", "KBAnalytics", "CLibXML2"],
            resources: [
                .embedInCode("Assets/style.css"),
                .embedInCode("Assets/favicon.svg"),
                .embedInCode("Assets/search.js"),
                .embedInCode("Assets/copy.js"),
                .embedInCode("Assets/flow.js"),
                .embedInCode("Assets/feedback.js"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reader events (searches, clicks, feedback): the recorder, the store, the report.
        .target(
            name: "KBAnalytics",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KBServer",
            dependencies: [
                "KBAnalytics",
                "KBContent",
                "KBFlows",
                "KnowledgeBase",
                "KBSite",
                "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                // The HTTP/1 pipeline kb builds itself: timeouts, Host, keep-alive, malformed requests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [
                .embedInCode("OpenAPI/openapi.yaml"),
            ],
            swiftSettings: swiftSettings
        ),
        // The shipped Content/ built into the binary (Plugins/EmbedContent).
        .executableTarget(
            name: "kb-embed-content",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedContent",
            capability: .buildTool(),
            dependencies: ["kb-embed-content"]
        ),
        .target(
            name: "KBShippedContent",
            dependencies: ["KBContent"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedContent"]
        ),
        .executableTarget(
            name: "kb",
            dependencies: [
                "KBContent",
                "KBShippedContent",
                "KBFlows",
                "KBSearch",
                "KBTerminal",
                "KnowledgeBase",
                "KBServer",
                "KBAnalytics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "KBSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "kb-bench",
            dependencies: ["KBSearch", "KnowledgeBase", "KBAnalytics"],
            swiftSettings: swiftSettings
        ),
        // Times the site build on ../shared/bench against Hugo (scripts/site-bench.sh); not a test.
        .executableTarget(
            name: "kb-site-bench",
            dependencies: [
                "KBContent",
                "KBSite",
                "KnowledgeBase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "KBSearchTests",
            dependencies: ["KBSearch"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBContentTests",
            dependencies: ["KBContent"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KnowledgeBaseTests",
            dependencies: ["KnowledgeBase", "KBContent"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBServerTests",
            dependencies: [
                "KBServer",
                "KBAnalytics",
                "KnowledgeBase",
                "KBContent",
                "KBFlows",
                "KBSite",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBAnalyticsTests",
            dependencies: [
                "KBAnalytics",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBTerminalTests",
            dependencies: ["KBTerminal", "KBContent"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBFlowsTests",
            dependencies: ["KBFlows", "KBContent"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBSiteTests",
            dependencies: ["KBSite", "KBContent", "KBFlows", "KnowledgeBase", "CLibXML2"],
            exclude: ["Golden", "Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KBCommandTests",
            dependencies: ["kb"],
            swiftSettings: swiftSettings
        ),
    ]
)
