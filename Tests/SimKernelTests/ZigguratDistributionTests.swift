import CGSL
import Foundation
import SimKernel
import Testing

// The normal, lognormal and gamma samplers against their exact distribution functions (GSL's CDFs, computed
// independently of the samplers): chi-square goodness of fit over equiprobable bins, the normal's tail beyond the
// ziggurat's base layer, and its moments with confidence intervals.

/// Pearson's chi-square statistic of `n` draws over `bins` bins of equal probability under `cdf`, and the value
/// the statistic exceeds with probability 10⁻⁴ when the draws do follow `cdf`.
private func chiSquare(bins: Int, n: Int, draw: () -> Double, cdf: (Double) -> Double) -> (statistic: Double, limit: Double) {
    var counts = [Int](repeating: 0, count: bins)
    for _ in 0..<n {
        let p = cdf(draw())
        counts[min(Int(p * Double(bins)), bins - 1)] += 1
    }
    let expected = Double(n) / Double(bins)
    let statistic = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    return (statistic, gsl_cdf_chisq_Qinv(1e-4, Double(bins - 1)))
}

/// Many draws over few bins: enough power to see a table error that moves 0.1% of the probability.
@Test("Standard normal draws fit the normal distribution over 64 equiprobable bins (chi-square, 16M draws)")
func normalDrawsFitTheNormalCDF() {
    let stream = RandomStream(seed: 11)  // owns the generator that `source` draws from
    let source = stream.source
    defer { withExtendedLifetime(stream) {} }
    let fit = chiSquare(bins: 64, n: 16_000_000, draw: { source.standardNormal() }, cdf: { gsl_cdf_ugaussian_P($0) })
    #expect(fit.statistic < fit.limit, "chi-square \(fit.statistic) over 63 degrees of freedom, limit \(fit.limit)")
}

@Test("Standard normal draws have mean 0, variance 1, no skew and kurtosis 3, within 4 standard errors")
func normalDrawsHaveTheNormalMoments() {
    let stream = RandomStream(seed: 12)  // owns the generator that `source` draws from
    let source = stream.source
    defer { withExtendedLifetime(stream) {} }
    let n = 2_000_000
    var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0
    for _ in 0..<n {
        let z = source.standardNormal()
        s1 += z
        s2 += z * z
        s3 += z * z * z
        s4 += z * z * z * z
    }
    let m = Double(n)
    // Standard errors of the raw moments of N(0, 1): sqrt(Var(Z^k) / n) with Var(Z)=1, Var(Z²)=2, Var(Z³)=15, Var(Z⁴)=96.
    #expect(abs(s1 / m) < 4 * (1 / m).squareRoot())
    #expect(abs(s2 / m - 1) < 4 * (2 / m).squareRoot())
    #expect(abs(s3 / m) < 4 * (15 / m).squareRoot())
    #expect(abs(s4 / m - 3) < 4 * (96 / m).squareRoot())
}

@Test("Normal draws beyond the ziggurat's base layer (|z| > 3.4426) come as often as the normal tail says, and as far")
func normalTailBeyondTheBaseLayer() {
    let stream = RandomStream(seed: 13)  // owns the generator that `source` draws from
    let source = stream.source
    defer { withExtendedLifetime(stream) {} }
    let r = 3.442619855899
    let n = 20_000_000
    var tail = 0, beyond = 0.0, positive = 0
    for _ in 0..<n {
        let z = source.standardNormal()
        if abs(z) > r {
            tail += 1
            beyond += abs(z)
            if z > 0 { positive += 1 }
        }
    }
    let p = 2 * gsl_cdf_ugaussian_Q(r)
    let se = (p * (1 - p) / Double(n)).squareRoot()
    #expect(abs(Double(tail) / Double(n) - p) < 4 * se, "tail fraction \(Double(tail) / Double(n)), exact \(p)")
    // E[|Z| | |Z| > r] = φ(r) / Q(r); its standard deviation is below 1 / r, a bound that serves as the spread here.
    let meanBeyond = beyond / Double(tail)
    let exactMean = gsl_ran_ugaussian_pdf(r) / gsl_cdf_ugaussian_Q(r)
    #expect(abs(meanBeyond - exactMean) < 4 / r / Double(tail).squareRoot(), "mean beyond r \(meanBeyond), exact \(exactMean)")
    // Both signs alike.
    #expect(abs(Double(positive) / Double(tail) - 0.5) < 4 * (0.25 / Double(tail)).squareRoot())
}

@Test("Lognormal draws fit the lognormal distribution over 256 equiprobable bins (chi-square)")
func lognormalDrawsFitTheLognormalCDF() {
    let stream = RandomStream(seed: 14)
    let sampler = Sampler(.lognormal(mean: 0.015, cv: 1.0))
    let s2 = log(2.0), mu = log(0.015) - s2 / 2, sigma = s2.squareRoot()
    let fit = chiSquare(bins: 256, n: 1_000_000, draw: { sampler.sample(stream) }, cdf: { gsl_cdf_lognormal_P($0, mu, sigma) })
    #expect(fit.statistic < fit.limit, "chi-square \(fit.statistic) over 255 degrees of freedom, limit \(fit.limit)")
}

/// Gamma shapes that take each path of the sampler: below 1 (the boost by U^(1/shape)), near 1, the e-authentication
/// scenarios' 2.04 (cv 0.7), and a large one.
private let gammaCases: [(mean: Double, cv: Double)] = [(2, 2), (1, 0.99), (0.008, 0.7), (5, 0.2)]

@Test("Gamma draws fit the gamma distribution over 256 equiprobable bins (chi-square), for shapes 0.25 to 25",
      arguments: gammaCases.indices)
func gammaDrawsFitTheGammaCDF(_ index: Int) {
    let c = gammaCases[index]
    let stream = RandomStream(seed: 15 + UInt64(index))
    let sampler = Sampler(.gamma(mean: c.mean, cv: c.cv))
    let shape = 1 / (c.cv * c.cv), scale = c.mean / shape
    let fit = chiSquare(bins: 256, n: 1_000_000, draw: { sampler.sample(stream) }, cdf: { gsl_cdf_gamma_P($0, shape, scale) })
    #expect(fit.statistic < fit.limit, "shape \(shape): chi-square \(fit.statistic) over 255 degrees of freedom, limit \(fit.limit)")
}
