import Foundation
import Planning
import Reporting
import Scenario

/// A tiny scenario: one pool owned by agency `ops`, one link leased by agency `net`, two years with growth so
/// that both agencies buy in both years. Short runs keep the plan to a few seconds.
let reportScenarioYAML = """
name: report-fixture
description: Two agencies, one pool & one link <test> "quoted"
currency: VND
seed: 7
simulation:
  duration: 5m                    # A: short runs are enough for a test
  warmup: 30s
  replications: 3
horizon: {base_year: 2025, to: 2026}
agencies:
  - {id: ops, name: Operations Agency}
  - {id: net, name: Network Agency}
sites:
  - {id: dc1, agency: ops, region: hanoi}
  - {id: dc2, agency: net, region: hcm}
pools:
  - id: web
    site: dc1
    servers: 2                    # installed servers now (inventory 2025)
    unit: {name: "1U server, 2 sockets", cost: 350000000, opex_per_year: 30000000}
    max_servers: 60
links:
  - id: wan
    from: dc1
    to: dc2
    bandwidth: 5Mbps
    latency: 5ms
    owner: net
    unit: {step: 5Mbps, cost_per_year: 60000000}   # price list, see https://example.org/prices
workloads:
  - id: portal
    agency: ops
    arrivals:
      rate: 40/s                  # assumed peak-hour rate
      growth: 50%
    request_size: 20KB
    route:
      - pool: web
        service: {dist: exponential, mean: 100ms}
      - link: wan
targets:
  - {workload: portal, p95: 2s}
  - {pool: web, max_utilization: 80%}
  - {link: wan, max_utilization: 60%}
"""

struct ReportFixture: Sendable {
    var scenario: Scenario
    var plan: ProcurementPlan
}

/// Planned once and shared by every test (a global is initialised once, thread-safely).
let reportFixture = Result<ReportFixture, any Error> {
    let scenario = try ScenarioLoader.parse(yaml: reportScenarioYAML, path: "fixture.yaml", baseDirectory: "/tmp")
    let plan = try PlanStudy.run(scenario, jobs: 2)
    return ReportFixture(scenario: scenario, plan: plan)
}

/// A fresh folder under the temporary directory.
func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "capsim-report-tests-\(name)-\(UUID().uuidString)"
    return path
}

func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// A small RFC 4180 parser: quoted fields with doubled quotes, CRLF or LF line ends; a leading UTF-8 byte order
/// mark is skipped, as spreadsheet programs and Python's `utf-8-sig` do.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    var i = 0
    if let last = chars.last, last != "\n", last != "\r\n" { chars.append("\n") }
    while i < chars.count {
        let ch = chars[i]
        if quoted {
            if ch == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else {
                field.append(ch)
            }
        } else {
            switch ch {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n":
                row.append(field); field = ""
                rows.append(row); row = []
            case "\r": break
            default: field.append(ch)
            }
        }
        i += 1
    }
    return rows
}

/// Rows of a CSV as dictionaries keyed by the header.
func records(_ text: String) -> (header: [String], rows: [[String: String]]) {
    let all = parseCSV(text)
    guard let header = all.first else { return ([], []) }
    return (header, all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) })
}
