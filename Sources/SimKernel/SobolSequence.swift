internal import CGSL

/// GSL's Sobol' quasi-random sequence in `dimensions` dimensions, with the traps handled: GSL returns all
/// zeros above its maximum dimension (checked here), skips the origin (put back first: Owen 2020, "On dropping
/// the first Sobol' point"), and cannot be seeded (`shifted(by:)` applies a random shift modulo 1 instead).
public final class SobolSequence {
    private let raw: OpaquePointer
    /// Dimensions of every point.
    public let dimensions: Int
    private var handedOutOrigin = false

    /// Why a sequence cannot be made.
    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var dimensions: Int
        public var maximum: Int
        public var description: String { "GSL's Sobol' generator supports at most \(maximum) dimensions, asked for \(dimensions)" }
    }

    /// The largest dimension GSL's generator supports.
    public static var maximumDimensions: Int { Int(capsim_qrng_sobol().pointee.max_dimension) }

    public init(dimensions: Int) throws(Unavailable) {
        KernelGSL.disableAbortOnError()
        let maximum = Self.maximumDimensions
        guard dimensions >= 1, dimensions <= maximum, let q = gsl_qrng_alloc(capsim_qrng_sobol(), UInt32(dimensions)) else {
            throw Unavailable(dimensions: dimensions, maximum: maximum)
        }
        raw = OpaquePointer(q)
        self.dimensions = dimensions
    }

    deinit { gsl_qrng_free(UnsafeMutablePointer<gsl_qrng>(raw)) }

    /// The next point in [0, 1)^dimensions: the origin first, then GSL's sequence.
    public func next() -> [Double] {
        guard handedOutOrigin else {
            handedOutOrigin = true
            return Array(repeating: 0, count: dimensions)
        }
        var x = Array(repeating: 0.0, count: dimensions)
        x.withUnsafeMutableBufferPointer { _ = gsl_qrng_get(UnsafeMutablePointer<gsl_qrng>(raw), $0.baseAddress) }
        return x
    }

    /// `point` shifted by `shift` modulo 1 in every coordinate (a Cranley–Patterson rotation), which keeps the
    /// sequence's balance and makes it depend on a seed.
    public static func shifted(_ point: [Double], by shift: [Double]) -> [Double] {
        zip(point, shift).map { p, s in
            let v = p + s
            return v >= 1 ? v - 1 : v
        }
    }
}

@available(*, unavailable)
extension SobolSequence: Sendable {}
