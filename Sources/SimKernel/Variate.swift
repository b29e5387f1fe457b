/// A `Sampler` as plain numbers, for event loops: a bit-copyable value (no references), so keeping it in buffers
/// and drawing from it copies nothing that needs reference counting or a switch over an enum with payloads.
/// It draws exactly what its sampler draws, from the same random numbers.
///
/// An empirical distribution's samples stay in a buffer owned by whoever made the variate (see `init`), which must
/// outlive it.
public struct Variate {
    @usableFromInline enum Kind: UInt8 {
        case exponential, constant, lognormal, gamma, boostedGamma, uniform, weibull, hyper, empirical
    }
    @usableFromInline let kind: Kind
    /// Parameters by kind: exponential (mean), constant (value), lognormal (mu, sigma), gamma and boostedGamma (d, c,
    /// scale; see `GammaConstants`), uniform (min, width), weibull (shape, scale), hyper (p, mean1, mean2).
    @usableFromInline let a: Double
    @usableFromInline let b: Double
    @usableFromInline let c: Double
    /// boostedGamma: 1 / shape.
    @usableFromInline let boost: Double
    /// Empirical samples and their number.
    @usableFromInline let samples: UnsafePointer<Double>?
    @usableFromInline let count: Int

    /// The variate of `sampler`. For an empirical sampler, `samples` must hold a copy of `sampler.empiricalSamples`.
    public init(_ sampler: Sampler, samples: UnsafePointer<Double>? = nil) {
        var count = 0
        var boost = 0.0
        switch sampler.form {
        case .exponential(let m): (kind, a, b, c) = (.exponential, m, 0, 0)
        case .constant(let v): (kind, a, b, c) = (.constant, v, 0, 0)
        case .lognormal(let mu, let sigma): (kind, a, b, c) = (.lognormal, mu, sigma, 0)
        case .gamma(let shape, let scale):
            let k = GammaConstants(shape: shape)
            (kind, a, b, c) = (k.boost > 0 ? .boostedGamma : .gamma, k.d, k.c, scale)
            boost = k.boost
        case .uniform(let lo, let w): (kind, a, b, c) = (.uniform, lo, w, 0)
        case .weibull(let k, let l): (kind, a, b, c) = (.weibull, k, l, 0)
        case .hyper(let p, let m1, let m2): (kind, a, b, c) = (.hyper, p, m1, m2)
        case .empirical(let s):
            precondition(samples != nil, "Variate: an empirical sampler needs its samples")
            (kind, a, b, c) = (.empirical, 0, 0, 0)
            count = s.count
        }
        self.samples = samples
        self.count = count
        self.boost = boost
    }

    /// One draw, using `stream` (the same draw as `Sampler.sample`).
    @inlinable @inline(__always)
    public func sample(_ stream: RandomSource) -> Double {
        switch kind {
        case .exponential: return stream.exponential(mean: a)
        case .constant: return a
        case .lognormal: return stream.lognormal(mu: a, sigma: b)
        case .gamma: return stream.standardGamma(GammaConstants(d: a, c: b, boost: 0)) * c
        case .boostedGamma: return stream.boostedGamma(GammaConstants(d: a, c: b, boost: boost)) * c
        case .uniform: return a + b * stream.uniform()
        case .weibull: return stream.weibull(shape: a, scale: b)
        case .hyper: return stream.uniform() < a ? stream.exponential(mean: b) : stream.exponential(mean: c)
        case .empirical: return samples.unsafelyUnwrapped[stream.index(below: count)]
        }
    }
}

extension Sampler {
    /// The samples of an empirical distribution (nil for the others).
    public var empiricalSamples: [Double]? {
        if case .empirical(let s) = form { return s }
        return nil
    }
}
