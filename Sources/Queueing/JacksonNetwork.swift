/// An open Jackson network: Poisson external arrivals, M/M/c stations, Markovian routing.
///
/// The traffic equations λ = γ + λP (λ_j = γ_j + Σ_i λ_i P_ij) are solved by Gaussian
/// elimination with partial pivoting; each station is then an independent M/M/c queue with
/// arrival rate λ_j (product form).
public struct JacksonNetwork: Sendable, Equatable {
    /// Per-station M/M/c models with their total (external + routed) arrival rates.
    public let stations: [MMc]
    /// External arrival rates γ_j in requests per second.
    public let externalArrivalRates: [Double]

    /// Creates and solves the network.
    ///
    /// - Parameters:
    ///   - externalArrivalRates: γ_j, external Poisson arrivals into station j, in requests
    ///     per second (≥ 0; at least one > 0).
    ///   - serviceRates: μ_j, service rate of one server at station j, in requests per second (> 0).
    ///   - servers: c_j, servers at station j (≥ 1).
    ///   - routing: P, an n×n matrix; `routing[i][j]` is the probability (dimensionless) that a
    ///     request leaving station i goes next to station j. Rows sum to ≤ 1; the remainder
    ///     leaves the network.
    /// - Throws: `QueueingError.unstable` if some station has λ_j ≥ c_j μ_j;
    ///   `.invalidParameter` for mismatched sizes, bad probabilities, or routing from which
    ///   requests can never leave (singular I − P).
    public init(externalArrivalRates: [Double], serviceRates: [Double], servers: [Int], routing: [[Double]]) throws {
        let n = externalArrivalRates.count
        guard n > 0 else { throw QueueingError.invalidParameter("the network needs at least one station") }
        guard serviceRates.count == n, servers.count == n, routing.count == n, routing.allSatisfy({ $0.count == n })
        else {
            throw QueueingError.invalidParameter("externalArrivalRates, serviceRates, servers and routing must all describe \(n) stations")
        }
        for j in 0..<n { try Check.nonNegative(externalArrivalRates[j], "externalArrivalRates[\(j)]") }
        guard externalArrivalRates.reduce(0, +) > 0 else {
            throw QueueingError.invalidParameter("at least one external arrival rate must be > 0")
        }
        for i in 0..<n {
            for j in 0..<n { try Check.probability(routing[i][j], "routing[\(i)][\(j)]") }
            guard routing[i].reduce(0, +) <= 1 + 1e-12 else {
                throw QueueingError.invalidParameter("routing row \(i) sums to more than 1")
            }
        }

        let rates = try Self.solveTrafficEquations(external: externalArrivalRates, routing: routing)
        var stations: [MMc] = []
        stations.reserveCapacity(n)
        for j in 0..<n {
            stations.append(try MMc(arrivalRate: rates[j], serviceRate: serviceRates[j], servers: servers[j]))
        }
        self.stations = stations
        self.externalArrivalRates = externalArrivalRates
    }

    /// Total external arrival rate Σγ, in requests per second (= network throughput).
    public var totalExternalArrivalRate: Double { externalArrivalRates.reduce(0, +) }

    /// Total arrival rate λ_j into station `station` (external + routed), in requests per second.
    /// - Throws: `QueueingError.invalidParameter` for an out-of-range station.
    public func throughput(station: Int) throws -> Double {
        try Check.index(station, count: stations.count, "station")
        return stations[station].arrivalRate
    }

    /// Utilization λ_j/(c_j μ_j) of station `station` (dimensionless).
    /// - Throws: `QueueingError.invalidParameter` for an out-of-range station.
    public func utilization(station: Int) throws -> Double {
        try Check.index(station, count: stations.count, "station")
        return stations[station].utilization
    }

    /// Mean response time of one visit to station `station` (wait + service), in seconds.
    /// - Throws: `QueueingError.invalidParameter` for an out-of-range station.
    public func meanResponse(station: Int) throws -> Double {
        try Check.index(station, count: stations.count, "station")
        return stations[station].meanResponse
    }

    /// Mean number of requests at station `station` (dimensionless).
    /// - Throws: `QueueingError.invalidParameter` for an out-of-range station.
    public func meanNumberInSystem(station: Int) throws -> Double {
        try Check.index(station, count: stations.count, "station")
        return stations[station].meanNumberInSystem
    }

    /// Mean number of visits a request makes to station `station`, λ_j/Σγ (dimensionless).
    /// - Throws: `QueueingError.invalidParameter` for an out-of-range station.
    public func visitRatio(station: Int) throws -> Double {
        try Check.index(station, count: stations.count, "station")
        return stations[station].arrivalRate / totalExternalArrivalRate
    }

    /// Mean number of requests in the whole network, Σ L_j (dimensionless).
    public var meanNumberInSystem: Double { stations.reduce(0) { $0 + $1.meanNumberInSystem } }

    /// Mean end-to-end sojourn time of a request, Σ L_j / Σ γ_j (Little), in seconds.
    public var meanSojourn: Double { meanNumberInSystem / totalExternalArrivalRate }

    /// Solves (I − Pᵀ)λ = γ by Gaussian elimination with partial pivoting.
    static func solveTrafficEquations(external gamma: [Double], routing p: [[Double]]) throws -> [Double] {
        let n = gamma.count
        // Augmented matrix rows: equation j is λ_j − Σ_i P_ij λ_i = γ_j.
        var a = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        for j in 0..<n {
            for i in 0..<n { a[j][i] = (i == j ? 1 : 0) - p[i][j] }
            a[j][n] = gamma[j]
        }
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<n where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 1e-12 else {
                throw QueueingError.invalidParameter("routing traps requests in a closed loop (I − P is singular)")
            }
            if pivot != col { a.swapAt(pivot, col) }
            for row in 0..<n where row != col {
                let factor = a[row][col] / a[col][col]
                if factor != 0 { for k in col...n { a[row][k] -= factor * a[col][k] } }
            }
        }
        var lambda = (0..<n).map { a[$0][n] / a[$0][$0] }
        for j in 0..<n {
            // Exact solutions are ≥ 0; clear round-off noise and reject anything else.
            if lambda[j] < 0 && lambda[j] > -1e-9 * gamma.reduce(0, +) { lambda[j] = 0 }
            guard lambda[j].isFinite, lambda[j] >= 0 else {
                throw QueueingError.invalidParameter("routing gives a negative or non-finite flow at station \(j)")
            }
        }
        return lambda
    }
}
