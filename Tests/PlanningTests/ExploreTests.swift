import Foundation
import InfraModel
import Planning
import Scenario
import SimKernel
import Testing

/// One pool (exponential service 1 s, 10/s growing at g), a 70% utilisation target only: every future's servers in
/// year Y are max(installed, ⌈10 (1 + g)^(Y − 2025) / 0.7⌉), the closed form, possibly one more from simulation noise.
let growthStudy = """
name: growth-study
seed: 3
simulation: {duration: 10m, warmup: 1m, replications: 2}
horizon: {base_year: 2025, to: 2028}
agencies: [{id: a, name: Agency A}]
sites: [{id: dc, agency: a}]
pools:
  - {id: p, site: dc, servers: 10, unit: {name: server, cost: 100000000, opex_per_year: 10000000}, max_servers: 200}
workloads:
  - id: w
    arrivals: {rate: 10/s, growth: 20%}
    route:
      - {pool: p, service: {dist: exponential, mean: 1s}}
targets:
  - {pool: p, max_utilization: 70%}
uncertainty:
  samples: 12
  noise_check: 2
  inputs:
    - {path: workloads.w.arrivals.growth, dist: uniform, min: 0%, max: 40%}
    - {path: pools.p.unit.cost, dist: uniform, min: 80000000, max: 120000000}

"""

enum ExploreFixture {
    static func study(_ yaml: String = growthStudy, options: ExploreStudy.Options = .init()) throws -> ExploreStudy {
        try ExploreStudy(source: ScenarioSource.parse(yaml: yaml, path: "study.yaml", baseDirectory: ""), options: options)
    }

    /// The growth study, planned once for the suite.
    static let planned: (study: ExploreStudy, results: [ExploreRunResult], analysis: ExploreAnalysis) = {
        let s = try! study()
        let results = try! s.execute(jobs: 2)
        return (s, results, ExploreAnalysis(study: s, results: results))
    }()

    static func closedFormServers(growth g: Double) -> [Double] {
        var installed = 10.0
        return (0..<4).map { t in
            installed = max(installed, (10 * pow(1 + g, Double(t)) / 0.7 - 1e-9).rounded(.up))
            return installed
        }
    }
}

@Suite("explore: uncertainty studies")
struct ExploreTests {
    @Test func everyFutureBuysTheClosedFormServerCount() {
        let (_, _, a) = ExploreFixture.planned
        #expect(a.samples.count == 12)
        for run in a.samples {
            let expected = ExploreFixture.closedFormServers(growth: run.inputs[0])
            for (got, want) in zip(run.capacity[0], expected) {
                #expect(got == want || got == want + 1, "g = \(run.inputs[0]): \(run.capacity[0]) vs \(expected)")
            }
        }
    }

    @Test func theUnitCostSwingIsServersBoughtTimesTheCostRange() throws {
        let (study, results, a) = ExploreFixture.planned
        let row = try #require(a.sensitivity.first { $0.path == "pools.p.unit.cost" })
        // Uniform 80–120 M: P10 = 84 M, P90 = 116 M. Upkeep does not depend on the price.
        #expect(abs(row.low - 84e6) < 1e-3 && abs(row.high - 116e6) < 1e-3)
        let base = try #require(results.first { $0.role == .base })
        let bought = base.capacity[0].last! - study.scenario.pool("p")!.resource.installed
        #expect(abs(try #require(row.swing) - bought * (116e6 - 84e6)) < 1)
        // Growth moves the budget far more than price here, and ranks with it.
        #expect(a.sensitivity.first?.path == "workloads.w.arrivals.growth")
        #expect((a.sensitivity.first?.spearman ?? 0) > 0.9)
    }

    @Test func theRobustPlanCoversTheQuantileOfFuturesAndNeverShrinks() {
        let (_, _, a) = ExploreFixture.planned
        let robust = a.robust.capacity[0].values
        #expect(robust == robust.sorted())
        // Each year, at least 90% of the futures need no more than the robust capacity.
        for y in robust.indices {
            let covered = a.samples.filter { $0.capacity[0][y] <= robust[y] }.count
            #expect(Double(covered) >= 0.9 * Double(a.samples.count))
        }
        #expect(a.robust.jointAdequacy >= 0.9 - 1e-12)
        #expect(a.robust.feasible)
        let items = a.robust.agencies.flatMap(\.items)
        #expect(items.reduce(0) { $0 + $1.quantity } == Int(robust.last! - 10))
    }

