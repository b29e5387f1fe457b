internal import CGSL

/// An independent stream of pseudo-random numbers: one GSL generator (Tausworthe `taus2`,
/// period about 2^88) owned by this object and freed with it.
///
/// Streams are not shared between threads: each replication creates its own.
/// Use `StreamSeed.derive` to give every (replication, stream id) pair its own seed, so
/// adding a workload to a scenario does not change the numbers another workload draws.
/// Hot loops draw through `source`, a plain value, valid while this stream is alive.
public final class RandomStream {
    private let raw: UnsafeMutablePointer<gsl_rng>
    /// A plain handle on this generator for hot loops (valid while the stream lives).
    public let source: RandomSource

    /// Creates a stream seeded with `seed`. The 64-bit seed is folded to the 32 bits taus2 uses;
    /// seeds made by `StreamSeed` are already well mixed.
    public init(seed: UInt64) {
        KernelGSL.disableAbortOnError()
        guard let r = gsl_rng_alloc(capsim_rng_taus2()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        var s = UInt((seed ^ (seed >> 32)) & 0xffff_ffff)
        if s == 0 { s = 0x9E37_79B9 }
        gsl_rng_set(r, s)
        raw = r
        source = RandomSource(rng: OpaquePointer(r), getDouble: r.pointee.type.pointee.get_double!, state: r.pointee.state)
    }

    deinit { gsl_rng_free(raw) }

    /// A uniform draw on the open interval (0, 1).
    @inlinable public func uniform() -> Double { source.uniform() }
    /// An exponential draw with the given mean (same unit as `mean`).
    @inlinable public func exponential(mean: Double) -> Double { source.exponential(mean: mean) }
}

@available(*, unavailable)
extension RandomStream: Sendable {}

/// A plain (trivially copyable) handle on a `RandomStream`'s generator: drawing through it costs
/// one indirect call and no reference counting. Valid only while its stream is alive.
public struct RandomSource {
    @usableFromInline let rng: OpaquePointer
    @usableFromInline let getDouble: @convention(c) (UnsafeMutableRawPointer?) -> Double
    @usableFromInline let state: UnsafeMutableRawPointer?

    init(rng: OpaquePointer, getDouble: @escaping @convention(c) (UnsafeMutableRawPointer?) -> Double, state: UnsafeMutableRawPointer?) {
        self.rng = rng
        self.getDouble = getDouble
        self.state = state
    }

    /// A uniform draw on the open interval (0, 1).
    @inlinable @inline(__always)
    public func uniform() -> Double {
        var x: Double
        repeat { x = getDouble(state) } while x == 0
        return x
    }

    /// An exponential draw with the given mean (same unit as `mean`).
    @inlinable @inline(__always)
    public func exponential(mean: Double) -> Double { -mean * _log(uniform()) }

    /// A uniform integer in 0..<n (n > 0).
    @inlinable
    public func index(below n: Int) -> Int { Swift.min(Int(uniform() * Double(n)), n - 1) }

    /// Lognormal: exp of a normal with mean `mu` and standard deviation `sigma`.
    @usableFromInline func lognormal(mu: Double, sigma: Double) -> Double {
        gsl_ran_lognormal(UnsafePointer<gsl_rng>(rng), mu, sigma)
    }
    /// Gamma with shape `shape` and scale `scale` (mean shape × scale).
    @usableFromInline func gamma(shape: Double, scale: Double) -> Double {
        gsl_ran_gamma(UnsafePointer<gsl_rng>(rng), shape, scale)
    }
    /// Weibull with shape k and scale λ.
    @usableFromInline func weibull(shape: Double, scale: Double) -> Double {
        gsl_ran_weibull(UnsafePointer<gsl_rng>(rng), scale, shape)
    }
}
