import Foundation
import InfraModel
import Planning
import Reporting
import Scenario
import Testing

/// A small scenario with a client, a limiter and an event: one year, short runs.
let eauthReportYAML = """
name: eauth-report
seed: 11
simulation: {duration: 4m, warmup: 30s, replications: 3}
horizon: {base_year: 2025, to: 2025}
agencies: [{id: ops, name: Operations Agency}, {id: telco, name: Telco}]
sites: [{id: dc, agency: ops}]
pools:
  - {id: api, site: dc, servers: 4, unit: {name: server, cost: 100, opex_per_year: 10}, max_servers: 40}
limiters:
  - {id: sms, site: dc, rate: 20/s, excess: queue, owner: telco, unit: {step: 10/s, cost_per_year: 7}, max_rate: 200/s}
workloads:
  - id: login
    arrivals: {rate: 30/s}
    client: {timeout: 5s, retry: {attempts: 3, backoff: {base: 1s, cap: 4s, jitter: equal}}}
    route:
      - {pool: api, service: {dist: exponential, mean: 50ms}}
      - branch:
          - {p: 0.5, route: [{limit: sms}, {delay: 2s}]}
          - {p: 0.5, route: []}
events:
  - {name: spike, at: 90s, for: 30s, workload: login, rate_factor: 2}
targets:
  - {workload: login, p95: 6s, max_lost: 1%}
  - {limiter: sms, p95: 2s, max_utilization: 80%}
  - {pool: api, max_utilization: 70%}
"""

@Suite struct EauthReportTests {
    static let planned = Result<(Scenario, ProcurementPlan, RunResults?), any Error> {
        let scenario = try ScenarioLoader.parse(yaml: eauthReportYAML, path: "eauth.yaml", baseDirectory: "/tmp")
        let plan = try PlanStudy.run(scenario, jobs: 2)
        return (scenario, plan, try RunStudy.eventSeries(scenario, plan: plan, jobs: 2))
    }

    @Test func reportCoversLimitersClientsAndEvents() throws {
        let (scenario, plan, series) = try Self.planned.get()
        let eventSeries = try #require(series)
        #expect(eventSeries.series != nil)
        let files = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: plan, scenario: scenario, language: .en,
                                                                          eventSeries: eventSeries))
        let limiters = records(try #require(files["limiters.csv"]))
        #expect(limiters.rows.map { $0["limiter"] } == ["sms"])
        #expect(Double(limiters.rows[0]["rate_per_s"] ?? "") ?? 0 >= 20)
        let workloads = records(try #require(files["workloads.csv"]))
        #expect(workloads.header.contains("amplification_mean") && workloads.header.contains("goodput_mean"))
        let seriesCSV = records(try #require(files["series.csv"]))
        #expect(seriesCSV.rows.contains { $0["kind"] == "workload" && $0["id"] == "login" && $0["metric"] == "attempts" })
        #expect(seriesCSV.rows.contains { $0["kind"] == "limiter" && $0["metric"] == "passed" })
        let capacity = records(try #require(files["capacity.csv"]))
        #expect(capacity.header.contains("rate_per_s") && capacity.rows.contains { $0["kind"] == "limiter" && !($0["rate_per_s"] ?? "").isEmpty })
        let html = try #require(files["index.html"])
        for needle in ["id=\"clients\"", "id=\"events\"", "<polyline", "Amplification", "limiter sms", "Recovery"] {
            #expect(html.contains(needle), "index.html lacks \(needle)")
        }
        let md = try #require(files["report.md"])
        #expect(md.contains("Retries and rate limits in 2025") && md.contains("series.csv"))
        let vi = Dictionary(uniqueKeysWithValues: ReportBundle.render(plan: plan, scenario: scenario, language: .vi, eventSeries: eventSeries))
        #expect(try #require(vi["index.html"]).contains("Thử lại và giới hạn tốc độ năm 2025"))
    }

    @Test func resultsDocumentHasTheNewWorkloadMetricsAndLimiters() throws {
        let (_, _, series) = try Self.planned.get()
        let r = try #require(series)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(ResultsDocument.json(r, year: 2025).rendered().utf8)) as? [String: Any])
        let login = try #require((doc["workloads"] as? [String: Any])?["login"] as? [String: Any])
        for key in ["requests", "attempts", "amplification", "succeeded", "failed", "orphaned", "goodput"] {
            #expect(login[key] != nil, "workload lacks \(key)")
        }
        let sms = try #require((doc["limiters"] as? [String: Any])?["sms"] as? [String: Any])
        for key in ["passed", "rejected_fraction", "wait", "utilization"] { #expect(sms[key] != nil, "limiter lacks \(key)") }
        let s = try #require(doc["series"] as? [String: Any])
        let w = try #require((s["workloads"] as? [String: Any])?["login"] as? [String: Any])
        let recovery = try #require(w["recovery_time"] as? [[String: Any]])
        #expect(recovery.count == 1 && recovery[0]["event"] as? String == "spike")
    }
}

@Suite struct ClientRegressionCheckTests {
    static func doc(attempts: Double = 100, amplification: Double = 1.2, succeeded: Double = 90, failed: Double = 10,
                    orphaned: Double = 5, goodput: Double = 9, passed: Double = 20, rejected: Double = 0.01) -> [String: Any] {
        func stat(_ x: Double) -> [String: Any] { ["mean": x, "ci95": 0.0] }
        return ["workloads": ["w": ["attempts": stat(attempts), "amplification": stat(amplification), "succeeded": stat(succeeded),
                                    "failed": stat(failed), "orphaned": stat(orphaned), "goodput": stat(goodput)]],
                "limiters": ["sms": ["passed": stat(passed), "rejected_fraction": stat(rejected)]],
                "targets": [Any]()]
    }

    /// A JSON object as the order-keeping `JSONValue` the check reads.
    static func json(_ object: [String: Any]) -> JSONValue {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try! JSONValue.parse(String(decoding: data, as: UTF8.self))
    }

    static func verdict(_ current: [String: Any], _ metric: String) -> Bool? {
        RegressionCheck.compare(baseline: json(doc()), current: json(current)).changes.first { $0.metric == metric }?.regressed
    }

    @Test func moreAttemptsAmplificationFailuresOrOrphansRegress() {
        #expect(Self.verdict(Self.doc(attempts: 120), "workloads.w.attempts.mean") == true)
        #expect(Self.verdict(Self.doc(amplification: 1.5), "workloads.w.amplification.mean") == true)
        #expect(Self.verdict(Self.doc(failed: 20), "workloads.w.failed.mean") == true)
        #expect(Self.verdict(Self.doc(orphaned: 9), "workloads.w.orphaned.mean") == true)
        #expect(Self.verdict(Self.doc(rejected: 0.05), "limiters.sms.rejected_fraction.mean") == true)
    }

    @Test func lessGoodputSuccessesOrPassedRegress() {
        #expect(Self.verdict(Self.doc(goodput: 7), "workloads.w.goodput.mean") == true)
        #expect(Self.verdict(Self.doc(succeeded: 80), "workloads.w.succeeded.mean") == true)
        #expect(Self.verdict(Self.doc(passed: 15), "limiters.sms.passed.mean") == true)
    }

    @Test func moreGoodputAndFewerAttemptsAreImprovements() {
        #expect(Self.verdict(Self.doc(goodput: 11), "workloads.w.goodput.mean") == false)
        #expect(Self.verdict(Self.doc(attempts: 90), "workloads.w.attempts.mean") == false)
        #expect(Self.verdict(Self.doc(succeeded: 95), "workloads.w.succeeded.mean") == false)
    }
}
