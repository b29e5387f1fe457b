/// The Cholesky factor of a symmetric positive-definite matrix: the lower-triangular L with A = L Lᵀ.
public struct Cholesky: Sendable, Equatable {
    /// L, row-major, n × n (zeros above the diagonal).
    public let lower: [[Double]]

    /// Factors `matrix` (symmetric, row-major); nil when it is not positive definite (within `tolerance`).
    public init?(_ matrix: [[Double]], tolerance: Double = 1e-12) {
        let n = matrix.count
        guard matrix.allSatisfy({ $0.count == n }) else { return nil }
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > tolerance else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        lower = l
    }

    /// L⁻¹ (lower triangular), by forward substitution.
    public var inverse: [[Double]] {
        let n = lower.count
        var inv = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            inv[j][j] = 1 / lower[j][j]
            for i in (j + 1)..<max(n, j + 1) {
                var sum = 0.0
                for k in j..<i { sum -= lower[i][k] * inv[k][j] }
                inv[i][j] = sum / lower[i][i]
            }
        }
        return inv
    }
}
