/// Errors thrown by the closed-form queueing models when their inputs are invalid or the
/// requested system has no steady state.
public enum QueueingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offered work meets or exceeds capacity, so no steady state exists.
    /// `utilization` is the offending load per server (dimensionless, ≥ 1).
    case unstable(utilization: Double)
    /// An input is outside its domain (negative rate, mismatched array lengths, p ∉ [0, 1], ...).
    /// The string names the parameter and the constraint it broke.
    case invalidParameter(String)
    /// A sizing target can never be met, however many servers are added
    /// (e.g. a mean response time at or below the bare service time).
    case infeasible(String)
    /// A numerical procedure (chain truncation, server search) hit its cap before converging.
    case notConverged(String)

    /// Human-readable message naming the failure; utilizations are dimensionless.
    public var description: String {
        switch self {
        case let .unstable(utilization):
            return "unstable queue: utilization \(utilization) ≥ 1"
        case let .invalidParameter(message):
            return "invalid parameter: \(message)"
        case let .infeasible(message):
            return "infeasible target: \(message)"
        case let .notConverged(message):
            return "did not converge: \(message)"
        }
    }
}

// MARK: - Input validation helpers (internal)

enum Check {
    /// `value` must be finite and > 0.
    static func positive(_ value: Double, _ name: String) throws {
        guard value.isFinite, value > 0 else {
            throw QueueingError.invalidParameter("\(name) must be finite and > 0 (got \(value))")
        }
    }

    /// `value` must be finite and ≥ 0.
    static func nonNegative(_ value: Double, _ name: String) throws {
        guard value.isFinite, value >= 0 else {
            throw QueueingError.invalidParameter("\(name) must be finite and ≥ 0 (got \(value))")
        }
    }

    /// `value` must be ≥ `minimum`.
    static func atLeast(_ value: Int, _ minimum: Int, _ name: String) throws {
        guard value >= minimum else {
            throw QueueingError.invalidParameter("\(name) must be ≥ \(minimum) (got \(value))")
        }
    }

    /// `p` must lie in [0, 1].
    static func probability(_ p: Double, _ name: String) throws {
        guard p >= 0, p <= 1 else {
            throw QueueingError.invalidParameter("\(name) must lie in [0, 1] (got \(p))")
        }
    }

    /// `index` must address one of `count` elements.
    static func index(_ index: Int, count: Int, _ name: String) throws {
        guard index >= 0, index < count else {
            throw QueueingError.invalidParameter("\(name) \(index) out of range 0..<\(count)")
        }
    }

    /// Throws `.unstable` unless `utilization` < 1.
    static func stable(_ utilization: Double) throws {
        guard utilization < 1 else { throw QueueingError.unstable(utilization: utilization) }
    }
}
