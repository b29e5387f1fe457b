internal import CGSL
import Foundation

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
        source = RandomSource(rng: OpaquePointer(r), state: r.pointee.state.assumingMemoryBound(to: CUnsignedLong.self),
                              zig: UnsafeRawPointer(ExponentialZiggurat.shared.tables),
                              normalZig: UnsafeRawPointer(NormalZiggurat.shared.tables))
    }

    deinit { gsl_rng_free(raw) }

    /// A uniform draw on the open interval (0, 1).
    @inlinable public func uniform() -> Double { source.uniform() }
    /// An exponential draw with the given mean (same unit as `mean`).
    @inlinable public func exponential(mean: Double) -> Double { source.exponential(mean: mean) }
}

@available(*, unavailable)
extension RandomStream: Sendable {}

/// A plain (trivially copyable) handle on a `RandomStream`'s generator: drawing through it costs no call and no
/// reference counting. Valid only while its stream is alive.
///
/// Uniform draws run GSL's `taus2` step inline on the generator's own state words, so they give exactly the
/// numbers `gsl_rng_get` / `gsl_rng_uniform` would, and GSL's Weibull sampler called on the same generator
/// continues the same stream. Exponential and normal draws (and so lognormal and gamma ones) use ziggurat tables.
public struct RandomSource {
    @usableFromInline let rng: OpaquePointer
    /// GSL's `taus_state_t`: the three Tausworthe components s1, s2, s3 (32 significant bits each).
    @usableFromInline let state: UnsafeMutablePointer<CUnsignedLong>
    /// Ziggurat tables for exponential draws (see `ExponentialZiggurat.tables`).
    @usableFromInline let zig: UnsafeRawPointer
    /// Ziggurat tables for normal draws (see `NormalZiggurat.tables`).
    @usableFromInline let normalZig: UnsafeRawPointer

    init(rng: OpaquePointer, state: UnsafeMutablePointer<CUnsignedLong>, zig: UnsafeRawPointer, normalZig: UnsafeRawPointer) {
        self.rng = rng
        self.state = state
        self.zig = zig
        self.normalZig = normalZig
    }

    @inlinable @inline(__always) func ke(_ i: Int) -> UInt32 { zig.load(fromByteOffset: 4096 &+ i &* 4, as: UInt32.self) }
    @inlinable @inline(__always) func we(_ i: Int) -> Double { zig.load(fromByteOffset: i &* 8, as: Double.self) }
    @inlinable @inline(__always) func fe(_ i: Int) -> Double { zig.load(fromByteOffset: 2048 &+ i &* 8, as: Double.self) }
    @inlinable @inline(__always) func kn(_ i: Int) -> UInt32 { normalZig.load(fromByteOffset: 2048 &+ i &* 4, as: UInt32.self) }
    @inlinable @inline(__always) func wn(_ i: Int) -> Double { normalZig.load(fromByteOffset: i &* 8, as: Double.self) }
    @inlinable @inline(__always) func fn(_ i: Int) -> Double { normalZig.load(fromByteOffset: 1024 &+ i &* 8, as: Double.self) }

    /// A uniform 32-bit integer: one step of the maximally equidistributed combined Tausworthe generator
    /// (L'Ecuyer 1996), as GSL's `taus_get` computes it.
    @inlinable @inline(__always)
    public func bits32() -> UInt32 {
        let m: CUnsignedLong = 0xffff_ffff
        var s1 = state[0], s2 = state[1], s3 = state[2]
        s1 = (((s1 & 4_294_967_294) &<< 12) & m) ^ ((((s1 &<< 13) & m) ^ s1) &>> 19)
        s2 = (((s2 & 4_294_967_288) &<< 4) & m) ^ ((((s2 &<< 2) & m) ^ s2) &>> 25)
        s3 = (((s3 & 4_294_967_280) &<< 17) & m) ^ ((((s3 &<< 3) & m) ^ s3) &>> 11)
        state[0] = s1
        state[1] = s2
        state[2] = s3
        return UInt32(truncatingIfNeeded: s1 ^ s2 ^ s3)
    }

    /// A standard exponential draw (mean 1) by the ziggurat method: exact, and without a logarithm
    /// in about 98.9% of draws.
    @inlinable @inline(__always)
    public func standardExponential() -> Double {
        let j = bits32()
        let i = Int(j & 255)
        if j < ke(i) { return Double(j) * we(i) }
        return standardExponentialSlow(j, i)
    }

    /// The rejection and tail steps of the ziggurat.
    @usableFromInline func standardExponentialSlow(_ j0: UInt32, _ i0: Int) -> Double {
        var j = j0, i = i0
        while true {
            if i == 0 { return ExponentialZiggurat.r - _log(uniform()) }
            let x = Double(j) * we(i)
            if fe(i) + uniform() * (fe(i - 1) - fe(i)) < _exp(-x) { return x }
            j = bits32()
            i = Int(j & 255)
            if j < ke(i) { return Double(j) * we(i) }
        }
    }

    /// A uniform draw on the open interval (0, 1).
    @inlinable @inline(__always)
    public func uniform() -> Double {
        var x: Double
        repeat { x = Double(bits32()) * 0x1p-32 } while x == 0  // GSL: taus_get / 2^32
        return x
    }

    /// An exponential draw with the given mean (same unit as `mean`).
    @inlinable @inline(__always)
    public func exponential(mean: Double) -> Double { mean * standardExponential() }

