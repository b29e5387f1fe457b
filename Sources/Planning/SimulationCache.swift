import Foundation
import InfraModel

/// Results of simulations already run, shared by the plans of a study: a plan that meets a configuration another
/// plan simulated (the same model, seed, run length and replications) takes its results instead of simulating
/// again. The simulator is deterministic, so a cached result is exactly what a new run would give.
///
/// Thread-safe; two threads may simulate the same configuration at once (both get the same result).
public final class SimulationCache: @unchecked Sendable {
    struct Key: Hashable {
        var configuration: ModelConfiguration
        var replications: Int
    }

    private var results: [Key: RunResults] = [:]
    private let lock = NSLock()
    /// Lookups answered from the cache, and simulations stored.
    public private(set) var hits = 0
    public private(set) var stored = 0

    public init() {}

    func result(_ configuration: ModelConfiguration, replications: Int) -> RunResults? {
        lock.lock(); defer { lock.unlock() }
        let r = results[Key(configuration: configuration, replications: replications)]
        if r != nil { hits += 1 }
        return r
    }

    func store(_ result: RunResults, _ configuration: ModelConfiguration, replications: Int) {
        lock.lock(); defer { lock.unlock() }
        results[Key(configuration: configuration, replications: replications)] = result
        stored += 1
    }
}
