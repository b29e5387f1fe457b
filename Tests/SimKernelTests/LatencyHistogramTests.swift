import SimKernel
import Testing

/// The exact `p`-th percentile by the histogram's definition: the smallest value v with at
/// least p% of the sorted values <= v.
private func exactPercentile(_ sorted: [Double], _ p: Double) -> Double {
    let rank = max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
    return sorted[min(rank, sorted.count) - 1]
}

private func lognormalSamples(_ n: Int, mean: Double, cv: Double, seed: UInt64) -> [Double] {
    let stream = RandomStream(seed: seed)
    let sampler = Distribution.lognormal(mean: mean, cv: cv).sampler()
    return (0..<n).map { _ in sampler.sample(stream) }
}

private let percentiles: [Double] = [0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100]

@Test("Histogram percentiles are within 1% of the exact sorted-sample percentiles")
func histogramPercentilesMatchSortedSamples() {
    // Spread over six decades, from microseconds to tens of seconds.
    let values = lognormalSamples(200_000, mean: 0.05, cv: 3, seed: 11)
    var h = LatencyHistogram()
    for v in values { h.record(v) }
    let sorted = values.sorted()
    #expect(h.count == UInt64(values.count))
    let exactMean = values.reduce(0, +) / Double(values.count)
    #expect(abs(h.mean - exactMean) <= 1e-9 * exactMean)
    for p in percentiles {
        let exact = exactPercentile(sorted, p)
        let got = h.value(atPercentile: p)
        #expect(abs(got - exact) <= 0.01 * exact, "p\(p): histogram \(got), exact \(exact)")
    }
}

@Test("Zeros and negative durations count as exact zeros in the percentiles")
func histogramCountsZeros() {
    var h = LatencyHistogram()
    for _ in 0..<30 { h.record(0) }
    for _ in 0..<10 { h.record(-1) }
    for i in 1...60 { h.record(Double(i)) }
    #expect(h.count == 100)
    #expect(h.value(atPercentile: 39.5) == 0)
    #expect(h.value(atPercentile: 40.5) > 0)
    #expect(abs(h.value(atPercentile: 50) - 10) <= 0.01 * 10)
    #expect(abs(h.value(atPercentile: 100) - 60) <= 0.01 * 60)
    #expect(abs(h.sum - 1830) < 1e-9)
    #expect(LatencyHistogram().value(atPercentile: 50) == 0)
    #expect(LatencyHistogram().mean == 0)
}

@Test("Merging histograms equals recording every value in one histogram")
func histogramMergeEqualsRecordingAll() {
    let values = lognormalSamples(90_000, mean: 0.2, cv: 1.5, seed: 12) + Array(repeating: 0, count: 500)
    var all = LatencyHistogram()
    var parts = [LatencyHistogram(), LatencyHistogram(), LatencyHistogram()]
    for (i, v) in values.enumerated() {
        all.record(v)
        parts[i % 3].record(v)
    }
    var merged = LatencyHistogram()
    for p in parts { merged.merge(p) }
    #expect(merged.count == all.count)
    #expect(abs(merged.sum - all.sum) <= 1e-9 * all.sum)
    for p in percentiles + [0.2, 0.55, 0.6] {
        #expect(merged.value(atPercentile: p) == all.value(atPercentile: p), "p\(p)")
    }
    // Reset forgets everything.
    merged.reset()
    #expect(merged.count == 0 && merged.sum == 0 && merged.value(atPercentile: 99) == 0)
}

@Test("A histogram bank records exactly like separate histograms")
func histogramBankMatchesHistogram() {
    let values = lognormalSamples(50_000, mean: 0.01, cv: 1, seed: 13)
    let bank = HistogramBank(histograms: 3)
    var direct = LatencyHistogram()
    for v in values {
        bank.record(1, v)
        direct.record(v)
    }
    bank.record(2, 0)
    let exported = bank.histogram(1)
    #expect(exported.count == direct.count)
    #expect(exported.sum == direct.sum)
    for p in percentiles { #expect(exported.value(atPercentile: p) == direct.value(atPercentile: p), "p\(p)") }
    #expect(bank.histogram(0).count == 0)
    #expect(bank.histogram(2).count == 1 && bank.histogram(2).value(atPercentile: 100) == 0)
    bank.reset(1)
    #expect(bank.histogram(1).count == 0 && bank.histogram(1).sum == 0)
}

@Test("A histogram bank counts zeros, negative, tiny and huge values as a histogram does")
func histogramBankMatchesHistogramAtTheEdges() {
    let edges: [Double] = [0, -0.0, -1e-9, -5, .leastNonzeroMagnitude, 1e-300, 0x1p-21, 0x1p-20, 0x1p-20.nextDown,
                           1e-6, 0.5, 1, 1.nextUp, 0x1p20.nextDown, 0x1p20, 1e9, .greatestFiniteMagnitude, .infinity]
    for v in edges {
        let bank = HistogramBank(histograms: 2)
        var direct = LatencyHistogram()
        bank.record(1, v)
        direct.record(v)
        let exported = bank.histogram(1)
        #expect(exported.count == 1, "\(v)")
        #expect(exported.sum == direct.sum, "\(v)")
        for p in [1.0, 50, 100] { #expect(exported.value(atPercentile: p) == direct.value(atPercentile: p), "\(v) p\(p)") }
        #expect(bank.histogram(0).count == 0, "\(v): the neighbouring histogram stays empty")
    }
}
