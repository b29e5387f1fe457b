import InfraModel

/// Why a year cannot meet its targets within the bounds, as data: the commands and reports lead with it and render
/// it in each language.
public struct Infeasibility: Sendable, Equatable {
    /// A resource that stopped short of the capacity the screen wanted for it.
    public struct Limited: Sendable, Equatable {
        public var resource: ResourceID
        /// The largest capacity it may have, in its capacity unit (servers, bit/s): `max_servers`, `max_bandwidth`,
        /// the simulation's channel limit, or what is installed when it cannot grow (a link without `unit`).
        public var bound: Double
        /// The capacity the screen wanted for it (20 × its busiest offered load), in the same unit.
        public var wanted: Double
        /// True when the resource cannot be bought at all (no `unit`), so its bound is what is installed.
        public var fixed: Bool

        public init(resource: ResourceID, bound: Double, wanted: Double, fixed: Bool = false) {
            self.resource = resource
            self.bound = bound
            self.wanted = wanted
            self.fixed = fixed
        }
    }

    public enum Cause: Sendable, Equatable {
        /// The target is missed even with ample capacity on everything it involves (pools at 20 × their busiest
        /// offered load, links at their bound): service times, transmission and latencies alone exceed the limit,
        /// so no capacity can meet it. The result is the one simulated with ample capacity.
        case unreachable(TargetResult)
        /// The target is missed with ample capacity everywhere the bounds allow, and these resources stopped at their
        /// bound short of ample: more than the bound might meet it, nothing within it does.
        case boundReached(TargetResult, limited: [Limited])
        /// The closed-form lower bound of a resource (its offered load, or its offered load over a utilisation
        /// target, plus the n+k reserve) exceeds its bound: `needed` and `bound` in its capacity unit.
        case needExceedsBound(resource: ResourceID, needed: Double, bound: Double, why: PurchaseReason)
        /// A storage need exceeds its `max_capacity`.
        case storageShortfall(CapacityShortfall)
    }

    public var cause: Cause

    public init(_ cause: Cause) { self.cause = cause }

    /// The target the cause is about, if any.
    public var target: TargetResult? {
        switch cause {
        case .unreachable(let t), .boundReached(let t, _): return t
        case .needExceedsBound, .storageShortfall: return nil
        }
    }

    /// A short machine name of the cause: `unreachable`, `bound_reached`, `need_exceeds_bound`, `storage_shortfall`.
    public var code: String {
        switch cause {
        case .unreachable: return "unreachable"
        case .boundReached: return "bound_reached"
        case .needExceedsBound: return "need_exceeds_bound"
        case .storageShortfall: return "storage_shortfall"
        }
    }
}