    @Test func purchaseProbabilityIsTheShareOfFuturesBuyingThatYear() {
        let (_, _, a) = ExploreFixture.planned
        // Every future needs more than the 10 installed servers in 2025 (10/s at 70% needs 15).
        #expect(a.purchaseProbability[0][0] == 1)
        let bought2026 = a.samples.filter { $0.capacity[0][1] > $0.capacity[0][0] }.count
        #expect(a.purchaseProbability[0][1] == Double(bought2026) / 12)
    }

    @Test func resultsDoNotDependOnTheNumberOfThreads() throws {
        let s = try ExploreFixture.study()
        let one = try s.execute(jobs: 1)
        #expect(one == ExploreFixture.planned.results)
    }

    @Test func theNoiseCheckReplansSamplesWithAnotherSeed() throws {
        let (study, results, a) = ExploreFixture.planned
        let noise = try #require(a.noise)
        #expect(noise.runs == 2)
        #expect(noise.sd >= 0 && noise.share < 0.05, "utilisation-bound sizing is nearly noise-free: share \(noise.share)")
        #expect(results.filter { if case .noise = $0.role { return true } else { return false } }.count == 2)
        #expect(study.noiseSeed != study.scenario.seed)
    }

    @Test func percentilesInterpolateBetweenOrderStatistics() {
        let p = ExploreAnalysis.Percentiles((1...11).map(Double.init).reversed())
        #expect(p.p10 == 2 && p.p50 == 6 && p.p90 == 10 && p.mean == 6)
    }
}

@Suite("explore: sample designs")
struct ExploreDesignTests {
    func spec(_ method: UncertaintySpec.Method, inputs: Int = 2, correlations: [RankCorrelation] = []) -> UncertaintySpec {
        let input = UncertainInput(path: try! ScenarioPath(parsing: "pools.p.servers"), effect: .replace,
                                   distribution: .uniform(min: 0, max: 1), kind: .number, baseValues: [], location: nil)
        return UncertaintySpec(method: method, inputs: Array(repeating: input, count: inputs), correlations: correlations)
    }

    @Test func latinHypercubePutsExactlyOneSampleInEachStratumOfEachInput() throws {
        let d = try ExploreDesign(spec(.lhs, inputs: 3), method: .lhs, samples: 50, seed: 9)
        for k in 0..<3 {
            #expect(Set(d.values.map { Int($0[k] * 50) }) == Set(0..<50))
        }
    }

    @Test func aDesignDependsOnlyOnItsSeedAndSize() throws {
        let a = try ExploreDesign(spec(.lhs), method: .lhs, samples: 20, seed: 1)
        #expect(a == (try ExploreDesign(spec(.lhs), method: .lhs, samples: 20, seed: 1)))
        #expect(a != (try ExploreDesign(spec(.lhs), method: .lhs, samples: 20, seed: 2)))
        // Random samples depend on (seed, i) only: more samples keep the first ones.
        let r20 = try ExploreDesign(spec(.random), method: .random, samples: 20, seed: 1)
        let r40 = try ExploreDesign(spec(.random), method: .random, samples: 40, seed: 1)
        #expect(Array(r40.values.prefix(20)) == r20.values)
    }

