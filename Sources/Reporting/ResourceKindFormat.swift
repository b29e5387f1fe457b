import InfraModel

/// How each kind of resource shows its capacity in documents and reports: the one place Reporting knows
/// that pools count servers, links carry bit/s, limiters pass tokens per second and storage holds bytes.
extension ResourceID.Kind {
    /// Key of a capacity in JSON documents and CSV columns: `servers` (pools), `bandwidth_bps` (links),
    /// `rate_per_s` (limiters) or `capacity_bytes` (storage).
    public var capacityKey: String {
        switch self {
        case .pool: return "servers"
        case .link: return "bandwidth_bps"
        case .limiter: return "rate_per_s"
        case .storage: return "capacity_bytes"
        }
    }

    /// Column of the demand on a resource in `capacity.csv`: `demand_servers` (pools), `demand_bps` (links) or
    /// `demand_per_s` (limiters), `need_bytes` (storage: data × copies / (1 − headroom)).
    public var demandKey: String {
        switch self {
        case .pool: return "demand_servers"
        case .link: return "demand_bps"
        case .limiter: return "demand_per_s"
        case .storage: return "need_bytes"
        }
    }

    /// A capacity as JSON: whole servers as integers, bit/s and tokens/s as numbers.
    func json(_ value: Double) -> JSONValue {
        switch self {
        case .pool: return .integer(Int64(value))
        case .link, .limiter, .storage: return .number(value)
        }
    }
}

extension ReportLanguage {
    /// A capacity as text: "12" servers, "1.5 Gbit/s", "200/s" or "400 TB".
    func capacity(_ value: Double, of kind: ResourceID.Kind) -> String {
        switch kind {
        case .pool: return String(Int(value))
        case .link: return bandwidth(value)
        case .limiter: return rate(value)
        case .storage: return bytes(value)
        }
    }
}
