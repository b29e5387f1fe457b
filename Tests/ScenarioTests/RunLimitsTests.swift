import Foundation
import InfraModel
import Scenario
import Testing

/// The message of the first located problem, with its location.
private func guardProblem(_ body: () throws -> Void) -> Diagnostic? {
    do {
        try body()
        return nil
    } catch let error as ScenarioError {
        return error.diagnostics.first
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

private func sizes(_ yaml: String, limits: RunLimits = .standard) throws -> Diagnostic? {
    let s = try parse(yaml)
    return guardProblem { try RunGuard.checkSizes(s, simulation: s.simulation, sources: .init(), limits: limits) }
}

private func events(_ yaml: String, limits: RunLimits = .standard) throws -> Diagnostic? {
    let s = try parse(yaml)
    let estimate = WorkEstimate(s, year: s.horizon.baseYear, simulation: s.simulation)
    return guardProblem { try RunGuard.checkEvents(s, estimate: estimate, sources: .init(), limits: limits) }
}

@Suite("work and size limits")
struct RunLimitsTests {
    @Test func aPoolOfATrillionChannelsIsRefusedAtItsServers() throws {
        let yaml = variant("    servers: 2\n", "    servers: 1000000000\n    concurrency: 1000\n")
        let problem = try sizes(yaml)
        let (line, column) = position(of: "1000000000", in: yaml)
        #expect(problem.map { ($0.line, $0.column) } ?? (0, 0) == (line, column))
        #expect(problem?.message.contains("1000000000 servers × concurrency 1000 = 1.0 trillion channels; expected at most 1.0 million per pool") == true)
    }

    @Test func maxServersThatWouldLetSizingExceedTheChannelLimitIsRefused() throws {
        let yaml = variant("    servers: 2\n", "    servers: 2\n    concurrency: 100\n    max_servers: 20000\n")
        let problem = try sizes(yaml)
        #expect(problem?.line == position(of: "20000", in: yaml).line)
        #expect(problem?.message.contains("max_servers 20000 of pool 'web' lets sizing reach 2.0 million channels") == true)
    }

    @Test func aBillionReplicationsAreRefusedAtTheReplications() throws {
        let yaml = variant("simulation: {duration: 1h}", "simulation: {duration: 1h, replications: 1000000000}")
        let problem = try sizes(yaml)
        #expect(problem.map { ($0.line, $0.column) } ?? (0, 0) == position(of: "1000000000", in: yaml))
        #expect(problem?.message.contains("1000000000 replications is more than the 10000") == true)
    }

    @Test func replicationsWhoseHistogramsExceedTwoGiBAreRefused() throws {
        // 9 histograms per replication (2 pools × 2, 2 links × 2 directions, 1 workload): 9,000 replications hold
        // 81,000, more than 50,000.
        let yaml = variant("simulation: {duration: 1h}", "simulation: {duration: 1h, replications: 9000}")
        let s = try parse(yaml)
        let perReplication = 2 * s.pools.count + 2 * s.links.count + s.workloads.count
        let problem = try sizes(yaml)
        #expect(perReplication * 9000 > 50_000)
        #expect(problem?.message.contains("9000 replications × \(perReplication) latency histograms") == true)
    }

    @Test func aDurationOf1e300sIsRefusedAtTheDurationWithTheEstimate() throws {
        let yaml = variant("simulation: {duration: 1h}", "simulation: {duration: 1e300s}")
        let problem = try events(yaml)
        #expect(problem.map { ($0.line, $0.column) } ?? (0, 0) == position(of: "1e300s", in: yaml))
        // 10 replications (the default) × 10/s × 1e300 s × 5 events per request (arrival, web, two on l1, db).
        #expect(problem?.message.contains("is estimated at 5.0e+302 events") == true)
        #expect(problem?.message.contains("--allow-long") == true)
    }

    @Test func allowLongLiftsTheWorkLimitButNotTheAbsurdOne() throws {
        // 10/s × 100 days × 10 replications × 5 events = 4.3e9 events: over 1e9, under 1e13.
        let long = variant("simulation: {duration: 1h}", "simulation: {duration: 100d}")
        #expect(try events(long) != nil)
        #expect(try events(long, limits: RunLimits.standard.allowingLong(true)) == nil)
        // 10^9/s × 1 day × 10 replications × 5 events = 4.3e15 events: over 1e13.
        let absurd = variant("simulation: {duration: 1h}", "simulation: {duration: 1d}")
            .replacingOccurrences(of: "rate: 10/s", with: "rate: 1000M/s")
        let problem = try events(absurd, limits: RunLimits.standard.allowingLong(true))
        #expect(problem?.message.contains("even with --allow-long") == true)
    }

    @Test func aZeroRateOverAnAbsurdClockIsStillRefused() throws {
        let yaml = variant("simulation: {duration: 1h}", "simulation: {duration: 1e300s}")
            .replacingOccurrences(of: "rate: 10/s", with: "rate: 0")
        let problem = try events(yaml)
        #expect(problem?.message.contains("of simulated time; expected at most 31.7 years") == true)
    }

    @Test func anOptionThatExceedsALimitIsASettingErrorNotAFileError() throws {
        let s = try parse(baseScenario)
        var settings = s.simulation
        settings.replications = 100_000
        #expect(throws: SettingLimitError.self) {
            try RunGuard.checkSizes(s, simulation: settings, sources: .init(replications: "--replications 100000"),
                                    limits: .standard)
        }
    }

    @Test func aRouteLongerThanTheLimitIsRefusedAtTheRoute() throws {
        let s = try parse(baseScenario)
        let problem = guardProblem {
            try RunGuard.checkSizes(s, simulation: s.simulation, sources: .init(), limits: RunLimits(maxRouteSteps: 2))
        }
        #expect(problem?.message.contains("the route of workload 'w' has 3 steps; expected at most 2") == true)
        // At the route's list, which starts on the line after 'route:'.
        #expect(problem?.line == position(of: "- {pool: web, service: 10ms}", in: baseScenario).line)
    }
}

@Suite("work estimate")
struct WorkEstimateTests {
    @Test func aFlatRateGivesRateTimesLength() {
        let p = ArrivalPattern(rate: 10)
        #expect(WorkEstimate.expectedArrivals(p, start: 0, length: 3600) == 36_000)
    }

    @Test func theHourlyProfileIsIntegratedOverTheWindow() {
        // Hour 19 has multiplier 2 and the rest 1 (then normalised: mean (23 + 2) / 24); 19:00-20:30 covers one hour
        // at 2 and half an hour at 1 (both divided by the mean).
        var hourly = Array(repeating: 1.0, count: 24)
        hourly[19] = 2
        let mean = 25.0 / 24
        let p = ArrivalPattern(rate: 1, hourly: hourly.map { $0 / mean })
        let expected = (3600 * 2 + 1800 * 1) / mean
        #expect(abs(WorkEstimate.expectedArrivals(p, start: 19 * 3600, length: 5400) - expected) < 1e-6)
    }

    @Test func aPeakMultipliesTheRateOverItsHoursOnly() {
        let p = ArrivalPattern(rate: 1, peaks: [Peak(name: "deadline", day: 1, fromHour: 1, toHour: 2, multiplier: 5)])
        // 0:00-3:00: 2 h at 1 and 1 h at 5.
        #expect(WorkEstimate.expectedArrivals(p, start: 0, length: 3 * 3600) == 7 * 3600)
    }

    @Test func longRunsCountWholeWeeksAtTheMeanRateAndAddPeaks() {
        var weekly = [2.0, 1, 1, 1, 1, 1, 0]
        let mean = weekly.reduce(0, +) / 7
        weekly = weekly.map { $0 / mean }
        let p = ArrivalPattern(rate: 1, weekly: weekly, peaks: [Peak(name: "x", day: 3, fromHour: 0, toHour: 24, multiplier: 3)])
        // Four weeks: 4 × 604,800 at mean 1, plus day 3 (a Wednesday, weekly factor 1/mean) counted twice more.
        let expected = 4 * 604_800 + 2 * 86_400 / mean
        #expect(abs(WorkEstimate.expectedArrivals(p, start: 0, length: 4 * 604_800) - expected) < 1e-6)
    }

    @Test func aRequestCountsItsArrivalAndItsStepsEvents() {
        let route: [RouteStep] = [.pool(id: "a", service: .deterministic(value: 1)), .link(id: "l", size: nil),
                                  .pool(id: "b", service: .deterministic(value: 1))]
        // arrival + a (with patience: service end and abandonment timer) + link (transmission, delivery) + b
        #expect(WorkEstimate.eventsPerRequest(route, patience: ["a"]) == 1 + 2 + 2 + 1)
        #expect(WorkEstimate.shape(of: route) == WorkEstimate.RouteShape(steps: 3, depth: 1))
    }

    @Test func nestedStepsCountTheirExpectedEventsAndDepth() {
        let inner: [RouteStep] = [.pool(id: "b", service: .deterministic(value: 1))]
        let route: [RouteStep] = [.branch([RouteAlternative(probability: 0.25, route: inner), RouteAlternative(probability: 0.75, route: [])]),
                                  .fork([inner, inner + inner]), .limit(id: "l"), .delay(.deterministic(value: 1))]
        // arrival + branch 0.25 × 1 + fork (join + 1 + 2) + limit + delay
        let expected: Double = 1 + 0.25 + 4 + 1 + 1
        #expect(WorkEstimate.eventsPerRequest(route, patience: []) == expected)
        // 4 top-level steps + 1 + 1 + 2 nested; nested one level deeper
        #expect(WorkEstimate.shape(of: route) == WorkEstimate.RouteShape(steps: 8, depth: 2))
    }

    @Test(arguments: ["vn-national.yaml", "vn-province.yaml", "vn-stress.yaml"])
    func theShippedScenariosStayFarUnderTheLimits(file: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let s = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
        let estimate = WorkEstimate(s, year: s.horizon.to, simulation: s.simulation)
        // At least fifteen times under the event limit of one simulation, even in the last year and counting every
        // client attempt as sent (the estimate's upper bound for workloads with retries).
        #expect(estimate.events < RunLimits.standard.maxRunEvents / 15)
        #expect(estimate.histograms < RunLimits.standard.maxHistograms / 100)
        try RunGuard.checkSizes(s, simulation: s.simulation, sources: .init(), limits: .standard)
    }
}
