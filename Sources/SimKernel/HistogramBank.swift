/// A fixed number of `LatencyHistogram`s whose counters live in one buffer owned by the bank,
/// for the hot path of a simulation: recording is a shift and an increment, with no
/// copy-on-write check, on 32-bit counters so the buckets in use stay in the L1 cache.
/// Export a histogram as a value with `histogram(_:)`.
public struct HistogramBank: ~Copyable {
    @usableFromInline let buckets: UnsafeMutablePointer<UInt32>
    /// Per histogram: zeros, count, sum (seconds).
    @usableFromInline let zeros: UnsafeMutablePointer<UInt64>
    @usableFromInline let counts: UnsafeMutablePointer<UInt64>
    @usableFromInline let sums: UnsafeMutablePointer<Double>
    /// Number of histograms.
    public let histograms: Int

    public init(histograms: Int) {
        self.histograms = histograms
        let n = max(histograms, 1)
        buckets = .allocate(capacity: n * LatencyHistogram.bucketCount)
        buckets.initialize(repeating: 0, count: n * LatencyHistogram.bucketCount)
        zeros = .allocate(capacity: n)
        zeros.initialize(repeating: 0, count: n)
        counts = .allocate(capacity: n)
        counts.initialize(repeating: 0, count: n)
        sums = .allocate(capacity: n)
        sums.initialize(repeating: 0, count: n)
    }

    deinit {
        buckets.deallocate()
        zeros.deallocate()
        counts.deallocate()
        sums.deallocate()
    }

    /// Records `seconds` in histogram `h`. A bucket holds at most 2^32 − 1 values per replication.
    @inlinable @inline(__always)
    public func record(_ h: Int, _ seconds: Double) {
        counts[h] &+= 1
        if seconds > 0 {
            sums[h] += seconds
            buckets[h * LatencyHistogram.bucketCount + LatencyHistogram.bucket(of: seconds)] &+= 1
        } else {
            zeros[h] &+= 1
        }
    }

    /// Forgets every observation of histogram `h`.
    public func reset(_ h: Int) {
        (buckets + h * LatencyHistogram.bucketCount).update(repeating: 0, count: LatencyHistogram.bucketCount)
        zeros[h] = 0
        counts[h] = 0
        sums[h] = 0
    }

    /// Histogram `h` as a value.
    public func histogram(_ h: Int) -> LatencyHistogram {
        let base = buckets + h * LatencyHistogram.bucketCount
        let values = UnsafeBufferPointer(start: base, count: LatencyHistogram.bucketCount).map { UInt64($0) }
        return LatencyHistogram(counts: values, zeros: zeros[h], count: counts[h], sum: sums[h])
    }
}
