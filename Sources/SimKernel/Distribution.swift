internal import CGSL
import Foundation

/// A probability distribution of a non-negative quantity (a time in seconds, or a size in bytes):
/// the distributions of the scenario contract, each with its exact mean and variance so that
/// results can be compared with queueing theory.
public enum Distribution: Sendable, Hashable {
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Always `value`.
    case deterministic(value: Double)
    /// Lognormal with the given mean and coefficient of variation (standard deviation / mean).
    case lognormal(mean: Double, cv: Double)
    /// Gamma with the given mean and coefficient of variation.
    case gamma(mean: Double, cv: Double)
    /// Erlang: the sum of `k` exponential phases, with the given overall mean.
    case erlang(k: Int, mean: Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Weibull with shape k and scale λ: P(X > x) = exp(-(x/λ)^k).
    case weibull(shape: Double, scale: Double)
    /// Two-phase hyperexponential with balanced means, for cv >= 1.
    case hyperexponential(mean: Double, cv: Double)
    /// Resampling of observed values (each drawn with equal probability).
    case empirical(samples: [Double])

    /// The exact mean.
    public var mean: Double {
        switch self {
        case .exponential(let m), .lognormal(let m, _), .gamma(let m, _), .erlang(_, let m), .hyperexponential(let m, _):
            return m
        case .deterministic(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .weibull(let k, let l): return l * gsl_sf_gamma(1 + 1 / k)
        case .empirical(let s): return s.isEmpty ? 0 : s.reduce(0, +) / Double(s.count)
        }
    }

    /// The exact variance.
    public var variance: Double {
        switch self {
        case .exponential(let m): return m * m
        case .deterministic: return 0
        case .lognormal(let m, let cv), .gamma(let m, let cv), .hyperexponential(let m, let cv): return m * m * cv * cv
        case .erlang(let k, let m): return m * m / Double(k)
        case .uniform(let a, let b): return (b - a) * (b - a) / 12
        case .weibull(let k, let l):
            let g1 = gsl_sf_gamma(1 + 1 / k)
            return l * l * (gsl_sf_gamma(1 + 2 / k) - g1 * g1)
        case .empirical(let s):
            guard !s.isEmpty else { return 0 }
            let m = mean
            return s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.count)
        }
    }

    /// Squared coefficient of variation, variance / mean² (0 when the mean is 0).
    public var scv: Double { mean > 0 ? variance / (mean * mean) : 0 }

    /// The distribution with every value multiplied by `factor` (used for unit scaling).
    public func scaled(by factor: Double) -> Distribution {
        switch self {
        case .exponential(let m): return .exponential(mean: m * factor)
        case .deterministic(let v): return .deterministic(value: v * factor)
        case .lognormal(let m, let cv): return .lognormal(mean: m * factor, cv: cv)
        case .gamma(let m, let cv): return .gamma(mean: m * factor, cv: cv)
        case .erlang(let k, let m): return .erlang(k: k, mean: m * factor)
        case .uniform(let a, let b): return .uniform(min: a * factor, max: b * factor)
        case .weibull(let k, let l): return .weibull(shape: k, scale: l * factor)
        case .hyperexponential(let m, let cv): return .hyperexponential(mean: m * factor, cv: cv)
        case .empirical(let s): return .empirical(samples: s.map { $0 * factor })
        }
    }

    /// Why this distribution's parameters are invalid, or nil when they are valid.
    public var parameterProblem: String? {
        switch self {
        case .exponential(let m): return m > 0 ? nil : "exponential mean must be > 0"
        case .deterministic(let v): return v >= 0 ? nil : "deterministic value must be >= 0"
        case .lognormal(let m, let cv): return m > 0 && cv > 0 ? nil : "lognormal needs mean > 0 and cv > 0"
        case .gamma(let m, let cv): return m > 0 && cv > 0 ? nil : "gamma needs mean > 0 and cv > 0"
        case .erlang(let k, let m): return k >= 1 && m > 0 ? nil : "erlang needs k >= 1 and mean > 0"
        case .uniform(let a, let b): return a >= 0 && b >= a ? nil : "uniform needs 0 <= min <= max"
        case .weibull(let k, let l): return k > 0 && l > 0 ? nil : "weibull needs shape > 0 and scale > 0"
        case .hyperexponential(let m, let cv): return m > 0 && cv >= 1 ? nil : "hyperexponential needs mean > 0 and cv >= 1"
        case .empirical(let s):
            if s.isEmpty { return "empirical distribution has no samples" }
            return s.allSatisfy({ $0 >= 0 && $0.isFinite }) ? nil : "empirical samples must be finite and >= 0"
        }
    }

    /// Compiles the distribution into a sampler with its derived constants precomputed.
    public func sampler() -> Sampler { Sampler(self) }
}

/// A distribution ready for fast sampling: derived constants are computed once.
public struct Sampler: Sendable {
    @usableFromInline enum Form: Sendable {
        case exponential(Double)
        case constant(Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case uniform(Double, Double)
        case weibull(shape: Double, scale: Double)
        case hyper(p: Double, mean1: Double, mean2: Double)
        case empirical([Double])
    }
    @usableFromInline let form: Form
    /// The distribution this sampler draws from.
    public let distribution: Distribution

    public init(_ d: Distribution) {
        distribution = d
        switch d {
        case .exponential(let m): form = .exponential(m)
        case .deterministic(let v): form = .constant(v)
        case .lognormal(let m, let cv):
            let s2 = Foundation.log(1 + cv * cv)
            form = .lognormal(mu: Foundation.log(m) - s2 / 2, sigma: s2.squareRoot())
        case .gamma(let m, let cv):
            let k = 1 / (cv * cv)
            form = .gamma(shape: k, scale: m / k)
        case .erlang(let k, let m): form = .gamma(shape: Double(k), scale: m / Double(k))
        case .uniform(let a, let b): form = .uniform(a, b - a)
        case .weibull(let k, let l): form = .weibull(shape: k, scale: l)
        case .hyperexponential(let m, let cv):
            // Balanced means: p/μ1 = (1-p)/μ2 (Whitt 1982); p = (1 + sqrt((c²-1)/(c²+1)))/2.
            let c2 = cv * cv
            let p = (1 + ((c2 - 1) / (c2 + 1)).squareRoot()) / 2
            form = .hyper(p: p, mean1: m / (2 * p), mean2: m / (2 * (1 - p)))
        case .empirical(let s): form = .empirical(s)
        }
    }

    /// One draw from `stream`.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double { sample(stream.source) }

    /// One draw, using `stream`.
    @inlinable @inline(__always)
    public func sample(_ stream: RandomSource) -> Double {
        switch form {
        case .exponential(let m): return stream.exponential(mean: m)
        case .constant(let v): return v
        case .lognormal(let mu, let sigma): return stream.lognormal(mu: mu, sigma: sigma)
        case .gamma(let k, let theta): return stream.gamma(shape: k, scale: theta)
        case .uniform(let a, let w): return a + w * stream.uniform()
        case .weibull(let k, let l): return stream.weibull(shape: k, scale: l)
        case .hyper(let p, let m1, let m2):
            return stream.uniform() < p ? stream.exponential(mean: m1) : stream.exponential(mean: m2)
        case .empirical(let s): return s[stream.index(below: s.count)]
        }
    }
}
