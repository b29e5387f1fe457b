import Foundation
import Scenario
import Testing

@Suite("uncertainty block")
struct UncertaintyParsingTests {
    func withUncertainty(_ block: String) -> String { baseScenario + "\nuncertainty:\n" + block }

    @Test func parametersAreReadInTheUnitsOfTheValueTheyChange() throws {
        let s = try parse(withUncertainty("""
          samples: 32
          method: sobol
          quantile: 0.8
          inputs:
            - {path: workloads.w.arrivals.rate, dist: uniform, min: 8/s, max: 12/s}
            - {path: "workloads.w.route[0].service", dist: triangular, min: 5ms, mode: 10ms, max: 20ms}
            - {path: links.l1.bandwidth, values: [100Mbps, 1Gbps]}
            - {path: "pools.*.servers", factor: {dist: normal, mean: 1, sd: 0.1}}
        """))
        let u = try #require(s.uncertainty)
        #expect(u.samples == 32 && u.method == .sobol && u.quantile == 0.8)
        #expect(u.inputs[0].distribution == .uniform(min: 8, max: 12))
        #expect(u.inputs[1].distribution == .triangular(min: 0.005, mode: 0.01, max: 0.02))
        #expect(u.inputs[2].distribution == .discrete(values: [1e8, 1e9], p: [0.5, 0.5]))
        #expect(u.inputs[3].effect == .factor)
        #expect(u.inputs[3].baseValues.map(\.path.description) == ["pools.web.servers", "pools.db.servers"])
        #expect(u.inputs[3].baseValues.map(\.value) == [2, 1])
    }

    @Test func aPathThatMatchesNoValueIsLocated() {
        let yaml = withUncertainty("  inputs:\n    - {path: pools.cache.servers, dist: uniform, min: 1, max: 3}\n")
        expectError(yaml, at: "pools.cache.servers", "matches no value")
    }

    @Test func aPathThatIsNotANumberIsLocated() {
        let yaml = withUncertainty("  inputs:\n    - {path: pools.web.site, dist: uniform, min: 1, max: 3}\n")
        expectError(yaml, at: "pools.web.site", "does not name a number")
    }

    @Test func parametersOutsideTheValidRangeAreRefused() {
        let yaml = withUncertainty("  inputs:\n    - {path: workloads.w.arrivals.rate, dist: uniform, min: 12/s, max: 8/s}\n")
        expectError(yaml, at: "{path: workloads", "uniform needs min <= max")
        let negative = withUncertainty("  inputs:\n    - {path: pools.web.servers, dist: uniform, min: -2, max: 3}\n")
        expectError(negative, at: "{path: pools", "valid values")
    }

    @Test func anInputGivesExactlyOneOfDistFactorOrValues() {
        let yaml = withUncertainty("  inputs:\n    - {path: pools.web.servers, dist: uniform, min: 1, max: 3, values: [1, 2]}\n")
        expectError(yaml, at: "{path: pools", "exactly one of dist")
    }

    @Test func gridNeedsListedValues() {
        let yaml = withUncertainty("  method: grid\n  inputs:\n    - {path: pools.web.servers, dist: uniform, min: 1, max: 3}\n")
        expectError(yaml, at: "{path: pools", "method grid needs listed levels")
    }

    @Test func correlationsMustBeConsistent() {
        let yaml = withUncertainty("""
          inputs:
            - {path: pools.web.servers, dist: uniform, min: 1, max: 3}
            - {path: pools.db.servers, dist: uniform, min: 1, max: 3}
            - {path: workloads.w.arrivals.rate, dist: uniform, min: 8/s, max: 12/s}
          correlations:
            - {paths: [pools.web.servers, pools.db.servers], rank: 0.9}
            - {paths: [pools.web.servers, workloads.w.arrivals.rate], rank: 0.9}
            - {paths: [pools.db.servers, workloads.w.arrivals.rate], rank: -0.9}

        """)
        expectError(yaml, at: "- {paths: [pools.web.servers, pools.db", "not positive definite")
    }

    @Test func aCorrelationMustNameTwoInputs() {
        let yaml = withUncertainty("""
          inputs:
            - {path: pools.web.servers, dist: uniform, min: 1, max: 3}
          correlations:
            - {paths: [pools.web.servers, pools.db.servers], rank: 0.5}

        """)
        expectError(yaml, at: "[pools.web.servers, pools.db", "not an uncertainty input")
    }

    @Test func anInputListedTwiceIsRefused() {
        let yaml = withUncertainty("""
          inputs:
            - {path: pools.web.servers, dist: uniform, min: 1, max: 3}
            - {path: pools.web.servers, dist: uniform, min: 1, max: 4}

        """)
        expectError(yaml, at: "{path: pools.web.servers, dist: uniform, min: 1, max: 4}", "listed twice")
    }
}
