/// Distribution of observed durations (seconds) with percentiles to 0.4% relative error.
///
/// A log-linear histogram over the bits of the IEEE-754 value: the bucket of x > 0 is its
/// exponent and the top 7 bits of its mantissa, so each power of two is split into 128 buckets
/// of relative width 2^-7 and recording is one shift. Percentiles report the bucket's midpoint
/// (error at most 2^-8 ≈ 0.4%). Range: 2^-20 s (about 1 µs) to 2^20 s (about 12 days); values
/// outside it are counted in the first or last bucket, and values <= 0 are counted as exact zeros.
/// The same scheme as HdrHistogram, specialised to doubles so the hot path stays branch-light.
///
/// Histograms merge exactly (`merge`), so percentiles can be pooled over replications.
public struct LatencyHistogram: Sendable {
    @inlinable static var mantissaBits: Int { 7 }
    /// Bucket key (bitPattern >> (52 - mantissaBits)) of 2^-20: biased exponent 1023 - 20, shifted.
    @inlinable static var baseKey: Int { (1023 - 20) << 7 }
    /// 40 powers of two (2^-20 ..< 2^20) × 128 buckets.
    @inlinable static var bucketCount: Int { 40 << 7 }

    @usableFromInline var counts: [UInt64]
    @usableFromInline var zeros: UInt64 = 0
    @usableFromInline var recorded: UInt64 = 0
    @usableFromInline var total: Double = 0
    /// Number of recorded values.
    public var count: UInt64 { recorded }
    /// Sum of recorded values, in seconds (exact, not from buckets).
    public var sum: Double { total }

    public init() {
        counts = Array(repeating: 0, count: Self.bucketCount)
    }

    init(counts: [UInt64], zeros: UInt64, count: UInt64, sum: Double) {
        self.counts = counts
        self.zeros = zeros
        recorded = count
        total = sum
    }

    /// Bucket index of a value > 0 (values below the first bucket go to it, values beyond the last to the last).
    /// Without branches: a waiting time that is 0 for some requests and not for others (an M/M/c queue) made the
    /// clamping branches unpredictable.
    @inlinable @inline(__always)
    static func bucket(of seconds: Double) -> Int {
        let i = Int(truncatingIfNeeded: seconds.bitPattern >> UInt64(52 - mantissaBits)) &- baseKey
        let atLeastZero = i & ~(i &>> 63)
        return Swift.min(atLeastZero, bucketCount - 1)
    }

    /// Mean of recorded values, in seconds (0 when empty).
    public var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// Records one duration in seconds.
    @inlinable
    public mutating func record(_ seconds: Double) {
        recorded &+= 1
        if seconds > 0 {
            total += seconds
            let i = Self.bucket(of: seconds)
            counts.withUnsafeMutableBufferPointer { $0[i] &+= 1 }
        } else {
            zeros &+= 1
        }
    }

    /// Midpoint (seconds) of bucket `i`.
    static func midpoint(ofBucket i: Int) -> Double {
        let lo = Double(bitPattern: UInt64(i + baseKey) << UInt64(52 - mantissaBits))
        let hi = Double(bitPattern: UInt64(i + 1 + baseKey) << UInt64(52 - mantissaBits))
        return (lo + hi) / 2
    }

    /// The value at `percentile` (0–100): the smallest recorded value v such that at least that
    /// share of values is <= v, to bucket resolution; seconds, 0 when empty.
    public func value(atPercentile percentile: Double) -> Double {
        guard count > 0 else { return 0 }
        let rank = max(1, UInt64((percentile / 100 * Double(count)).rounded(.up)))
        var seen = zeros
        if seen >= rank { return 0 }
        for i in 0..<counts.count {
            seen += counts[i]
            if seen >= rank { return Self.midpoint(ofBucket: i) }
        }
        return Self.midpoint(ofBucket: counts.count - 1)
    }

    /// Adds all observations of `other`.
    public mutating func merge(_ other: LatencyHistogram) {
        counts.withUnsafeMutableBufferPointer { c in
            other.counts.withUnsafeBufferPointer { o in
                for i in 0..<c.count { c[i] &+= o[i] }
            }
        }
        zeros &+= other.zeros
        recorded &+= other.recorded
        total += other.total
    }

    /// Forgets every observation (used at the end of the warm-up period).
    public mutating func reset() {
        counts.withUnsafeMutableBufferPointer { c in
            for i in 0..<c.count { c[i] = 0 }
        }
        zeros = 0
        recorded = 0
        total = 0
    }
}
