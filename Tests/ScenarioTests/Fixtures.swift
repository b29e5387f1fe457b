import Foundation
import Scenario
import Testing

/// A complete scenario using every section and most keys.
let fullScenario = """
name: mmc-example                 # required
description: free text
currency: VND
seed: 42
simulation:
  duration: 2h
  warmup: 10m
  replications: 5
  start: 19h
horizon: {base_year: 2025, to: 2030}
agencies:
  - {id: mps, name: Ministry of Public Security}
  - {id: mic, name: Ministry of Information and Communications}
sites:
  - {id: national-dc, agency: mps, region: hanoi}
  - {id: hcm-dc, agency: mps, region: hcm}
pools:
  # Authentication front end
  - id: auth
    site: national-dc
    servers: 8                    # installed servers now
    concurrency: 2
    queue: {capacity: unlimited, discipline: fifo}
    patience: 5s
    failures: {mtbf: 2000h, mttr: 4h}
    unit: {name: "2-socket # server", cost: 350000000, opex_per_year: 30000000}
    max_servers: 200
    redundancy: n+1
  - id: popdb
    site: hcm-dc
    servers: 4
    queue: {capacity: 100, discipline: priority}
    patience: {dist: exponential, mean: 30s}
links:
  - id: hn-hcm
    from: national-dc
    to: hcm-dc
    bandwidth: 1Gbps
    latency: 12ms
    sharing: fifo
    owner: mic
    unit: {step: 100Mbps, cost_per_year: 60000000}
    max_bandwidth: 10Gbps
workloads:
  - id: vneid-login
    agency: mps
    origin: national-dc
    arrivals:
      rate: 3.6M/d
      profile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]
      weekly: [1, 1, 1, 1, 1, 0.5, 1.5]
      peaks:
        - {name: tet, day: 2, hours: [19, 22], multiplier: 3}
      growth: 25%
    priority: 1
    request_size: 4KiB
    response_size: {dist: lognormal, mean: 200KB, cv: 2}
    route:
      - pool: auth
        service: {dist: exponential, mean: 250ms}
      - link: hn-hcm
      - pool: popdb
        service: {dist: lognormal, mean: 20ms, cv: 0.8}
      - link: hn-hcm
        size: 16KB
  - id: batch
    arrivals: {rate: 120/min}
    route:
      - pool: popdb
        service: 50ms
targets:
  - {workload: vneid-login, p95: 2s, max_lost: 0.5%}
  - {pool: auth, max_utilization: 70%}
  - {link: hn-hcm, max_utilization: 0.6, p99: 100ms}
"""

/// A small valid scenario that error tests modify: web at s1, db at s2, link l1 between them.
let baseScenario = """
name: t
simulation: {duration: 1h}
agencies: [{id: a}]
sites:
  - {id: s1, agency: a}
  - {id: s2, agency: a}
  - {id: s3, agency: a}
pools:
  - id: web
    site: s1
    servers: 2
  - id: db
    site: s2
    servers: 1
links:
  - {id: l1, from: s1, to: s2, bandwidth: 100Mbps, latency: 5ms}
  - {id: l2, from: s2, to: s3, bandwidth: 100Mbps}
workloads:
  - id: w
    arrivals: {rate: 10/s}
    route:
      - {pool: web, service: 10ms}
      - {link: l1}
      - {pool: db, service: {dist: exponential, mean: 5ms}}
targets:
  - {workload: w, p95: 1s}
"""

/// `baseScenario` with `old` replaced by `new` (which must occur exactly once).
func variant(_ old: String, _ new: String, in yaml: String = baseScenario) -> String {
    precondition(yaml.components(separatedBy: old).count == 2, "fixture text '\(old)' must occur exactly once")
    return yaml.replacingOccurrences(of: old, with: new)
}

func parse(_ yaml: String, baseDirectory: String = "/tmp") throws -> Scenario {
    try ScenarioLoader.parse(yaml: yaml, path: "test.yaml", baseDirectory: baseDirectory)
}

/// The diagnostics of an invalid scenario (empty if it parsed).
func diagnostics(_ yaml: String, baseDirectory: String = "/tmp") -> [Diagnostic] {
    do {
        _ = try parse(yaml, baseDirectory: baseDirectory)
        return []
    } catch let error as ScenarioError {
        return error.diagnostics
    } catch {
        return []
    }
}

/// 1-based line and column of occurrence `occurrence` (from 1) of `marker` in `yaml`.
func position(of marker: String, in yaml: String, occurrence: Int = 1) -> (line: Int, column: Int) {
    let lines = yaml.components(separatedBy: "\n")
    var seen = 0
    for (index, line) in lines.enumerated() {
        if let range = line.range(of: marker) {
            seen += 1
            if seen == occurrence {
                return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
    }
    Issue.record("marker '\(marker)' not in fixture")
    return (0, 0)
}

/// Expects a diagnostic `test.yaml:LINE:COLUMN: error: ...PHRASE...` where LINE:COLUMN is where `marker` starts.
func expectError(_ yaml: String, at marker: String, occurrence: Int = 1, _ phrase: String,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (line, column) = position(of: marker, in: yaml, occurrence: occurrence)
    let prefix = "test.yaml:\(line):\(column): error: "
    let found = diagnostics(yaml).map(\.description)
    #expect(found.contains { $0.hasPrefix(prefix) && $0.contains(phrase) },
            "expected '\(prefix)…\(phrase)…' among \(found)", sourceLocation: sourceLocation)
}
