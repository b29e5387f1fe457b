import Foundation
import Scenario
import Testing

@Suite struct ScenarioErrorTests {
    @Test func baseFixtureIsValid() throws {
        #expect(diagnostics(baseScenario).isEmpty)
    }

    @Test func unknownKeyIsReportedAtTheKeyWithTheAllowedKeys() {
        let yaml = variant("    servers: 2", "    servrs: 2")
        expectError(yaml, at: "servrs", "unknown key 'servrs' in pool 'web'; expected one of: id, site, servers, concurrency")
        expectError(yaml, at: "servrs", "did you mean 'servers'?")
    }

    @Test func unknownTopLevelKeyIsReported() {
        let yaml = baseScenario + "\npoolz:\n  - id: x\n"
        expectError(yaml, at: "poolz:", "unknown key 'poolz' in the scenario file")
        expectError(yaml, at: "poolz:", "did you mean 'pools'?")
    }

    @Test func badUnitSuffixIsReportedAtTheValue() {
        let yaml = variant("latency: 5ms", "latency: 5xs")
        expectError(yaml, at: "5xs", "unknown unit 'xs' in duration '5xs'; expected us, ms, s, m, min, h, d, y")
    }

    @Test func negativeDurationIsAnError() {
        let yaml = variant("{duration: 1h}", "{duration: 1h, warmup: -10m}")
        expectError(yaml, at: "-10m", "negative duration '-10m'")
    }

    @Test func fractionOutOfRangeIsAnError() {
        let yaml = variant("{workload: w, p95: 1s}", "{workload: w, max_lost: 150%}")
        expectError(yaml, at: "150%", "fraction '150%' is out of range")
    }

    @Test func growthOfMinusHundredPercentIsAnError() {
        let yaml = variant("{rate: 10/s}", "{rate: 10/s, growth: -100%}")
        expectError(yaml, at: "-100%", "growth '-100%' must be greater than -100%")
    }

    @Test func undefinedPoolInRouteIsAnError() {
        let yaml = variant("{pool: web, service: 10ms}", "{pool: webx, service: 10ms}")
        expectError(yaml, at: "webx", "pool 'webx' is not defined")
    }

    @Test func undefinedSiteOfPoolIsAnError() {
        let yaml = variant("site: s2", "site: nowhere")
        expectError(yaml, at: "nowhere", "site 'nowhere' is not defined")
    }

    @Test func undefinedAgencyOfSiteIsAnError() {
        let yaml = variant("{id: s3, agency: a}", "{id: s3, agency: b}")
        expectError(yaml, at: "b}", "agency 'b' is not defined")
    }

    @Test func duplicateIdNamesTheFirstDefinition() {
        let yaml = variant("  - id: db\n", "  - id: web\n")
        let first = position(of: "- id: web", in: yaml)
        expectError(yaml, at: "id: web", occurrence: 2,
                    "duplicate pool id 'web' (first defined at \(first.line):\(first.column + 2))")
    }

    @Test func missingRequiredKeyIsNamed() {
        let yaml = variant("simulation: {duration: 1h}", "simulation: {warmup: 1h}")
        expectError(yaml, at: "{warmup", "missing required key 'duration' in simulation")
    }

    @Test func missingTopLevelKeyIsReportedAtTheStart() {
        let yaml = variant("name: t\n", "")
        let found = diagnostics(yaml).map(\.description)
        #expect(found.contains("test.yaml:1:1: error: missing required key 'name' in the scenario file"))
    }

    @Test func profileWithWrongLengthIsAnError() {
        let yaml = variant("{rate: 10/s}", "{rate: 10/s, profile: [1, 2, 3]}")
        expectError(yaml, at: "[1, 2, 3]", "has 3 values; expected exactly 24 hourly multipliers")
    }

    @Test func routeStepAwayFromTheRequestIsAnError() {
        // After l1 the request is at s2; web is at s1.
        let yaml = variant("{pool: db, service: {dist: exponential, mean: 5ms}}", "{pool: web, service: 5ms}")
        expectError(yaml, at: "{pool: web, service: 5ms}",
                    "step 3 of the route of workload 'w' uses pool 'web' at site 's1', but the request is at site 's2'")
    }

