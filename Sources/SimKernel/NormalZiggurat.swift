import Foundation

/// Tables of the ziggurat method for the standard normal distribution (Marsaglia and Tsang, "The Ziggurat Method
/// for Generating Random Variables", J. Stat. Software 5(8), 2000), with 128 layers of equal area under the
/// half-density exp(-x²/2).
///
/// A draw takes one 32-bit random integer and uses separate bits of it for separate purposes (as Doornik, "An
/// Improved Ziggurat Method to Generate Normal Random Samples", 2005, recommends, since reusing the layer's bits
/// in the value correlates the two): bits 0-6 choose the layer, bit 7 the sign, bits 8-31 (24 bits) the position
/// inside the layer. About 98.8% of draws end there with a comparison and a multiplication; the rest take the exact
/// rejection step of their layer or, from the base layer, the exact tail beyond `r` (Marsaglia 1964). The method
/// is exact up to the 24-bit resolution of the position.
final class NormalZiggurat: @unchecked Sendable {  // immutable after init
    /// The three tables in one buffer, for `RandomSource` to reach through one pointer: `w` (128 doubles) at byte
    /// 0, `f` (128 doubles) at `fOffset`, `k` (128 UInt32) at `kOffset`.
    let tables: UnsafeMutableRawPointer
    static let fOffset = 128 * 8
    static let kOffset = 256 * 8
    /// Per layer, the position below which a draw lies inside the density for sure (in units of 2^-24 of the
    /// layer's width); layer 1, the top one, has none.
    let k: UnsafeMutablePointer<UInt32>
    /// Per layer, the layer's right edge divided by 2^24 (the base layer: its area divided by f(r), divided by 2^24).
    let w: UnsafeMutablePointer<Double>
    /// exp(-x²/2) at each layer's right edge (1 for layer 0's top, the density's peak).
    let f: UnsafeMutablePointer<Double>
    /// Right edge of the base layer: draws beyond it come from the tail.
    static let r = 3.442619855899
    /// The area of every layer (and of the base layer with its tail), under exp(-x²/2).
    static let layerArea = 9.91256303526217e-3

    static let shared = NormalZiggurat()

    private init() {
        tables = .allocate(byteCount: Self.kOffset + 128 * 4, alignment: 16)
        w = tables.bindMemory(to: Double.self, capacity: 128)
        f = (tables + Self.fOffset).bindMemory(to: Double.self, capacity: 128)
        k = (tables + Self.kOffset).bindMemory(to: UInt32.self, capacity: 128)
        let scale = 16_777_216.0  // 2^24 positions per layer
        func density(_ x: Double) -> Double { exp(-0.5 * x * x) }
        var edge = Self.r, previous = edge
        let q = Self.layerArea / density(edge)
        k[0] = UInt32((edge / q) * scale)
        k[1] = 0
        w[0] = q / scale
        w[127] = edge / scale
        f[0] = 1
        f[127] = density(edge)
        for i in stride(from: 126, through: 1, by: -1) {
            edge = (-2 * log(Self.layerArea / edge + density(edge))).squareRoot()
            k[i + 1] = UInt32((edge / previous) * scale)
            previous = edge
            f[i] = density(edge)
            w[i] = edge / scale
        }
    }
}
