import SimKernel
import Testing

/// A named distribution for parameterised tests.
struct DistributionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let distribution: Distribution
    var testDescription: String { name }
}

let distributionCases: [DistributionCase] = [
    DistributionCase(name: "exponential(mean 0.5)", distribution: .exponential(mean: 0.5)),
    DistributionCase(name: "deterministic(0.25)", distribution: .deterministic(value: 0.25)),
    DistributionCase(name: "lognormal(mean 2, cv 0.8)", distribution: .lognormal(mean: 2, cv: 0.8)),
    DistributionCase(name: "lognormal(mean 0.1, cv 0.3)", distribution: .lognormal(mean: 0.1, cv: 0.3)),
    DistributionCase(name: "gamma(mean 2, cv 0.5)", distribution: .gamma(mean: 2, cv: 0.5)),
    DistributionCase(name: "gamma(mean 1, cv 2)", distribution: .gamma(mean: 1, cv: 2)),
    DistributionCase(name: "erlang(k 3, mean 2)", distribution: .erlang(k: 3, mean: 2)),
    DistributionCase(name: "uniform(1, 3)", distribution: .uniform(min: 1, max: 3)),
    DistributionCase(name: "weibull(shape 1.5, scale 2)", distribution: .weibull(shape: 1.5, scale: 2)),
    DistributionCase(name: "weibull(shape 0.8, scale 1)", distribution: .weibull(shape: 0.8, scale: 1)),
    DistributionCase(name: "hyperexponential(mean 1, cv 2)", distribution: .hyperexponential(mean: 1, cv: 2)),
    DistributionCase(name: "hyperexponential(mean 3, cv 1)", distribution: .hyperexponential(mean: 3, cv: 1)),
    DistributionCase(name: "empirical(6 samples)", distribution: .empirical(samples: [0.1, 0.2, 0.2, 0.5, 1.0, 3.0])),
]

/// Sample mean, variance (n − 1) and fourth central moment of `n` draws.
private func moments(_ d: Distribution, n: Int, seed: UInt64) -> (mean: Double, variance: Double, m4: Double, min: Double) {
    let stream = RandomStream(seed: seed)
    let sampler = d.sampler()
    var x = [Double](repeating: 0, count: n)
    for i in 0..<n { x[i] = sampler.sample(stream) }
    let mean = x.reduce(0, +) / Double(n)
    var s2 = 0.0, s4 = 0.0
    for v in x {
        let e = (v - mean) * (v - mean)
        s2 += e
        s4 += e * e
    }
    return (mean, s2 / Double(n - 1), s4 / Double(n), x.min() ?? 0)
}

@Test("Sample mean and variance match the distribution's exact mean and variance", arguments: distributionCases)
func distributionMomentsMatch(_ c: DistributionCase) {
    let n = 400_000
    let d = c.distribution
    let m = moments(d, n: n, seed: StreamSeed.id(of: c.name))
    #expect(m.min >= 0, "\(c.name): negative draw \(m.min)")
    // Mean: within 4 standard errors (and 2% relative).
    let seMean = (m.variance / Double(n)).squareRoot()
    let meanError = abs(m.mean - d.mean)
    #expect(meanError <= 4 * seMean + 1e-12 * d.mean && meanError <= 0.02 * d.mean,
            "\(c.name): sample mean \(m.mean) ± \(4 * seMean) (4 se), exact \(d.mean)")
    // Variance: standard error of the sample variance ≈ √((m4 − s⁴)/n).
    let seVar = (max(m.m4 - m.variance * m.variance, 0) / Double(n)).squareRoot()
    let varError = abs(m.variance - d.variance)
    #expect(varError <= 4 * seVar + 1e-12 * d.mean * d.mean && varError <= 0.05 * d.variance + 1e-12,
            "\(c.name): sample variance \(m.variance) ± \(4 * seVar) (4 se), exact \(d.variance)")
}

@Test("Exact mean and variance of each distribution follow its textbook formulas")
func distributionClosedForms() {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1) }
    #expect(close(Distribution.exponential(mean: 0.5).variance, 0.25))
    #expect(close(Distribution.lognormal(mean: 2, cv: 0.8).variance, 4 * 0.64))
    #expect(close(Distribution.erlang(k: 3, mean: 2).variance, 4.0 / 3))
    #expect(close(Distribution.uniform(min: 1, max: 3).variance, 4.0 / 12))
    // Weibull(k = 1, λ) is exponential with mean λ; Weibull(2, λ): mean λ√π/2, variance λ²(1 − π/4).
    #expect(close(Distribution.weibull(shape: 1, scale: 3).mean, 3))
    #expect(close(Distribution.weibull(shape: 1, scale: 3).variance, 9))
    #expect(close(Distribution.weibull(shape: 2, scale: 2).mean, 2 * Double.pi.squareRoot() / 2))
    #expect(close(Distribution.weibull(shape: 2, scale: 2).variance, 4 * (1 - Double.pi / 4)))
    #expect(close(Distribution.empirical(samples: [1, 2, 3, 6]).mean, 3))
    #expect(close(Distribution.empirical(samples: [1, 2, 3, 6]).variance, 3.5))
    #expect(close(Distribution.deterministic(value: 4).scv, 0))
    #expect(close(Distribution.gamma(mean: 4, cv: 0.5).scv, 0.25))
    // Scaling multiplies the mean by the factor and the variance by its square.
    for c in distributionCases {
        let s = c.distribution.scaled(by: 8)
        #expect(close(s.mean, 8 * c.distribution.mean), "\(c.name) scaled mean")
        #expect(close(s.variance, 64 * c.distribution.variance), "\(c.name) scaled variance")
    }
}

@Test("Invalid distribution parameters are reported, valid ones are not")
func distributionParameterProblems() {
    for c in distributionCases { #expect(c.distribution.parameterProblem == nil, "\(c.name)") }
    let bad: [Distribution] = [.exponential(mean: 0), .deterministic(value: -1), .lognormal(mean: 1, cv: 0),
                               .gamma(mean: -1, cv: 1), .erlang(k: 0, mean: 1), .uniform(min: 2, max: 1),
                               .weibull(shape: 0, scale: 1), .hyperexponential(mean: 1, cv: 0.5),
                               .empirical(samples: []), .empirical(samples: [1, -2])]
    for d in bad { #expect(d.parameterProblem != nil, "\(d)") }
}
