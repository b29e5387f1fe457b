/// How a workload's clients behave: they give up on an attempt after `timeout` and send it again.
///
/// An attempt that times out keeps running (the servers do not know the client left): if it completes later it
/// counts as orphaned, not as a success. After a timeout or a loss (blocked, abandoned, rejected), while attempts
/// remain and the retry budget allows, the client sends a new attempt after the backoff delay.
public struct ClientConfiguration: Sendable, Hashable {
    /// Seconds after sending an attempt at which the client gives up on it; nil = never.
    public var timeout: Double?
    /// Attempts per request, counting the first (>= 1).
    public var attempts: Int
    /// Delay before each retry.
    public var backoff: Backoff
    /// Retry budget: a retry is sent only while retries in the last 10 s stay at most this share of first
    /// attempts in the same 10 s (counting the retry itself); nil = no budget.
    public var budgetRatio: Double?

    public init(timeout: Double?, attempts: Int = 1, backoff: Backoff = Backoff(), budgetRatio: Double? = nil) {
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.budgetRatio = budgetRatio
    }

    /// Width of the sliding window of the retry budget, seconds.
    public static let budgetWindow = 10.0
}

/// Capped exponential backoff: the k-th retry waits d = min(cap, base × 2^(k−1)) seconds, with jitter.
public struct Backoff: Sendable, Hashable {
    /// Seconds (0 = retry at once).
    public var base: Double
    /// Largest delay before jitter, seconds.
    public var cap: Double
    public var jitter: Jitter

    public init(base: Double = 0, cap: Double = .infinity, jitter: Jitter = .none) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The delay d before the k-th retry (k >= 1), before jitter, in seconds.
    public func delay(retry k: Int) -> Double {
        guard base > 0 else { return 0 }
        return Swift.min(cap, base * Double(sign: .plus, exponent: Swift.min(k - 1, 1000), significand: 1))
    }
}

/// How a backoff delay d is randomised (AWS Architecture Blog, "Exponential Backoff and Jitter").
public enum Jitter: String, Sendable, Hashable, CaseIterable {
    /// Exactly d.
    case none
    /// Uniform on 0...d.
    case full
    /// d/2 plus uniform on 0...d/2.
    case equal
}
