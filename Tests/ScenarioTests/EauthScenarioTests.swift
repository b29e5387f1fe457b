import Foundation
import InfraModel
import Scenario
import Testing

/// A valid scenario with every e-authentication feature: branch, fork, limit, delay, client, limiter, events.
let eauthScenario = """
name: eauth
simulation: {duration: 10m, warmup: 1m}
agencies: [{id: a}, {id: telco}]
sites:
  - {id: s1, agency: a}
  - {id: s2, agency: a}
pools:
  - {id: gw, site: s1, servers: 4}
  - {id: cache, site: s1, servers: 2}
  - {id: db, site: s1, servers: 4}
  - {id: far, site: s2, servers: 2}
links:
  - {id: l1, from: s1, to: s2, bandwidth: 100Mbps, latency: 5ms}
limiters:
  - id: sms
    site: s1
    rate: 200/s
    burst: 400
    excess: queue
    queue: {capacity: 1000}
    patience: 30s
    owner: telco
    unit: {step: 100/s, cost_per_year: 120000000}
    max_rate: 2000/s
workloads:
  - id: login
    arrivals: {rate: 10/s}
    client: {timeout: 10s, retry: {attempts: 3, backoff: {base: 1s, cap: 20s, jitter: full}, budget: {ratio: 10%}}}
    route:
      - {pool: gw, service: 20ms}
      - branch:
          - p: 0.85
            route: [{pool: cache, service: 2ms}]
          - p: 0.15
            route: [{pool: db, service: 80ms}]
      - branch:
          - {p: 0.3, route: [{limit: sms}, {delay: {dist: lognormal, mean: 6s, cv: 1.5}}]}
          - {p: 70%, route: []}
      - fork:
          - [{pool: db, service: 30ms}]
          - [{link: l1}, {pool: far, service: 30ms}, {link: l1}]
events:
  - {name: spike, at: 2m, for: 30s, workload: login, rate_factor: 1.875}
  - {at: 3m, for: 10s, pool: db, servers_down: 2}
targets:
  - {workload: login, p95: 20s}
  - {limiter: sms, p95: 5s, max_lost: 1%, max_utilization: 80%}
"""

