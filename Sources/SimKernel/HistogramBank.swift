/// A fixed number of `LatencyHistogram`s whose counters live in buffers owned by the bank, for the hot path of a
/// simulation: recording is a shift, two clamps, a select and two additions, with no branch and no copy-on-write
/// check, on 32-bit counters so the buckets in use stay in the L1 cache. Export a histogram as a value with
/// `histogram(_:)`.
///
/// Each histogram is a row of `stride` counters: counter 0 counts the values <= 0 (the exact zeros of
/// `LatencyHistogram`), counter 1 + i counts bucket i. With the zeros in the same row as the buckets, a value is
/// one increment at an index chosen without branches, instead of an increment of the zeros and an addition of 0 or 1
/// to a bucket.
public struct HistogramBank: ~Copyable {
    /// `histograms` rows of `stride` counters: the exact zeros, then the buckets.
    @usableFromInline let counters: UnsafeMutablePointer<UInt32>
    /// Per histogram: the sum of the values recorded, in seconds.
    @usableFromInline let sums: UnsafeMutablePointer<Double>
    /// Number of histograms.
    public let histograms: Int

    /// Counters per histogram: one for the exact zeros, then one per bucket.
    @inlinable static var stride: Int { LatencyHistogram.bucketCount + 1 }

    public init(histograms: Int) {
        self.histograms = histograms
        let n = max(histograms, 1)
        counters = .allocate(capacity: n * Self.stride)
        counters.initialize(repeating: 0, count: n * Self.stride)
        sums = .allocate(capacity: n)
        sums.initialize(repeating: 0, count: n)
    }

    deinit {
        counters.deallocate()
        sums.deallocate()
    }

    /// Where `seconds` is counted in a histogram's row: 0 for a value <= 0 (or -0), else 1 + its bucket
    /// (`LatencyHistogram.bucket(of:)`: clamped to the first and the last bucket). Branch-free: the bit pattern, read
    /// as a signed integer, is > 0 exactly for the values > 0, and shifted it gives the bucket key of a positive value.
    @inlinable @inline(__always)
    static func counter(of seconds: Double) -> Int {
        let bits = Int(truncatingIfNeeded: Int64(bitPattern: seconds.bitPattern))
        let key = (bits &>> (52 - LatencyHistogram.mantissaBits)) &- LatencyHistogram.baseKey
        let atLeastZero = key & ~(key &>> 63)
        let bucket = Swift.min(atLeastZero, LatencyHistogram.bucketCount - 1) &+ 1
        return bits > 0 ? bucket : 0
    }

    /// Records `seconds` in histogram `h`. A counter holds at most 2^32 − 1 values per replication. A value <= 0
    /// counts as an exact zero and adds 0 to the sum (which leaves it as it is). The number of values is not counted
    /// here: it is the sum of the row (see `histogram(_:)`).
    @inlinable @inline(__always)
    public func record(_ h: Int, _ seconds: Double) {
        sums[h] += seconds > 0 ? seconds : 0
        counters[h &* Self.stride &+ Self.counter(of: seconds)] &+= 1
    }

    /// Forgets every observation of histogram `h`.
    public func reset(_ h: Int) {
        (counters + h * Self.stride).update(repeating: 0, count: Self.stride)
        sums[h] = 0
    }

    /// Histogram `h` as a value.
    public func histogram(_ h: Int) -> LatencyHistogram {
        let row = counters + h * Self.stride
        let zeros = UInt64(row[0])
        let values = UnsafeBufferPointer(start: row + 1, count: LatencyHistogram.bucketCount).map { UInt64($0) }
        let count = values.reduce(zeros, &+)
        return LatencyHistogram(counts: values, zeros: zeros, count: count, sum: sums[h])
    }
}
