import InfraModel
import Planning
import Scenario
import Testing

/// The starter scenarios of `capsim init` validate and plan as written.
@Suite struct TemplatePlanTests {
    static func plan(_ t: ScenarioTemplate) throws -> (Scenario, ProcurementPlan) {
        let scenario = try ScenarioLoader.parse(yaml: t.text, path: "\(t.rawValue).yaml", baseDirectory: "")
        try ScenarioCheck.limits(scenario)
        return (scenario, try PlanStudy.run(scenario, jobs: 2))
    }

    @Test(arguments: ScenarioTemplate.allCases)
    func everyTemplatePlansFeasiblyWithoutWarnings(_ t: ScenarioTemplate) throws {
        let (scenario, plan) = try Self.plan(t)
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(plan.feasible)
        #expect(!plan.agencies.flatMap(\.items).isEmpty, "a starter shows what a purchase looks like")
        #expect(plan.unpricedItems.isEmpty)
    }

    @Test func theProvinceTemplateBuysServersBandwidthAndStorage() throws {
        let (_, plan) = try Self.plan(.province)
        let kinds = Set(plan.agencies.flatMap(\.items).map(\.kind))
        #expect(kinds == [.servers, .bandwidth, .storage])
    }
}
