import Foundation
import Scenario
import SimKernel

extension InputDistribution {
    /// The `u` quantile (u in [0, 1)): the value below which a share `u` of draws falls. Applied to the points of a
    /// sample design, it turns stratified uniform points into draws of this distribution.
    public func quantile(_ u: Double) -> Double {
        let u = Swift.min(Swift.max(u, 0), 1)
        switch self {
        case .uniform(let a, let b):
            return a + u * (b - a)
        case .triangular(let a, let m, let b):
            guard b > a else { return a }
            let f = (m - a) / (b - a)
            return u < f ? a + ((b - a) * (m - a) * u).squareRoot() : b - ((b - a) * (b - m) * (1 - u)).squareRoot()
        case .normal(let mean, let sd, let lower, let upper):
            let pl = lower.isFinite ? StandardNormal.cdf((lower - mean) / sd) : 0
            let pu = upper.isFinite ? StandardNormal.cdf((upper - mean) / sd) : 1
            let p = Swift.min(Swift.max(pl + u * (pu - pl), 1e-15), 1 - 1e-15)
            return Swift.min(Swift.max(mean + sd * StandardNormal.quantile(p), lower), upper)
        case .lognormal(let mean, let cv):
            let s2 = Foundation.log(1 + cv * cv)
            let p = Swift.min(Swift.max(u, 1e-15), 1 - 1e-15)
            return Foundation.exp(Foundation.log(mean) - s2 / 2 + s2.squareRoot() * StandardNormal.quantile(p))
        case .discrete(let values, let p):
            var cumulative = 0.0
            for (v, q) in zip(values, p) {
                cumulative += q
                if u < cumulative { return v }
            }
            return values.last ?? .nan
        }
    }

    /// The low and high ends a one-at-a-time sensitivity run uses: the 10th and 90th percentiles, or the smallest
    /// and largest listed value for discrete inputs.
    public var sensitivityRange: (low: Double, high: Double) {
        if case .discrete(let values, _) = self { return (values.min() ?? .nan, values.max() ?? .nan) }
        return (quantile(0.1), quantile(0.9))
    }

    /// The listed values (discrete inputs, the levels of a grid study), or nil.
    public var levels: [Double]? {
        if case .discrete(let values, _) = self { return values }
        return nil
    }
}
