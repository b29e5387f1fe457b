/// Erlang B (Erlang loss formula): the blocking probability of an M/M/c/c loss system
/// (equally of M/G/c/c, by insensitivity).
public enum ErlangB {
    /// Probability that an arrival finds all `servers` busy and is lost.
    ///
    /// Uses the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), which keeps every
    /// intermediate in [0, 1]: no factorials or powers, so it cannot overflow
    /// (works for c in the tens of thousands and loads of 1e5 Erlangs and beyond). O(c).
    ///
    /// - Parameters:
    ///   - servers: number of servers c (≥ 0). B(0, A) = 1.
    ///   - offeredLoad: offered traffic A = λ/μ in Erlangs (≥ 0, finite).
    /// - Returns: blocking probability (dimensionless, in [0, 1]).
    /// - Throws: `QueueingError.invalidParameter` for negative or non-finite inputs.
    public static func blocking(servers: Int, offeredLoad: Double) throws -> Double {
        try Check.atLeast(servers, 0, "servers")
        try Check.nonNegative(offeredLoad, "offeredLoad")
        return recursion(servers: servers, offeredLoad: offeredLoad)
    }

    /// Smallest number of servers whose Erlang B blocking is at most `maxBlocking`.
    ///
    /// - Parameters:
    ///   - offeredLoad: offered traffic A in Erlangs (≥ 0, finite).
    ///   - maxBlocking: largest acceptable blocking probability (dimensionless, in (0, 1]).
    /// - Returns: server count c (≥ 0).
    /// - Throws: `QueueingError.invalidParameter` for out-of-domain inputs.
    public static func minimumServers(offeredLoad: Double, maxBlocking: Double) throws -> Int {
        try Check.nonNegative(offeredLoad, "offeredLoad")
        guard maxBlocking > 0, maxBlocking <= 1 else {
            throw QueueingError.invalidParameter("maxBlocking must lie in (0, 1] (got \(maxBlocking))")
        }
        // B(c) strictly decreases to 0 as c grows, so this terminates.
        var c = 0
        var b = 1.0
        while b > maxBlocking {
            c += 1
            b = step(previous: b, servers: c, offeredLoad: offeredLoad)
        }
        return c
    }

    // MARK: Internal

    /// Unchecked recursion; callers validate.
    static func recursion(servers: Int, offeredLoad a: Double) -> Double {
        var b = 1.0
        if servers > 0 {
            for k in 1...servers {
                b = step(previous: b, servers: k, offeredLoad: a)
            }
        }
        return b
    }

    /// One step of the recursion: B(k) from B(k−1).
    @inline(__always)
    static func step(previous b: Double, servers k: Int, offeredLoad a: Double) -> Double {
        let ab = a * b
        return ab / (Double(k) + ab)
    }
}
