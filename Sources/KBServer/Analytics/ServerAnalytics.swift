public import KBAnalytics

/// What `kb serve` does with reader events: where they are recorded (``recorder``,
/// `nil` with `--analytics off`), who may read the report (``adminToken``, from
/// `KB_ADMIN_TOKEN`; without it the report routes are 404), and how often one client
/// may post feedback and clicks.
public struct ServerAnalytics: Sendable {
    public var recorder: AnalyticsRecorder?
    public var adminToken: String?
    /// POSTs a client may send at once, and how many more it earns each second.
    public var postBurst: Int
    public var postsPerSecond: Double
    /// The largest feedback or click body accepted, in bytes; more is a 413.
    public var maxBodyBytes: Int

    public init(
        recorder: AnalyticsRecorder? = nil, adminToken: String? = nil,
        postBurst: Int = 20, postsPerSecond: Double = 1, maxBodyBytes: Int = 4096
    ) {
        self.recorder = recorder
        self.adminToken = adminToken.flatMap { $0.isEmpty ? nil : $0 }
        self.postBurst = postBurst
        self.postsPerSecond = postsPerSecond
        self.maxBodyBytes = maxBodyBytes
    }

    /// Records nothing; no report.
    public static let off = ServerAnalytics()
}
