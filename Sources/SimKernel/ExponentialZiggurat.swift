import Foundation

/// Tables of the ziggurat method for the standard exponential distribution (Marsaglia and Tsang,
/// "The Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000), with 256
/// layers. About 98.9% of draws cost one 32-bit random integer, a comparison and a multiplication;
/// the rest fall back to an exact rejection step. The method is exact, not an approximation.
final class ExponentialZiggurat: @unchecked Sendable {  // immutable after init
    /// The three tables in one buffer, for `RandomSource` to reach through one pointer: `we` (256 doubles) at byte
    /// 0, `fe` (256 doubles) at `feOffset`, `ke` (256 UInt32) at `keOffset`.
    let tables: UnsafeMutableRawPointer
    static let feOffset = 256 * 8
    static let keOffset = 512 * 8
    /// Acceptance thresholds per layer.
    let ke: UnsafeMutablePointer<UInt32>
    /// Scale from a 32-bit integer to x, per layer.
    let we: UnsafeMutablePointer<Double>
    /// exp(-x) at each layer's edge.
    let fe: UnsafeMutablePointer<Double>
    /// Right edge of the base layer: draws beyond it come from the tail.
    static let r = 7.697117470131487

    static let shared = ExponentialZiggurat()

    private init() {
        tables = .allocate(byteCount: Self.keOffset + 256 * 4, alignment: 16)
        we = tables.bindMemory(to: Double.self, capacity: 256)
        fe = (tables + Self.feOffset).bindMemory(to: Double.self, capacity: 256)
        ke = (tables + Self.keOffset).bindMemory(to: UInt32.self, capacity: 256)
        let m2 = 4_294_967_296.0
        var de = Self.r, te = de
        let ve = 3.949659822581572e-3
        let q = ve / exp(-de)
        ke[0] = UInt32((de / q) * m2)
        ke[1] = 0
        we[0] = q / m2
        we[255] = de / m2
        fe[0] = 1
        fe[255] = exp(-de)
        for i in stride(from: 254, through: 1, by: -1) {
            de = -log(ve / de + exp(-de))
            ke[i + 1] = UInt32((de / te) * m2)
            te = de
            fe[i] = exp(-de)
            we[i] = de / m2
        }
    }
}
