import Foundation
import Scenario
import SimKernel

/// The input values of every sample of an uncertainty study: a pure function of the inputs, the method, the
/// number of samples and the design seed, so any machine computes the same design (shards need it).
public struct ExploreDesign: Sendable, Equatable {
    /// values[i][k]: input k's value in sample i (the drawn value, or the factor).
    public let values: [[Double]]

    /// Why a design cannot be made.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The number of samples `method` takes: `requested`, or for `grid` the product of the inputs' level counts.
    public static func sampleCount(_ spec: UncertaintySpec, method: UncertaintySpec.Method, requested: Int) -> Int {
        guard method == .grid else { return requested }
        return spec.inputs.reduce(1) { $0 * ($1.distribution.levels?.count ?? 1) }
    }

    public init(_ spec: UncertaintySpec, method: UncertaintySpec.Method, samples requested: Int, seed: UInt64) throws(Failure) {
        let inputs = spec.inputs
        let k = inputs.count
        let n = Self.sampleCount(spec, method: method, requested: requested)
        func stream(_ name: String, _ index: Int = 0) -> RandomStream {
            RandomStream(seed: StreamSeed.derive(scenarioSeed: seed, replication: index, stream: StreamSeed.id(of: "explore:" + name)))
        }
        var points: [[Double]]
        switch method {
        case .grid:
            // Mixed radix: the first input varies slowest.
            let levels = inputs.map { $0.distribution.levels ?? [$0.base] }
            values = (0..<n).map { i in
                var rest = i
                var row = Array(repeating: 0.0, count: k)
                for j in (0..<k).reversed() {
                    row[j] = levels[j][rest % levels[j].count]
                    rest /= levels[j].count
                }
                return row
            }
            return
        case .lhs:
            // Column j: a random permutation of the n strata and a uniform position in each.
            points = Array(repeating: Array(repeating: 0.0, count: k), count: n)
            for j in 0..<k {
                let s = stream("lhs", j)
                var strata = Array(0..<n)
                for a in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(a, s.source.index(below: a + 1)) }
                for i in 0..<n { points[i][j] = (Double(strata[i]) + s.uniform()) / Double(n) }
            }
        case .random:
            points = (0..<n).map { i in
                let s = stream("random", i)
                return (0..<k).map { _ in s.uniform() }
            }
        case .sobol:
            let sequence: SobolSequence
            do {
                sequence = try SobolSequence(dimensions: max(k, 1))
            } catch {
                throw Failure(description: "\(error)")
            }
            let shiftStream = stream("sobol-shift")
            let shift = (0..<max(k, 1)).map { _ in shiftStream.uniform() }
            points = (0..<n).map { _ in Array(SobolSequence.shifted(sequence.next(), by: shift).prefix(k)) }
        }
        if !spec.correlations.isEmpty, method == .lhs || method == .random {
            points = try Self.imanConover(points, spec.correlations, inputs: k, stream: stream("iman-conover"))
        }
        values = points.map { row in zip(row, inputs).map { u, input in input.distribution.quantile(u) } }
    }

    /// Reorders each column of `points` so that the columns' rank correlations approach the target (Iman and
    /// Conover 1982): the marginals, and so the Latin hypercube strata, are kept; only the pairing changes.
    static func imanConover(_ points: [[Double]], _ correlations: [RankCorrelation], inputs k: Int,
                            stream: RandomStream) throws(Failure) -> [[Double]] {
        let n = points.count
        guard n >= 3, k >= 2 else { return points }
        var target = (0..<k).map { i in (0..<k).map { j in i == j ? 1.0 : 0.0 } }
        for c in correlations {
            target[c.a][c.b] = c.rank
            target[c.b][c.a] = c.rank
        }
        guard let p = Cholesky(target) else { throw Failure(description: "the correlations' matrix is not positive definite") }
        // Van der Waerden scores, each column an independent random permutation.
        let scores = (1...n).map { StandardNormal.quantile(Double($0) / Double(n + 1)) }
        var r = Array(repeating: Array(repeating: 0.0, count: k), count: n)
        for j in 0..<k {
            var column = scores
            for a in stride(from: n - 1, to: 0, by: -1) { column.swapAt(a, stream.source.index(below: a + 1)) }
            for i in 0..<n { r[i][j] = column[i] }
        }
        // The scores' own correlation E = Q Qᵀ; R* = R (P Q⁻¹)ᵀ has correlation close to the target.
        var e = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        let means = (0..<k).map { j in r.reduce(0) { $0 + $1[j] } / Double(n) }
        for a in 0..<k {
            for b in 0...a {
                var s = 0.0
                for i in 0..<n { s += (r[i][a] - means[a]) * (r[i][b] - means[b]) }
                e[a][b] = s
                e[b][a] = s
            }
        }
        let scale = (0..<k).map { e[$0][$0].squareRoot() }
        for a in 0..<k { for b in 0..<k { e[a][b] /= scale[a] * scale[b] } }
        guard let q = Cholesky(e) else { return points }
        let qInverse = q.inverse
        var s = Array(repeating: Array(repeating: 0.0, count: k), count: k)   // S = P Q⁻¹
        for a in 0..<k { for b in 0..<k { for c in 0..<k { s[a][b] += p.lower[a][c] * qInverse[c][b] } } }
        var rStar = Array(repeating: Array(repeating: 0.0, count: k), count: n)
        for i in 0..<n { for a in 0..<k { for b in 0..<k { rStar[i][a] += r[i][b] * s[a][b] } } }
        // Give each column of the points the ranks of the same column of R*.
        var out = points
        for j in 0..<k {
            let sortedValues = points.map { $0[j] }.sorted()
            let order = (0..<n).sorted { (rStar[$0][j], $0) < (rStar[$1][j], $1) }
            for (rank, i) in order.enumerated() { out[i][j] = sortedValues[rank] }
        }
        return out
    }
}
