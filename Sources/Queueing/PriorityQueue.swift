/// One traffic class of a priority queue.
public struct PriorityClass: Sendable, Equatable {
    /// Arrival rate λ of the class in requests per second.
    public var arrivalRate: Double
    /// Mean service time E[S] of the class in seconds.
    public var meanService: Double
    /// Squared coefficient of variation of the class's service time (dimensionless).
    public var serviceSCV: Double

    /// - Parameters:
    ///   - arrivalRate: λ in requests per second.
    ///   - meanService: E[S] in seconds.
    ///   - serviceSCV: cv² of service time (dimensionless; 1 = exponential, 0 = deterministic).
    public init(arrivalRate: Double, meanService: Double, serviceSCV: Double) {
        self.arrivalRate = arrivalRate
        self.meanService = meanService
        self.serviceSCV = serviceSCV
    }
}

/// The non-preemptive (head-of-line) priority M/G/1 queue, Cobham's formula.
///
/// Classes are indexed from 0 = highest priority. With σ_k = Σ_{i≤k} ρ_i and the mean
/// residual work W0 = Σ_i λ_i E[S_i²]/2, class k waits on average
/// Wq_k = W0 / ((1 − σ_{k−1})(1 − σ_k)).
public struct NonPreemptivePriority: Sendable, Equatable {
    /// The classes, highest priority first.
    public let classes: [PriorityClass]

    /// Creates the queue from classes ordered highest priority first.
    ///
    /// - Parameter classes: per class λ (requests per second, ≥ 0), E[S] (seconds, > 0) and
    ///   SCV (dimensionless, ≥ 0); at least one class.
    /// - Throws: `QueueingError.unstable` when the total utilization Σ λ_i E[S_i] ≥ 1;
    ///   `.invalidParameter` for bad inputs.
    public init(classes: [PriorityClass]) throws {
        guard !classes.isEmpty else { throw QueueingError.invalidParameter("classes must not be empty") }
        for (i, k) in classes.enumerated() {
            try Check.nonNegative(k.arrivalRate, "classes[\(i)].arrivalRate")
            try Check.positive(k.meanService, "classes[\(i)].meanService")
            try Check.nonNegative(k.serviceSCV, "classes[\(i)].serviceSCV")
        }
        self.classes = classes
        try Check.stable(utilization)
    }

    /// Convenience for tuples `(arrivalRate, meanService, serviceSCV)`, highest priority first.
    /// Units as in `PriorityClass`: requests per second, seconds, dimensionless.
    /// - Throws: as `init(classes: [PriorityClass])`.
    public init(classes: [(arrivalRate: Double, meanService: Double, serviceSCV: Double)]) throws {
        try self.init(classes: classes.map {
            PriorityClass(arrivalRate: $0.arrivalRate, meanService: $0.meanService, serviceSCV: $0.serviceSCV)
        })
    }

    /// Total utilization Σ λ_i E[S_i] (dimensionless, in [0, 1)).
    public var utilization: Double { classes.reduce(0) { $0 + $1.arrivalRate * $1.meanService } }

    /// Mean residual work found by an arrival, W0 = Σ λ_i E[S_i²] / 2, in seconds.
    public var meanResidualWork: Double {
        classes.reduce(0) { $0 + $1.arrivalRate * $1.meanService * $1.meanService * (1 + $1.serviceSCV) } / 2
    }

    /// Mean waiting time in queue of class `k` (0 = highest priority), in seconds.
    /// - Throws: `QueueingError.invalidParameter` when `k` is out of range.
    public func meanWait(class k: Int) throws -> Double {
        try Check.index(k, count: classes.count, "class")
        let sigmaBefore = classes[..<k].reduce(0) { $0 + $1.arrivalRate * $1.meanService }
        let sigmaK = sigmaBefore + classes[k].arrivalRate * classes[k].meanService
        return meanResidualWork / ((1 - sigmaBefore) * (1 - sigmaK))
    }

    /// Mean response time of class `k`, Wq_k + E[S_k], in seconds.
    /// - Throws: `QueueingError.invalidParameter` when `k` is out of range.
    public func meanResponse(class k: Int) throws -> Double {
        let wait = try meanWait(class: k)  // range-checks k
        return wait + classes[k].meanService
    }

    /// Mean number of class-`k` requests waiting, λ_k·Wq_k (dimensionless).
    /// - Throws: `QueueingError.invalidParameter` when `k` is out of range.
    public func meanQueueLength(class k: Int) throws -> Double {
        let wait = try meanWait(class: k)  // range-checks k
        return classes[k].arrivalRate * wait
    }
}

/// The non-preemptive priority M/M/c queue with the same exponential service rate μ for every
/// class. Classes are indexed from 0 = highest priority. With σ_k = Σ_{i≤k} λ_i/(cμ),
/// class k waits on average Wq_k = (C(c, A)/(cμ)) / ((1 − σ_{k−1})(1 − σ_k)),
/// where C is Erlang C for the total load A = Σλ_i/μ.
public struct NonPreemptivePriorityMMc: Sendable, Equatable {
    /// Per-class arrival rates λ_k in requests per second, highest priority first.
    public let arrivalRates: [Double]
    /// Common service rate μ of one server, in requests per second.
    public let serviceRate: Double
    /// Number of servers c.
    public let servers: Int
    /// Erlang C probability that an arrival (of any class) waits (dimensionless).
    public let probabilityOfWait: Double

    /// Creates the queue.
    ///
    /// - Parameters:
    ///   - arrivalRates: λ_k per class in requests per second (≥ 0), highest priority first; non-empty.
    ///   - serviceRate: μ per server in requests per second (> 0), shared by all classes.
    ///   - servers: c (≥ 1).
    /// - Throws: `QueueingError.unstable` when Σλ ≥ cμ; `.invalidParameter` for bad inputs.
    public init(arrivalRates: [Double], serviceRate: Double, servers: Int) throws {
        guard !arrivalRates.isEmpty else { throw QueueingError.invalidParameter("arrivalRates must not be empty") }
        for (i, rate) in arrivalRates.enumerated() { try Check.nonNegative(rate, "arrivalRates[\(i)]") }
        // The aggregate M/M/c validates μ, c and stability and supplies Erlang C.
        let queue = try MMc(arrivalRate: arrivalRates.reduce(0, +), serviceRate: serviceRate, servers: servers)
        self.arrivalRates = arrivalRates
        self.serviceRate = serviceRate
        self.servers = servers
        self.probabilityOfWait = queue.probabilityOfWait
    }

    /// Total utilization Σλ/(cμ) (dimensionless, in [0, 1)).
    public var utilization: Double { arrivalRates.reduce(0, +) / capacity }

    private var capacity: Double { Double(servers) * serviceRate }

    /// Mean waiting time in queue of class `k` (0 = highest priority), in seconds.
    /// - Throws: `QueueingError.invalidParameter` when `k` is out of range.
    public func meanWait(class k: Int) throws -> Double {
        try Check.index(k, count: arrivalRates.count, "class")
        let sigmaBefore = arrivalRates[..<k].reduce(0, +) / capacity
        let sigmaK = sigmaBefore + arrivalRates[k] / capacity
        return probabilityOfWait / capacity / ((1 - sigmaBefore) * (1 - sigmaK))
    }

    /// Mean response time of class `k`, Wq_k + 1/μ, in seconds.
    /// - Throws: `QueueingError.invalidParameter` when `k` is out of range.
    public func meanResponse(class k: Int) throws -> Double {
        try meanWait(class: k) + 1 / serviceRate
    }
}
