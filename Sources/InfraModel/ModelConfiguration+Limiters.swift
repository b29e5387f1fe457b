import SimKernel

/// What a limiter does with a request that finds no token.
public enum LimiterExcess: String, Sendable, Hashable {
    /// The request is turned away (lost), like an HTTP 429 or an SMS gateway's queue overflow.
    case reject
    /// The request waits, first come first served, for a token.
    case queue
}

/// A token bucket in front of a rate-limited service (SMS/OTP gateway, HSM signing, partner API).
///
/// Tokens accrue continuously at `rate` up to the bucket size; a request at a `limit` step takes one token. Over
/// any interval of t seconds at most burst + rate × t requests pass. The bucket starts full.
public struct LimiterConfiguration: Sendable, Hashable {
    public var id: String
    /// The site where the request must be when it takes a token.
    public var site: String
    /// Tokens added per second (the limiter's capacity).
    public var rate: Double
    /// Bucket size in tokens; nil = the rate's tokens of one second (at least 1).
    public var burst: Double?
    public var excess: LimiterExcess
    /// Waiting places when `excess` is `queue`; nil = unlimited.
    public var queueCapacity: Int?
    /// Time (seconds) a waiting request waits for a token before abandoning; nil = waits forever.
    public var patience: Distribution?

    public init(id: String, site: String, rate: Double, burst: Double? = nil, excess: LimiterExcess = .reject,
                queueCapacity: Int? = nil, patience: Distribution? = nil) {
        self.id = id
        self.site = site
        self.rate = rate
        self.burst = burst
        self.excess = excess
        self.queueCapacity = queueCapacity
        self.patience = patience
    }

    /// The bucket size in tokens: `burst`, or the tokens of one second at `rate` (at least 1).
    public var effectiveBurst: Double { burst ?? Swift.max(rate, 1) }
}