    /// A uniform integer in 0..<n (n > 0).
    @inlinable
    public func index(below n: Int) -> Int { Swift.min(Int(uniform() * Double(n)), n - 1) }

    /// A standard normal draw (mean 0, standard deviation 1) by the ziggurat method (see `NormalZiggurat`): exact,
    /// and one 32-bit integer, a comparison and a multiplication in about 98.8% of draws.
    @inlinable @inline(__always)
    public func standardNormal() -> Double {
        let bits = bits32()
        let i = Int(bits & 127)
        let position = bits &>> 8
        if position < kn(i) { return Self.signed(Double(position) * wn(i), bits) }
        return standardNormalSlow(bits)
    }

    /// `magnitude` (>= 0) with the sign that bit 7 of `bits` chooses (set: negative), without a branch.
    @inlinable @inline(__always)
    static func signed(_ magnitude: Double, _ bits: UInt32) -> Double {
        Double(bitPattern: magnitude.bitPattern | (UInt64(bits & 128) &<< 56))
    }

    /// The rejection and tail steps of the normal ziggurat, from a draw `bits0` that the fast test did not accept.
    @usableFromInline func standardNormalSlow(_ bits0: UInt32) -> Double {
        var bits = bits0
        while true {
            let i = Int(bits & 127)
            let position = bits &>> 8
            if position < kn(i) { return Self.signed(Double(position) * wn(i), bits) }
            if i == 0 {
                // The tail beyond r (Marsaglia 1964): x = r + E1 / r, accepted when 2 E2 >= (E1 / r)^2.
                let r = NormalZiggurat.r
                var x: Double, y: Double
                repeat {
                    x = -_log(uniform()) / r
                    y = -_log(uniform())
                } while y + y < x * x
                return Self.signed(r + x, bits)
            }
            let x = Double(position) * wn(i)
            if fn(i) + uniform() * (fn(i - 1) - fn(i)) < _exp(-0.5 * x * x) { return Self.signed(x, bits) }
            bits = bits32()
        }
    }

    /// Lognormal: exp of a normal with mean `mu` and standard deviation `sigma` (the normal by the ziggurat).
    @inlinable @inline(__always)
    public func lognormal(mu: Double, sigma: Double) -> Double {
        _exp(mu + sigma * standardNormal())
    }

    /// Gamma with shape `shape` and scale `scale` (mean shape × scale), by Marsaglia and Tsang's method ("A Simple
    /// Method for Generating Gamma Variables", ACM TOMS 26(3), 2000): a cubed transformed normal, accepted by a
    /// squeeze in about 98% of draws for shape >= 1 without a logarithm. A shape below 1 draws shape + 1 and
    /// multiplies by U^(1/shape).
    @usableFromInline func gamma(shape: Double, scale: Double) -> Double {
        let k = GammaConstants(shape: shape)
        return k.boost > 0 ? boostedGamma(k) * scale : standardGamma(k) * scale
    }

    /// A gamma draw of scale 1 and shape `k.d` + 1/3 (>= 1). Out of line: inlined into the event loop's variate
    /// switch, it made the switch a jump table and pushed the pool's service start out of line (measured).
    @usableFromInline func standardGamma(_ k: GammaConstants) -> Double {
        let x = standardNormal()
        let v1 = 1 + k.c * x
        if v1 > 0 {
            let v = v1 * v1 * v1
            let u = uniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return k.d * v }
            if _log(u) < 0.5 * x2 + k.d * (1 - v + _log(v)) { return k.d * v }
        }
        return standardGammaRetry(k)
    }

    /// Marsaglia and Tsang's loop, after a first try that was rejected.
    @usableFromInline func standardGammaRetry(_ k: GammaConstants) -> Double {
        while true {
            let x = standardNormal()
            let v1 = 1 + k.c * x
            guard v1 > 0 else { continue }
            let v = v1 * v1 * v1
            let u = uniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return k.d * v }
            if _log(u) < 0.5 * x2 + k.d * (1 - v + _log(v)) { return k.d * v }
        }
    }

    /// A gamma draw of scale 1 and shape below 1 (`k.boost` = 1 / shape): U^(1/shape) times a draw of shape + 1.
    @usableFromInline func boostedGamma(_ k: GammaConstants) -> Double {
        let u = uniform()
        return standardGamma(k) * Foundation.pow(u, k.boost)
    }
    /// Weibull with shape k and scale λ.
    @usableFromInline func weibull(shape: Double, scale: Double) -> Double {
        gsl_ran_weibull(UnsafePointer<gsl_rng>(rng), scale, shape)
    }
}

/// The constants of Marsaglia and Tsang's gamma method for one shape, computed once per distribution.
public struct GammaConstants: Sendable {
    /// shape − 1/3, of the shape drawn (shape + 1 when the shape is below 1).
    public let d: Double
    /// 1 / √(9 d).
    public let c: Double
    /// 1 / shape when the shape is below 1 (the draw is boosted by U^(1/shape)), else 0.
    public let boost: Double

    /// - Parameter shape: the gamma shape, > 0.
    public init(shape: Double) {
        let drawn = shape < 1 ? shape + 1 : shape
        d = drawn - 1.0 / 3.0
        c = 1 / (3 * d.squareRoot())
        boost = shape < 1 ? 1 / shape : 0
    }

    @inlinable
    init(d: Double, c: Double, boost: Double) {
        self.d = d
        self.c = c
        self.boost = boost
    }
}