    @Test func linkStepThatDoesNotTouchTheRequestSiteIsAnError() {
        // The request starts at s1; l2 joins s2 and s3.
        let yaml = variant("- {link: l1}", "- {link: l2}")
        expectError(yaml, at: "{link: l2}",
                    "uses link 'l2' between sites 's2' and 's3', but the request is at site 's1'")
    }

    @Test func hyperexponentialWithCvBelowOneIsAnError() {
        let yaml = variant("{dist: exponential, mean: 5ms}", "{dist: hyperexponential, mean: 5ms, cv: 0.5}")
        expectError(yaml, at: "{dist: hyper", "hyperexponential needs mean > 0 and cv >= 1")
    }

    @Test func unknownDistributionIsAnError() {
        let yaml = variant("{dist: exponential, mean: 5ms}", "{dist: pareto, mean: 5ms}")
        expectError(yaml, at: "pareto", "unknown distribution 'pareto'")
    }

    @Test func missingDistributionParameterIsAnError() {
        let yaml = variant("{dist: exponential, mean: 5ms}", "{dist: lognormal, mean: 5ms}")
        expectError(yaml, at: "{dist: lognormal", "missing required key 'cv' in lognormal distribution")
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let yaml = variant("    servers: 1\n", "    servers: [1\n")
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("test.yaml:") == true)
        #expect(found.first?.message.contains("invalid YAML") == true)
        #expect((found.first?.line ?? 0) >= position(of: "servers: [1", in: yaml).line)
    }

    @Test func duplicateYamlKeyIsLocated() {
        let yaml = variant("    servers: 1\n", "    servers: 1\n    servers: 2\n")
        let first = position(of: "servers: 1", in: yaml)
        expectError(yaml, at: "servers: 2", occurrence: 2, "duplicate key 'servers' in a mapping (first at \(first.line):\(first.column))")
    }

    @Test func wrongTypeIsReported() {
        let yaml = variant("    servers: 2", "    servers: two")
        expectError(yaml, at: "two", "'servers' in pool 'web' must be a whole number >= 1, found 'two'")
    }

    @Test func targetMetricMustApplyToTheSubject() {
        let yaml = variant("{workload: w, p95: 1s}", "{link: l1, max_lost: 1%}")
        expectError(yaml, at: "max_lost", "metric 'max_lost' does not apply to a link")
    }

    @Test func allErrorsAreCollectedAndSortedByLine() {
        var yaml = variant("latency: 5ms", "latency: 5xs")
        yaml = variant("    servers: 2", "    servrs: 2", in: yaml)
        yaml = variant("{pool: web, service: 10ms}", "{pool: webx, service: 10ms}", in: yaml)
        let found = diagnostics(yaml)
        #expect(found.count >= 3)
        #expect(found.map(\.line) == found.map(\.line).sorted())
        let messages = found.map(\.message).joined(separator: "\n")
        #expect(messages.contains("unknown key 'servrs'"))
        #expect(messages.contains("unknown unit 'xs'"))
        #expect(messages.contains("pool 'webx' is not defined"))
    }

    @Test func missingFileIsFileUnreadable() {
        let path = "/nonexistent-\(UUID().uuidString)/s.yaml"
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("expected an error")
        } catch ScenarioError.fileUnreadable(let p, _) {
            #expect(p == path)
        } catch {
            Issue.record("expected fileUnreadable, got \(error)")
        }
    }

    @Test func missingEmpiricalFileIsLocated() {
        let yaml = variant("service: 10ms", "service: {dist: empirical, file: nope.csv}")
        expectError(yaml, at: "nope.csv", "cannot read empirical file 'nope.csv'")
    }

    @Test func diagnosticDescriptionHasTheContractFormat() {
        let d = Diagnostic(file: "a.yaml", line: 3, column: 7, message: "pool 'x' is not defined")
        #expect(d.description == "a.yaml:3:7: error: pool 'x' is not defined")
        #expect(ScenarioError.invalid([d, d]).description == "\(d)\n\(d)")
    }
}
