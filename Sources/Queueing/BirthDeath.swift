import Foundation

/// Finite birth–death (quasi-reversible) Markov chains on states 0...K.
public enum BirthDeath {
    /// Stationary distribution π_0...π_K of a finite birth–death chain.
    ///
    /// Uses detailed balance π_{n+1} = π_n·λ_n/μ_{n+1}, accumulated in log space and
    /// normalised after subtracting the largest log-weight, so chains with thousands of states
    /// and extreme rate ratios neither overflow nor underflow to all-zero.
    ///
    /// - Parameters:
    ///   - birthRates: `birthRates[n]` is the rate from state n to n+1, per second (≥ 0),
    ///     for n = 0..<K. A zero birth rate makes every higher state unreachable (probability 0).
    ///   - deathRates: `deathRates[n]` is the rate from state n+1 to n, per second (> 0),
    ///     for n = 0..<K. Must have the same count K as `birthRates`.
    /// - Returns: K+1 probabilities (dimensionless) summing to 1; index = state.
    /// - Throws: `QueueingError.invalidParameter` on mismatched counts or bad rates.
    public static func stationary(birthRates: [Double], deathRates: [Double]) throws -> [Double] {
        guard birthRates.count == deathRates.count else {
            throw QueueingError.invalidParameter(
                "birthRates (\(birthRates.count)) and deathRates (\(deathRates.count)) must have the same count")
        }
        for (i, rate) in birthRates.enumerated() { try Check.nonNegative(rate, "birthRates[\(i)]") }
        for (i, rate) in deathRates.enumerated() { try Check.positive(rate, "deathRates[\(i)]") }
        var logWeights = [Double](repeating: 0, count: birthRates.count + 1)
        for n in birthRates.indices {
            logWeights[n + 1] = logWeights[n] + log(birthRates[n]) - log(deathRates[n])
        }
        return normalize(logWeights: logWeights)
    }

    /// Internal: turns unnormalised log-weights (−∞ allowed) into probabilities summing to 1.
    static func normalize(logWeights: [Double]) -> [Double] {
        let top = logWeights.max() ?? 0
        var weights = logWeights.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        for i in weights.indices { weights[i] /= total }
        return weights
    }
}
