/// Erlang C (Erlang delay formula): the probability that an arrival to an M/M/c queue must wait.
public enum ErlangC {
    /// Probability that an arrival finds all `servers` busy and waits, C(c, A).
    ///
    /// Computed from Erlang B as C = B / (1 − ρ(1 − B)) with ρ = A/c, which inherits
    /// Erlang B's overflow-free recursion.
    ///
    /// - Parameters:
    ///   - servers: number of servers c (≥ 1).
    ///   - offeredLoad: offered traffic A = λ/μ in Erlangs (≥ 0, and < c for stability).
    /// - Returns: probability of waiting (dimensionless, in [0, 1)).
    /// - Throws: `QueueingError.unstable` when A ≥ c; `.invalidParameter` for bad inputs.
    public static func probabilityOfWait(servers: Int, offeredLoad: Double) throws -> Double {
        try Check.atLeast(servers, 1, "servers")
        try Check.nonNegative(offeredLoad, "offeredLoad")
        try Check.stable(offeredLoad / Double(servers))
        return fromErlangB(ErlangB.recursion(servers: servers, offeredLoad: offeredLoad),
                           servers: servers, offeredLoad: offeredLoad)
    }

    /// Unchecked conversion B(c, A) → C(c, A); requires A < c.
    static func fromErlangB(_ b: Double, servers: Int, offeredLoad a: Double) -> Double {
        let rho = a / Double(servers)
        return b / (1 - rho * (1 - b))
    }
}
