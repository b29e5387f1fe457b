/// A fixed number of `LatencyHistogram`s whose counters live in buffers owned by the bank, for the hot path of a
/// simulation: recording is a shift, a sum and two increments, with no branch and no copy-on-write check, on 32-bit
/// bucket counters so the buckets in use stay in the L1 cache. Export a histogram as a value with `histogram(_:)`.
public struct HistogramBank: ~Copyable {
    @usableFromInline let buckets: UnsafeMutablePointer<UInt32>
    /// Per histogram: the sum of the values recorded (seconds) and the number of values <= 0 recorded.
    @usableFromInline struct Totals {
        @usableFromInline var sum: Double = 0
        @usableFromInline var zeros: UInt64 = 0
    }
    @usableFromInline let totals: UnsafeMutablePointer<Totals>
    /// Number of histograms.
    public let histograms: Int

    public init(histograms: Int) {
        self.histograms = histograms
        let n = max(histograms, 1)
        buckets = .allocate(capacity: n * LatencyHistogram.bucketCount)
        buckets.initialize(repeating: 0, count: n * LatencyHistogram.bucketCount)
        totals = .allocate(capacity: n)
        totals.initialize(repeating: Totals(), count: n)
    }

    deinit {
        buckets.deallocate()
        totals.deallocate()
    }

    /// Records `seconds` in histogram `h`. A bucket holds at most 2^32 − 1 values per replication. Branch-free: a
    /// value <= 0 adds 0 to a bucket and to the sum (which leaves them as they are) and 1 to the exact zeros. The
    /// number of values is not counted here: it is the zeros plus the buckets' counts (see `histogram(_:)`).
    @inlinable @inline(__always)
    public func record(_ h: Int, _ seconds: Double) {
        let zero: UInt64 = seconds > 0 ? 0 : 1
        totals[h].sum += seconds > 0 ? seconds : 0
        totals[h].zeros &+= zero
        // Derived from `zero` by arithmetic: written as a second `positive ? 1 : 0`, it compiled to a branch.
        buckets[h &* LatencyHistogram.bucketCount &+ LatencyHistogram.bucket(of: seconds)] &+= UInt32(truncatingIfNeeded: 1 &- zero)
    }

    /// Forgets every observation of histogram `h`.
    public func reset(_ h: Int) {
        (buckets + h * LatencyHistogram.bucketCount).update(repeating: 0, count: LatencyHistogram.bucketCount)
        totals[h] = Totals()
    }

    /// Histogram `h` as a value.
    public func histogram(_ h: Int) -> LatencyHistogram {
        let base = buckets + h * LatencyHistogram.bucketCount
        let values = UnsafeBufferPointer(start: base, count: LatencyHistogram.bucketCount).map { UInt64($0) }
        let count = values.reduce(totals[h].zeros, &+)
        return LatencyHistogram(counts: values, zeros: totals[h].zeros, count: count, sum: totals[h].sum)
    }
}
