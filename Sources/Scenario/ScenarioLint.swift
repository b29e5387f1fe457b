import Foundation
import Yams

/// A value that is valid but probably not what its author meant, with its location: printed as
/// `PATH:LINE:COLUMN: warning: MESSAGE` by `validate` and by every command that reads a scenario; it never changes
/// the exit status.
public struct ScenarioWarning: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `PATH:LINE:COLUMN: warning: MESSAGE`.
    public var description: String { "\(location): warning: \(message)" }
}

/// Unit-less traps and missing prices: a bare number is read in the base unit (seconds, bytes, bit/s, W, a fraction),
/// so `growth: 25` is +2,500% a year and `mtbf: 4380` is 73 minutes. Each rule warns only where a bare number is far
/// from anything plausible in that unit and plausible in the unit its author probably meant:
///
/// | value (bare number) | warns when | probably meant |
/// |---|---|---|
/// | `growth` (arrivals, storage data) | > 1 (more than +100% a year) | a percentage: `25%` |
/// | targets' `max_lost` | > 0.05 (5% of requests lost) | a percentage: `0.1%` |
/// | `simulation.duration`, `simulation.warmup` | under 60 (seconds) | minutes or hours: `2h` |
/// | `simulation.start` | above 0 and under 168 | hours after Monday 00:00: `19h` |
/// | `failures.mtbf` | under 604,800 (a week) | hours: `4380h` |
/// | `failures.mttr` | under 60 | hours: `4h` |
/// | `patience`, client `timeout`, backoff `base`/`cap` | 1,000 or more (17 min) | milliseconds: `1000ms` |
/// | a route step's `service` (or its mean, value, min, max, scale) | 10 or more (seconds per request) | milliseconds: `40ms` |
/// | targets' `mean`, `p50`, `p95`, `p99` | 60 or more | milliseconds: `500ms` |
/// | link `latency` | 1 or more (one way) | milliseconds: `12ms` |
/// | storage data `retention` | under 86,400 (a day) | years: `5y` |
/// | `request_size`, `response_size`, a step's `size`, storage data `size` | under 100 (bytes) | `4KB` |
/// | storage `installed`, `max_capacity`, `unit.step` | under 10⁹ (1 GB) | `100TB` |
/// | link `bandwidth`, `max_bandwidth`, `unit.step` | under 10⁶ (1 Mbit/s) | `100Mbps` |
/// | `power`, `power_per_server` | above 0 and under 10 (W) | kilowatts: `0.45kW` |
///
/// A pool without `unit:` that sizing may grow (no `max_servers`, or one above `servers`) is also warned about: plan
/// counts the servers it needs but cannot price them.
enum ScenarioLint {
    /// Every warning for the composed tree `root` (overrides applied) of a scenario that decoded as `scenario`.
    static func warnings(root: Node, scenario: Scenario, file: String) -> [ScenarioWarning] {
        var out: [ScenarioWarning] = []
        walk(root, keys: [], path: "") { keys, path, scalar in
            guard let rule = trap(keys), let value = Units.plainNumber(Units.trimmed(scalar.string)),
                  let message = rule(value, scalar.string.trimmingCharacters(in: .whitespaces), path) else { return }
            let mark = scalar.mark
            out.append(ScenarioWarning(location: SourceLocation(file: file, line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1)),
                                       message: message))
        }
        for pool in scenario.pools where pool.unit == nil && (pool.maxServers.map { $0 > pool.configuration.servers } ?? true) {
            let location = pool.location ?? SourceLocation(file: file, line: 1, column: 1)
            out.append(ScenarioWarning(location: location, message:
                "pool '\(pool.id)' has no unit: (name, cost, opex_per_year): size and plan count the servers it needs but cannot "
                + "price them (0 in every total); add a unit:, or set max_servers: \(pool.configuration.servers) if it is not bought here"))
        }
        var seen = Set<ScenarioWarning>()
        return out.filter { seen.insert($0).inserted }
            .sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Visits every scalar with the mapping keys above it (list positions and ids left out) and its path as written
    /// in `--set` (`pools.eauth.failures.mtbf`).
    static func walk(_ node: Node, keys: [String], path: String, _ visit: ([String], String, Node.Scalar) -> Void) {
        switch node {
        case .scalar(let s):
            visit(keys, path, s)
        case .mapping(let m):
            for (key, value) in NodeReader.mergedPairs(m) {
                guard let name = key.scalar?.string, !name.hasPrefix("x-") || !keys.isEmpty else { continue }
                walk(value, keys: keys + [name], path: path.isEmpty ? name : "\(path).\(name)", visit)
            }
        case .sequence(let seq):
            for (index, item) in seq.enumerated() {
                let step = NodeReader.peekID(item).map { ".\($0)" } ?? "[\(index)]"
                walk(item, keys: keys, path: path + step, visit)
            }
        case .alias:
            break
        }
    }

    /// A rule: given the bare value, its text and its path, a message when the value is suspicious.
    typealias Rule = (Double, String, String) -> String?

