import InfraModel

/// One resource the sizing search may change, counted in purchase steps: a pool's servers (base 0, step 1), a
/// link's bandwidth steps above a base, or storage steps above what is installed.
public struct SizingVariable: Sendable, Equatable {
    public var resource: ResourceID
    /// Smallest value the search may choose (steps).
    public var lower: Int
    /// Largest value allowed (steps; from max_servers or max_bandwidth).
    public var bound: Int
    /// Capacity with zero steps, in the resource's capacity unit (pools: 0).
    public var base: Double
    /// Capacity of one step, in the resource's capacity unit (pools: 1 server).
    public var step: Double
    /// Steps kept in reserve: targets must hold with this many out of service (n+k).
    public var redundancy: Int
    /// Why `lower` is what it is (closed-form bound), for the plan's explanations.
    public var lowerReason: PurchaseReason
    /// True when no simulated quantity depends on this variable (storage): the search fixes it at `lower`, its
    /// closed-form bound, never simulates another value and leaves it out of the probe cache key.
    public var closedForm: Bool = false
}

/// Values of every sizing variable, in variable order.
public typealias SizingValues = [Int]

extension SizingVariable {
    /// Capacity for a value, in the resource's capacity unit: base + value × step.
    public func capacity(_ value: Int) -> Double { base + Double(value) * step }

    /// Applies `value` to a model configuration; the reserve is simulated as out of service.
    func apply(_ value: Int, to c: inout ModelConfiguration) {
        let simulated = redundancy > 0 ? max(capacity(value) - Double(redundancy) * step, 0) : capacity(value)
        c.setCapacity(simulated, of: resource)
    }
}
