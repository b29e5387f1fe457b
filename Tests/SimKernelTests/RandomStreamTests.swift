import SimKernel
import Testing

private func draws(_ stream: RandomStream, _ n: Int) -> [Double] {
    (0..<n).map { _ in stream.uniform() }
}

private func seed(_ name: String, replication: Int = 0, scenarioSeed: UInt64 = 42) -> UInt64 {
    StreamSeed.derive(scenarioSeed: scenarioSeed, replication: replication, stream: StreamSeed.id(of: name))
}

@Test("The same seed gives the same stream of numbers")
func sameSeedSameStream() {
    let a = RandomStream(seed: seed("workload:x:arrivals"))
    let b = RandomStream(seed: seed("workload:x:arrivals"))
    #expect(draws(a, 10_000) == draws(b, 10_000))
    // The plain source handle draws from the same generator as the stream.
    let c = RandomStream(seed: 7), d = RandomStream(seed: 7)
    let viaSource = (0..<1_000).map { _ in c.source.exponential(mean: 2) }
    let viaStream = (0..<1_000).map { _ in d.exponential(mean: 2) }
    #expect(viaSource == viaStream)
}

@Test("Seeds are derived deterministically and differ by stream id, replication and scenario seed")
func derivedSeedsDiffer() {
    #expect(seed("a") == seed("a"))
    #expect(StreamSeed.id(of: "pool:a") == StreamSeed.id(of: "pool:a"))
    let seeds = [seed("a"), seed("b"), seed("a", replication: 1), seed("a", scenarioSeed: 43),
                 seed("workload:x:arrivals"), seed("workload:x:work"), seed("workload:y:arrivals")]
    #expect(Set(seeds).count == seeds.count)
}

@Test("Different stream ids give different, uncorrelated draws")
func differentStreamIdsGiveDifferentDraws() {
    let n = 100_000
    let pairs: [(String, String, Int, Int)] = [
        ("workload:x:arrivals", "workload:x:work", 0, 0),
        ("workload:x:arrivals", "workload:y:arrivals", 0, 0),
        ("pool:a:failures", "pool:a:failures", 0, 1),  // same id, next replication
    ]
    for (nameA, nameB, repA, repB) in pairs {
        let a = draws(RandomStream(seed: seed(nameA, replication: repA)), n)
        let b = draws(RandomStream(seed: seed(nameB, replication: repB)), n)
        let equal = zip(a, b).filter { $0 == $1 }.count
        #expect(equal == 0, "\(nameA)#\(repA) and \(nameB)#\(repB) share \(equal) draws")
        // Pearson correlation of two independent U(0,1) sequences: sd 1/√n.
        let ma = a.reduce(0, +) / Double(n), mb = b.reduce(0, +) / Double(n)
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in 0..<n {
            sab += (a[i] - ma) * (b[i] - mb)
            saa += (a[i] - ma) * (a[i] - ma)
            sbb += (b[i] - mb) * (b[i] - mb)
        }
        let r = sab / (saa * sbb).squareRoot()
        #expect(abs(r) < 4 / Double(n).squareRoot(), "correlation \(r) between \(nameA)#\(repA) and \(nameB)#\(repB)")
    }
}

@Test("Uniform draws lie in (0, 1) with mean 1/2 and variance 1/12; index(below:) stays in range")
func uniformDrawsAreUniform() {
    let s = RandomStream(seed: 5)
    let n = 200_000
    var sum = 0.0, sumSq = 0.0
    var inRange = true
    for _ in 0..<n {
        let u = s.uniform()
        if !(u > 0 && u < 1) { inRange = false }
        sum += u
        sumSq += u * u
    }
    #expect(inRange)
    let mean = sum / Double(n)
    let variance = sumSq / Double(n) - mean * mean
    #expect(abs(mean - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot(), "mean \(mean)")
    #expect(abs(variance - 1.0 / 12) < 0.002, "variance \(variance)")
    var counts = Array(repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[s.source.index(below: 7)] += 1 }
    // Each count ~ Binomial(70000, 1/7): mean 10000, sd ≈ 92.6.
    #expect(counts.allSatisfy { abs($0 - 10_000) < 400 }, "counts \(counts)")
}
