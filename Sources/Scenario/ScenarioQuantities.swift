/// The numeric values of a scenario file by their path: what kind of number each is (`ValueKind`), so that
/// uncertainty inputs can be read in the units of the value they change and written back into a scenario.
///
/// A value's kind follows from its section and key (`pools.ID.servers`, `links.ID.bandwidth`); the parameters of
/// a distribution (`mean`, `value`, `min`, `max`, `scale`) take the kind of the value the distribution describes
/// (`route[0].service.mean` is a duration).
public enum ScenarioQuantities {
    /// The kind of the value at `path`, or nil when the path does not name a number capsim reads.
    public static func kind(of path: ScenarioPath) -> ValueKind? {
        let names = path.segments.compactMap { segment -> String? in
            if case .name(let n) = segment { return n }
            return nil
        }
        guard let section = names.first, let key = names.last else { return nil }
        // A parameter of a distribution: the kind of the distributed value, or a shape parameter.
        if names.count >= 2, let distributed = distributionKind(section: section, key: names[names.count - 2]) {
            switch key {
            case "mean", "value", "min", "max", "scale": return distributed
            case "cv", "shape": return .positiveNumber
            case "k": return .count
            default: return nil
            }
        }
        if let kind = distributionKind(section: section, key: key) { return kind }
        switch section {
        case "seed": return .wholeNumber
        case "simulation":
            switch key {
            case "duration": return .positiveDuration
            case "warmup", "start": return .duration
            case "replications": return .count
            default: return nil
            }
        case "horizon": return key == "base_year" || key == "to" ? .wholeNumber : nil
        case "pools":
            switch key {
            case "servers", "concurrency", "max_servers": return .count
            case "capacity": return .wholeNumber
            case "mtbf", "mttr": return .positiveDuration
            case "cost", "opex_per_year": return .money
            case "power": return .number
            default: return nil
            }
        case "links":
            switch key {
            case "bandwidth", "max_bandwidth", "step": return .bandwidth
            case "latency": return .duration
            case "cost_per_year": return .money
            default: return nil
            }
        case "limiters":
            switch key {
            case "rate", "max_rate", "step": return .positiveRate
            case "burst": return .positiveNumber
            case "capacity": return .wholeNumber
            case "cost_per_year", "cost": return .money
            default: return nil
            }
        case "storage":
            switch key {
            case "installed", "max_capacity", "step", "size": return .size
            case "copies": return .count
            case "headroom": return ValueKind(.fraction, maximum: 0.999_999)
            case "count": return .number
            case "growth": return .growth
            case "retention": return .duration
            case "cost", "opex_per_year": return .money
            default: return nil
            }
        case "facilities":
            switch key {
            case "power_per_server": return .number
            case "pue": return ValueKind(.number, minimum: 1)
            case "electricity": return .money
            default: return nil
            }
        case "workloads":
            switch key {
            case "rate": return .rate
            case "growth": return .growth
            case "multiplier", "rate_factor": return .positiveNumber
            case "day": return .count
            case "priority": return .wholeNumber
            case "timeout", "base", "cap": return .positiveDuration
            case "attempts": return .count
            case "ratio": return .fraction
            default:
                // Hourly and weekly multipliers: profile[H], weekly[D].
                if ["profile", "weekly"].contains(key), path.segments.last.map(isIndex) == true { return .number }
                return nil
            }
        case "events":
            switch key {
            case "at", "for": return .duration
            case "rate_factor": return .positiveNumber
            case "servers_down": return .wholeNumber
            default: return nil
            }
        case "targets":
            switch key {
            case "mean", "p50", "p95", "p99": return .positiveDuration
            case "max_lost", "max_utilization": return .fraction
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Keys whose value may be a distribution, and the kind of what they describe.
    static func distributionKind(section: String, key: String) -> ValueKind? {
        switch key {
        case "service", "patience", "delay": return .duration
        case "request_size", "response_size": return .size
        case "size": return section == "workloads" ? .size : nil
        default: return nil
        }
    }

    private static func isIndex(_ s: ScenarioPath.Segment) -> Bool {
        if case .index = s { return true }
        return false
    }
}
