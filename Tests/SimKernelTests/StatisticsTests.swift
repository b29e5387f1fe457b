import Foundation
import SimKernel
import Testing

@Test("TimeAverage integrates a piecewise-constant quantity and restarts at the end of warm-up")
func timeAverageIntegrates() {
    var q = TimeAverage(value: 0, at: 0)
    q.update(to: 2, at: 1)   // 0 on [0, 1)
    q.update(to: 5, at: 4)   // 2 on [1, 4): 6
    q.add(-1, at: 6)         // 5 on [4, 6): 10, then 4
    #expect(q.value == 4)
    #expect(q.integral == 16)
    // 4 on [6, 10): 16 more → 32 / 10.
    #expect(abs(q.average(until: 10) - 3.2) < 1e-12)
    q.restart(at: 10)
    q.update(to: 1, at: 12)  // 4 on [10, 12): 8
    // 1 on [12, 20): 8 → 16 / 10.
    #expect(abs(q.average(until: 20) - 1.6) < 1e-12)
    // An empty span reports the current value.
    #expect(q.average(until: 10) == 1)
    let fresh = TimeAverage(value: 3, at: 5)
    #expect(fresh.average(until: 5) == 3)
    #expect(abs(fresh.average(until: 9) - 3) < 1e-12)
}

@Test("TimeAverage of a random on/off signal matches its time-weighted share")
func timeAverageOfRandomSignal() {
    let stream = RandomStream(seed: 21)
    var a = TimeAverage()
    var t = 0.0
    var onTime = 0.0
    var on = false
    for _ in 0..<10_000 {
        let dt = stream.exponential(mean: on ? 3 : 1)
        if on { onTime += dt }
        t += dt
        on.toggle()
        a.update(to: on ? 1 : 0, at: t)
    }
    #expect(abs(a.average(until: t) - onTime / t) < 1e-9)
    // Alternating renewal: share on → 3 / (1 + 3).
    #expect(abs(a.average(until: t) - 0.75) < 0.02)
}

@Test("Student t quantiles match tables")
func studentTQuantiles() {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 1e-6)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.706205) < 1e-5)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 4) - 2.776445) < 1e-6)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 19) - 2.093024) < 1e-6)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 29) - 2.045230) < 1e-6)
    #expect(abs(StudentT.quantile(0.5, degreesOfFreedom: 7)) < 1e-12)
}

@Test("Estimate's 95% half-width is t(0.975, n−1)·s/√n, computed by hand")
func estimateHalfWidthMatchesHandComputation() {
    let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    let e = Estimate(replicationValues: values)
    // Mean 5.5; s² = Σ(x − 5.5)² / 9 = 82.5 / 9; t(0.975, 9) = 2.262157.
    let s = (82.5 / 9).squareRoot()
    let expected = 2.262157 * s / 10.0.squareRoot()
    #expect(e.mean == 5.5)
    #expect(abs(e.ci95 - expected) < 1e-5, "ci95 \(e.ci95), by hand \(expected)")
    #expect(abs(e.ci95 - 2.165850) < 1e-5)
    #expect(e.lower == e.mean - e.ci95 && e.upper == e.mean + e.ci95)
    #expect(e.contains(7.6))
    #expect(!e.contains(7.7))
    #expect(e.contains(7.7, slack: 0.1))
    // Degenerate cases.
    #expect(Estimate(replicationValues: []) == Estimate(mean: 0, ci95: 0))
    #expect(Estimate(replicationValues: [4.2]) == Estimate(mean: 4.2, ci95: 0))
    #expect(Estimate(replicationValues: [3, 3, 3]) == Estimate(mean: 3, ci95: 0))
}

@Test("Student t interval over 10 normal replications covers the true mean 95% of the time")
func estimateCoverageIsNinetyFivePercent() {
    let stream = RandomStream(seed: 31)
    func normal() -> Double {  // Box–Muller
        (-2 * log(stream.uniform())).squareRoot() * cos(2 * Double.pi * stream.uniform())
    }
    let experiments = 4_000
    var covered = 0
    for _ in 0..<experiments {
        let values = (0..<10).map { _ in 7 + 2 * normal() }
        if Estimate(replicationValues: values).contains(7) { covered += 1 }
    }
    let share = Double(covered) / Double(experiments)
    // Binomial sd √(0.95 × 0.05 / 4000) ≈ 0.0034.
    #expect(abs(share - 0.95) < 0.014, "coverage \(share)")
}

@Test("Replication runner returns results in replication order whatever the number of threads")
func replicationRunnerKeepsOrder() {
    let expected = (0..<23).map { $0 * $0 }
    for jobs in [1, 2, 3, 8, 50] {
        let got = ReplicationRunner.run(count: 23, jobs: jobs) { $0 * $0 }
        #expect(got == expected, "jobs \(jobs)")
    }
    let seen = Counter()
    _ = ReplicationRunner.run(count: 9, jobs: 2, progress: { seen.note($0) }) { $0 }
    #expect(seen.values.sorted() == Array(1...9))
    #expect(ReplicationRunner.run(count: 0, jobs: 4) { $0 }.isEmpty)
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func note(_ v: Int) { lock.lock(); seen.append(v); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
}