    @Test func sobolStartsAtTheOriginShiftedAndRefusesTooManyDimensions() throws {
        let d = try ExploreDesign(spec(.sobol), method: .sobol, samples: 8, seed: 4)
        // A shifted 2^3-point Sobol' set is balanced: one point in each eighth of every axis.
        for k in 0..<2 { #expect(Set(d.values.map { Int($0[k] * 8) }) == Set(0..<8)) }
        #expect(throws: SobolSequence.Unavailable.self) { try SobolSequence(dimensions: 41) }
        #expect(SobolSequence.maximumDimensions == 40)
        let origin = try SobolSequence(dimensions: 2)
        #expect(origin.next() == [0, 0])
        #expect(origin.next() == [0.5, 0.5])
    }

    @Test func aGridIsTheFullFactorialOfTheListedValues() throws {
        var s = spec(.grid)
        s.inputs[0].distribution = .discrete(values: [1, 2, 3], p: [1 / 3, 1 / 3, 1 / 3])
        s.inputs[1].distribution = .discrete(values: [10, 20], p: [0.5, 0.5])
        let d = try ExploreDesign(s, method: .grid, samples: 999, seed: 1)
        #expect(d.values == [[1, 10], [1, 20], [2, 10], [2, 20], [3, 10], [3, 20]])
    }

    @Test func imanConoverReachesTheRankCorrelationAndKeepsTheStrata() throws {
        let plain = try ExploreDesign(spec(.lhs), method: .lhs, samples: 256, seed: 5)
        let correlated = try ExploreDesign(spec(.lhs, correlations: [RankCorrelation(a: 0, b: 1, rank: 0.6)]),
                                           method: .lhs, samples: 256, seed: 5)
        for k in 0..<2 {
            #expect(Set(correlated.values.map { Int($0[k] * 256) }) == Set(0..<256), "input \(k) lost its LHS strata")
        }
        let rho = try #require(ExploreAnalysis.spearman(correlated.values.map { $0[0] }, correlated.values.map { $0[1] }))
        let before = try #require(ExploreAnalysis.spearman(plain.values.map { $0[0] }, plain.values.map { $0[1] }))
        #expect(abs(rho - 0.6) < 0.05, "rank correlation \(rho)")
        #expect(abs(before) < 0.15)
    }
}

@Suite("explore: input distributions and statistics")
struct ExploreStatisticsTests {
    @Test func quantileFunctionsMatchTheirClosedForms() {
        #expect(InputDistribution.uniform(min: 2, max: 4).quantile(0.25) == 2.5)
        // Triangular(0, 1, 2): median 1; P10 = √(0.1·2) = 0.4472.
        #expect(abs(InputDistribution.triangular(min: 0, mode: 1, max: 2).quantile(0.5) - 1) < 1e-12)
        #expect(abs(InputDistribution.triangular(min: 0, mode: 1, max: 2).quantile(0.1) - 0.2.squareRoot()) < 1e-12)
        // Normal(10, 2): P90 = 10 + 2 × 1.2815516.
        #expect(abs(InputDistribution.normal(mean: 10, sd: 2, lower: -.infinity, upper: .infinity).quantile(0.9) - 12.563103) < 1e-5)
        // Truncated at 0: never negative.
        #expect(InputDistribution.normal(mean: 0.1, sd: 1, lower: 0, upper: .infinity).quantile(0.001) >= 0)
        // Lognormal(mean 10, cv 0.5): median = mean / √(1 + cv²).
        #expect(abs(InputDistribution.lognormal(mean: 10, cv: 0.5).quantile(0.5) - 10 / 1.25.squareRoot()) < 1e-9)
        #expect(InputDistribution.discrete(values: [1, 2, 3], p: [0.2, 0.5, 0.3]).quantile(0.69) == 2)
        #expect(InputDistribution.discrete(values: [1, 2, 3], p: [0.2, 0.5, 0.3]).sensitivityRange == (1, 3))
    }

    @Test func percentileIntervalsComeFromBinomialOrderStatistics() throws {
        // N = 256: the P90 lies between the 221st and 240th values with ≥ 95% confidence (scipy binom, same rule).
        let r = try #require(OrderStatistics.confidenceRanks(n: 256, p: 0.9))
        #expect(r.lower == 221 && r.upper == 240)
        let p50 = try #require(OrderStatistics.confidenceRanks(n: 64, p: 0.5))
        #expect(p50.lower == 24 && p50.upper == 41)
        #expect(OrderStatistics.confidenceRanks(n: 16, p: 0.9) == nil)
    }

    @Test func spearmanUsesAverageRanksForTies() throws {
        #expect(try #require(ExploreAnalysis.spearman([1, 2, 3, 4], [10, 20, 30, 40])) == 1)
        #expect(try #require(ExploreAnalysis.spearman([1, 2, 3, 4], [4, 3, 2, 1])) == -1)
        // x = (1, 2, 2, 3) has ranks (1, 2.5, 2.5, 4).
        let rho = try #require(ExploreAnalysis.spearman([1, 2, 2, 3], [1, 2, 3, 4]))
        #expect(abs(rho - 0.9486833) < 1e-6)
        #expect(ExploreAnalysis.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }
}
