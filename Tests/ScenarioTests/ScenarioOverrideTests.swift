import Foundation
import InfraModel
import Scenario
import SimKernel
import Testing

@Suite("--set overrides")
struct ScenarioOverrideTests {
    func source(_ yaml: String = fullScenario) throws -> ScenarioSource {
        try ScenarioSource.parse(yaml: yaml, path: "s.yaml", baseDirectory: "")
    }

    func set(_ arguments: String...) throws -> Scenario {
        try source().scenario(overrides: arguments.map { try ScenarioOverride(argument: $0) })
    }

    func unknownPath(_ argument: String) throws -> UnknownScenarioPath? {
        do {
            _ = try set(argument)
        } catch ScenarioError.unknownPath(let e) {
            return e
        }
        return nil
    }

    @Test func aValueIsReadWithTheUnitsOfItsPlace() throws {
        let s = try set("workloads.vneid-login.arrivals.growth=15%", "links.hn-hcm.bandwidth=10Gbps",
                        "simulation.duration=30m", "pools.auth.servers=9")
        #expect(s.workload("vneid-login")?.growth == 0.15)
        #expect(s.link("hn-hcm")?.configuration.bandwidth == 10e9)
        #expect(s.simulation.duration == 1800)
        #expect(s.pool("auth")?.configuration.servers == 9)
        #expect(s.overrides.map(\.argument) == ["workloads.vneid-login.arrivals.growth=15%", "links.hn-hcm.bandwidth=10Gbps",
                                               "simulation.duration=30m", "pools.auth.servers=9"])
    }

    @Test func withoutOverridesTheScenarioIsAsWritten() throws {
        let plain = try source().scenario()
        #expect(plain.pool("auth")?.configuration.servers == 8)
        #expect(plain.overrides.isEmpty)
    }

    @Test func aMissingKeyIsAddedWhereTheFileMayHaveIt() throws {
        let s = try set("pools.popdb.failures={mtbf: 1000h, mttr: 2h}", "pools.auth.concurrency=4")
        #expect(s.pool("popdb")?.configuration.failures == FailureModel(mtbf: 3_600_000, mttr: 7200))
        #expect(s.pool("auth")?.configuration.concurrency == 4)
    }

    @Test func listItemsWithoutIDsAreChosenByPosition() throws {
        let s = try set("workloads.vneid-login.route[0].service={dist: exponential, mean: 2s}")
        #expect(s.workload("vneid-login")?.configuration.route.first == .pool(id: "auth", service: .exponential(mean: 2)))
    }

    @Test func theLaterOfTwoOverridesOfOneValueWins() throws {
        let s = try set("pools.auth.servers=9", "pools.auth.servers=11")
        #expect(s.pool("auth")?.configuration.servers == 11)
    }

    @Test func aMistypedKeyIsAnUnknownPathWithTheClosestValidPath() throws {
        let e = try #require(try unknownPath("pools.auth.sever=3"))
        #expect(e.suggestion == "pools.auth.servers")
        let section = try #require(try unknownPath("pool.auth.servers=3"))
        #expect(section.suggestion == "pools.auth.servers")
        let swapped = try #require(try unknownPath("pools.auth.unti.cost=3"))
        #expect(swapped.suggestion == "pools.auth.unit.cost")
    }

    @Test func aMistypedIDIsAnUnknownPathWithTheClosestID() throws {
        let e = try #require(try unknownPath("pools.aut.servers=3"))
        #expect(e.suggestion == "pools.auth.servers")
        #expect(e.problem.contains("auth, popdb"))
    }

    @Test func aPathBelowASingleValueIsUnknown() throws {
        let e = try #require(try unknownPath("pools.auth.servers.count=3"))
        #expect(e.problem.contains("single value"))
    }

    @Test func aPositionPastTheEndIsUnknown() throws {
        #expect(try unknownPath("targets[99].p95=1s") != nil)
    }

    @Test func anInvalidValueIsReportedWhereTheValueSitsAndNamesTheOverride() throws {
        do {
            _ = try set("pools.auth.servers=lots")
            Issue.record("expected an error")
        } catch ScenarioError.invalid(let diagnostics) {
            let d = try #require(diagnostics.first)
            #expect(d.line == 21)  // where `servers: 8` is written
            #expect(d.message.contains("found 'lots'"))
            #expect(d.message.hasSuffix("(value set by --set pools.auth.servers=lots)"))
        }
    }

    @Test func aPathOrValueWithoutAnEqualsSignOrWithAWildcardIsRefused() {
        #expect(throws: ScenarioPathError.self) { try ScenarioOverride(argument: "pools.auth.servers") }
        #expect(throws: ScenarioPathError.self) { try ScenarioOverride(argument: "pools.*.servers=3") }
        #expect(throws: ScenarioPathError.self) { try ScenarioOverride(argument: "pools..servers=3") }
        #expect(throws: ScenarioPathError.self) { try ScenarioOverride(argument: "targets[x].p95=1s") }
    }

    @Test func pathsPrintAsWritten() throws {
        for text in ["pools.auth.servers", "workloads.login.route[1].service.mean", "targets[0].p95", "workloads.*.arrivals.rate"] {
            #expect(try ScenarioPath(parsing: text).description == text)
        }
    }

    @Test func valuesAtAWildcardPathAreListedWithTheirConcretePaths() throws {
        let values = try source().values(at: ScenarioPath(parsing: "pools.*.servers"))
        #expect(values.map(\.path.description) == ["pools.auth.servers", "pools.popdb.servers"])
        #expect(values.map(\.text) == ["8", "4"])
    }
}
