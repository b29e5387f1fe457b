import InfraModel

/// How each kind of resource shows its capacity in documents and reports: the one place Reporting knows
/// that pools count servers and links carry bit/s.
extension ResourceID.Kind {
    /// Key of a capacity in JSON documents and CSV columns: `servers` (pools) or `bandwidth_bps` (links).
    public var capacityKey: String {
        switch self {
        case .pool: return "servers"
        case .link: return "bandwidth_bps"
        }
    }

    /// Column of the demand on a resource in `capacity.csv`: `demand_servers` (pools) or `demand_bps` (links).
    public var demandKey: String {
        switch self {
        case .pool: return "demand_servers"
        case .link: return "demand_bps"
        }
    }

    /// A capacity as JSON: whole servers as integers, bit/s as numbers.
    func json(_ value: Double) -> JSONValue {
        switch self {
        case .pool: return .integer(Int64(value))
        case .link: return .number(value)
        }
    }
}

extension ReportLanguage {
    /// A capacity as text: "12" servers, or "1.5 Gbit/s".
    func capacity(_ value: Double, of kind: ResourceID.Kind) -> String {
        switch kind {
        case .pool: return String(Int(value))
        case .link: return bandwidth(value)
        }
    }
}
