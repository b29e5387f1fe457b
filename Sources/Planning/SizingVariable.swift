import InfraModel

/// One resource the sizing search may change: a pool's server count or a link's bandwidth steps.
public struct SizingVariable: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Index into `Scenario.pools`.
        case pool(Int)
        /// Index into `Scenario.links`.
        case link(Int)
    }
    public var kind: Kind
    /// "pool:ID" or "link:ID".
    public var label: String
    /// Smallest value the search may choose (servers, or bandwidth steps added to `base`).
    public var lower: Int
    /// Largest value allowed (max_servers or max_bandwidth).
    public var bound: Int
    /// For links: bandwidth (bit/s) with zero steps; pools: 0.
    public var base: Double
    /// For links: bit/s per step; pools: 0.
    public var step: Double
    /// Servers kept in reserve: targets must hold with this many servers down (n+k).
    public var redundancy: Int
    /// Why `lower` is what it is (closed-form bound), for the plan's explanations.
    public var lowerReason: String
}

/// Values of every sizing variable, in variable order.
public typealias SizingValues = [Int]

extension SizingVariable {
    /// Bandwidth (bit/s) for a link value.
    func bandwidth(_ value: Int) -> Double { base + Double(value) * step }

    /// Applies `value` to a model configuration (pools: installed minus redundancy are simulated).
    func apply(_ value: Int, to c: inout ModelConfiguration) {
        switch kind {
        case .pool(let i): c.pools[i].servers = max(value - redundancy, 0)
        case .link(let i): c.links[i].bandwidth = bandwidth(value)
        }
    }
}