@Suite struct EauthScenarioTests {
    @Test func everyFeatureParsesIntoTheModel() throws {
        let s = try parse(eauthScenario)
        let login = try #require(s.workload("login")).configuration
        #expect(login.route.count == 4)
        guard case .branch(let cache) = login.route[1], case .branch(let otp) = login.route[2], case .fork(let fork) = login.route[3]
        else { Issue.record("expected branch, branch, fork: \(login.route)"); return }
        #expect(cache.map(\.probability) == [0.85, 0.15])
        #expect(otp[1].probability == 0.7 && otp[1].route.isEmpty)
        #expect(otp[0].route.first == .limit(id: "sms"))
        #expect(fork.count == 2 && fork[1].count == 3)
        let client = try #require(login.client)
        #expect(client.timeout == 10 && client.attempts == 3 && client.budgetRatio == 0.1)
        #expect(client.backoff == Backoff(base: 1, cap: 20, jitter: .full))
        let sms = try #require(s.limiter("sms"))
        #expect(sms.configuration.rate == 200 && sms.configuration.burst == 400 && sms.configuration.excess == .queue)
        #expect(sms.configuration.queueCapacity == 1000 && sms.owner == "telco")
        #expect(sms.resource.id == .limiter("sms") && sms.resource.step == 100 && sms.resource.maximum == 2000)
        #expect(sms.resource.purchase == PurchaseUnit(kind: .rate, cost: 120_000_000, opexPerYear: 120_000_000))
        #expect(s.events == [
            ScheduledEvent(name: "spike", at: 120, duration: 30, change: .rateFactor(workload: "login", factor: 1.875)),
            ScheduledEvent(name: "event 2", at: 180, duration: 10, change: .serversDown(pool: "db", count: 2)),
        ])
        #expect(s.targets.contains(Target(subject: .limiter("sms"), metric: .maxUtilization, limit: 0.8)))
        #expect(s.resources.map(\.id).contains(.limiter("sms")))
        _ = try CompiledModel(s.model(year: 2025))
    }

    @Test func alternativeThatDoesNotReturnIsLocatedAtTheAlternative() {
        let yaml = variant("route: [{pool: db, service: 80ms}]", "route: [{link: l1}, {pool: far, service: 80ms}]", in: eauthScenario)
        expectError(yaml, at: "p: 0.15",
                    "alternative 2 of step 2 of the route of workload 'login' ends at site 's2', but the branch began at site 's1'")
    }

    @Test func forkBranchThatDoesNotReturnIsLocatedAtTheBranch() {
        let yaml = variant("{pool: far, service: 30ms}, {link: l1}]", "{pool: far, service: 30ms}]", in: eauthScenario)
        expectError(yaml, at: "[{link: l1}, {pool: far", "fork branch 2 of step 4 of the route of workload 'login' ends at site 's2', but the fork began at site 's1'")
    }

    @Test func nestedStepAwayFromTheRequestIsLocatedAtTheStep() {
        let yaml = variant("route: [{pool: db, service: 80ms}]", "route: [{pool: far, service: 80ms}]", in: eauthScenario)
        expectError(yaml, at: "{pool: far, service: 80ms}",
                    "step 1 of alternative 2 of step 2 of the route of workload 'login' uses pool 'far' at site 's2', but the request is at site 's1'")
    }

    @Test func probabilitiesMustSumToOne() {
        let yaml = variant("- p: 0.15", "- p: 0.1", in: eauthScenario)
        expectError(yaml, at: "- p: 0.85", "the probabilities of the branch in step 2 of the route of workload 'login' sum to 0.95 (0.85 + 0.1); expected them to sum to 1")
    }

    @Test func limiterAtAnotherSiteIsAnError() {
        let yaml = variant("    site: s1\n    rate: 200/s", "    site: s2\n    rate: 200/s", in: eauthScenario)
        expectError(yaml, at: "{limit: sms}", "uses limiter 'sms' at site 's2', but the request is at site 's1'")
    }

    @Test func undefinedLimiterIsAnError() {
        let yaml = variant("{limit: sms}", "{limit: smss}", in: eauthScenario)
        expectError(yaml, at: "smss", "limiter 'smss' is not defined")
        expectError(yaml, at: "smss", "did you mean 'sms'?")
    }

    @Test func emptyForkBranchIsAnError() {
        let yaml = variant("- [{pool: db, service: 30ms}]", "- []", in: eauthScenario)
        expectError(yaml, at: "[]", occurrence: 2, "fork branch 1 of step 4 of the route of workload 'login' is empty")
    }

    @Test func stepWithTwoKindsIsAnError() {
        let yaml = variant("{pool: gw, service: 20ms}", "{pool: gw, service: 20ms, limit: sms}", in: eauthScenario)
        expectError(yaml, at: "{pool: gw, service: 20ms, limit", "names 'pool' and 'limit'; expected exactly one of")
    }

    @Test func eventTimesHaveSecondResolution() {
        let yaml = variant("at: 2m, for: 30s", "at: 2m, for: 1500ms", in: eauthScenario)
        expectError(yaml, at: "1500ms", "events have second resolution")
    }

    @Test func eventMustBeASpikeOrACapacityLoss() {
        let yaml = variant("pool: db, servers_down: 2", "pool: db, rate_factor: 2", in: eauthScenario)
        expectError(yaml, at: "{at: 3m", "must be either a load spike {workload: ID, rate_factor: X} or a capacity loss")
    }

    @Test func eventAfterTheRunIsAnError() {
        let yaml = variant("{at: 3m, for: 10s", "{at: 11m, for: 10s", in: eauthScenario)
        expectError(yaml, at: "11m", "starts at 660 s, after the run ends")
    }

    @Test func clientNeedsATimeoutOrARetry() {
        let old = "{timeout: 10s, retry: {attempts: 3, backoff: {base: 1s, cap: 20s, jitter: full}, budget: {ratio: 10%}}}"
        let yaml = variant(old, "{description: nothing}", in: eauthScenario)
        expectError(yaml, at: "{description: nothing}", "has neither 'timeout' nor 'retry'")
    }

    @Test func backoffCapBelowBaseIsAnError() {
        let yaml = variant("base: 1s, cap: 20s", "base: 30s, cap: 20s", in: eauthScenario)
        expectError(yaml, at: "20s, jitter", "'cap' in backoff of retry of client of workload 'login' is below 'base'")
    }

    @Test func unknownJitterIsAnError() {
        let yaml = variant("jitter: full", "jitter: decorrelated", in: eauthScenario)
        expectError(yaml, at: "decorrelated", "unknown jitter 'decorrelated' in backoff of retry of client of workload 'login'; expected one of: none, full, equal")
    }

    @Test func queueOnARejectingLimiterIsAnError() {
        let yaml = variant("    excess: queue\n", "    excess: reject\n", in: eauthScenario)
        expectError(yaml, at: "{capacity: 1000}", "'queue' in limiter 'sms' applies only to excess: queue")
        expectError(yaml, at: "patience: 30s", "'patience' in limiter 'sms' applies only to excess: queue")
    }

    @Test func burstBelowOneTokenIsAnError() {
        let yaml = variant("burst: 400", "burst: 0.5", in: eauthScenario)
        expectError(yaml, at: "0.5", "'burst' in limiter 'sms' must be a number of tokens >= 1")
    }

    @Test func limiterTargetMetricsApply() {
        let yaml = variant("max_lost: 1%,", "max_lost: 1%, p99: 2s,", in: eauthScenario)
        #expect(diagnostics(yaml).isEmpty)
    }

    @Test func originIsFoundInsideABranch() throws {
        let yaml = variant("      - {pool: gw, service: 20ms}\n", "", in: eauthScenario)
        let s = try parse(yaml)
        #expect(s.workload("login")?.configuration.origin == "s1")
    }
}