    /// The rule for the value at `keys`, if any.
    static func trap(_ keys: [String]) -> Rule? {
        guard let section = keys.first, let key = keys.last else { return nil }
        let parent = keys.count >= 2 ? keys[keys.count - 2] : ""
        let parameter = ["mean", "value", "min", "max", "scale"].contains(key)
        switch section {
        case "workloads":
            if key == "growth" { return growth }
            if key == "service" || (parent == "service" && parameter) { return milliseconds(atLeast: 10, "of service per request") }
            if ["patience", "timeout", "base", "cap"].contains(key) || (parent == "patience" && parameter) {
                return milliseconds(atLeast: 1000, "")
            }
            if ["request_size", "response_size", "size"].contains(key)
                || (["request_size", "response_size", "size"].contains(parent) && parameter) { return bytes(below: 100, "4KB") }
        case "storage":
            if key == "growth" { return growth }
            if key == "retention" { return seconds(below: 86_400, suffixes: ["y", "d"], "years or days") }
            if key == "size" { return bytes(below: 100, "600KB") }
            if ["installed", "max_capacity"].contains(key) || (parent == "unit" && key == "step") { return bytes(below: 1e9, "100TB") }
        case "targets":
            if key == "max_lost" { return maxLost }
            if ["mean", "p50", "p95", "p99"].contains(key) { return milliseconds(atLeast: 60, "") }
        case "simulation":
            if key == "duration" || key == "warmup" { return seconds(below: 60, suffixes: ["m", "h"], "minutes or hours") }
            if key == "start" { return start }
        case "pools":
            if key == "mtbf" { return seconds(below: 604_800, suffixes: ["h"], "hours") }
            if key == "mttr" { return seconds(below: 60, suffixes: ["h"], "hours") }
            if key == "patience" || (parent == "patience" && parameter) { return milliseconds(atLeast: 1000, "") }
            if key == "power" { return watts }
        case "links":
            if key == "latency" { return milliseconds(atLeast: 1, "one way") }
            if ["bandwidth", "max_bandwidth"].contains(key) || (parent == "unit" && key == "step") { return bitsPerSecond }
        case "facilities":
            if key == "power_per_server" { return watts }
        default:
            break
        }
        return nil
    }

    // MARK: - Rules

    static func growth(_ x: Double, _ text: String, _ path: String) -> String? {
        guard x > 1 else { return nil }
        return "\(path): \(text) is a growth of +\(percent(x)) a year (a bare number is a fraction per year: 0.25 = +25%); "
            + "write \(text)% if you mean +\(text)% a year"
    }

    static func maxLost(_ x: Double, _ text: String, _ path: String) -> String? {
        guard x > 0.05 else { return nil }
        return "\(path): \(text) lets \(percent(x)) of requests be lost (a bare number is a fraction); write \(text)% if you mean \(text) percent"
    }

    static func start(_ x: Double, _ text: String, _ path: String) -> String? {
        guard x > 0, x < 168 else { return nil }
        return "\(path): \(text) is \(text) seconds after Monday 00:00 (a bare duration is in seconds); write \(text)h for \(text) hours after Monday 00:00"
    }

    static func watts(_ x: Double, _ text: String, _ path: String) -> String? {
        guard x > 0, x < 10 else { return nil }
        return "\(path): \(text) is \(text) W per server (a bare power is in watts); write \(text)kW for kilowatts"
    }

    static func bitsPerSecond(_ x: Double, _ text: String, _ path: String) -> String? {
        guard x < 1e6 else { return nil }
        return "\(path): \(text) is \(text) bit/s (a bare bandwidth is in bit/s); write \(text)Mbps or \(text)Gbps"
    }

    /// Bare seconds below `limit`, probably meant in one of the units `suffixes` (named `meant`).
    static func seconds(below limit: Double, suffixes: [String], _ meant: String) -> Rule {
        { x, text, path in
            guard x < limit else { return nil }
            let options = suffixes.map { text + $0 }.joined(separator: " or ")
            return "\(path): \(text) is \(text) seconds (a bare duration is in seconds); write \(options) if you mean \(meant)"
        }
    }

    /// Bare seconds of `limit` or more, probably meant in milliseconds.
    static func milliseconds(atLeast limit: Double, _ what: String) -> Rule {
        { x, text, path in
            guard x >= limit else { return nil }
            let about = what.isEmpty ? "" : " \(what)"
            return "\(path): \(text) is \(text) seconds\(about) (a bare duration is in seconds); write \(text)ms if you mean milliseconds"
        }
    }

    /// Bare bytes below `limit`, probably meant with a unit.
    static func bytes(below limit: Double, _ example: String) -> Rule {
        { x, text, path in
            guard x > 0, x < limit else { return nil }
            return "\(path): \(text) is \(text) bytes (a bare size is in bytes); write it with a unit, like \(example)"
        }
    }

    /// A fraction as a percentage with thousands separators: 25 -> "2,500%", 0.1 -> "10%".
    static func percent(_ x: Double) -> String {
        let p = x * 100
        guard p == p.rounded(), abs(p) < 1e15 else { return String(format: "%.4g%%", p) }
        let digits = String(Int64(abs(p)))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return (p < 0 ? "-" : "") + grouped + "%"
    }
}
