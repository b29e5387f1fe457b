import Foundation
import InfraModel
import Planning
import Queueing
import Scenario
import Testing

@Suite("sizing search")
struct SizingTests {
    @Test func singlePoolSizingEqualsTheSmallestErlangCServerCount() throws {
        // λ = 7.2/s, E[S] = 1 s, mean response ≤ 1.2 s. Erlang C: 9 servers give W ≈ 1.155 s (8 give 1.88 s),
        // so the target is met with room at 9 and clearly missed at 8.
        let expected = try MMc.minimumServers(arrivalRate: 7.2, serviceRate: 1, target: .meanResponse(1.2))
        let s = try PlanningFixtures.scenario(PlanningFixtures.singlePool(rate: "7.2/s", meanLimit: "1.2s"))
        let report = try SizeStudy.run(s, jobs: 2)
        #expect(report.outcome.feasible)
        #expect(report.line(.pool("p"))?.required == Double(expected))
        #expect(report.outcome.simulations < 12, "the search should need few simulations, ran \(report.outcome.simulations)")
    }

    @Test func linkSizedForAUtilisationTargetEqualsTheClosedFormStepCount() throws {
        // 20/s × 100 KB × 8 = 16 Mbit/s offered; ≤ 60% busy needs ≥ 26.7 Mbit/s: 3 steps of 10 Mbit/s.
        let offered = 20.0 * 100_000 * 8
        let expectedSteps = Int((offered / 0.6 / 10e6).rounded(.up))
        let s = try PlanningFixtures.scenario(PlanningFixtures.linkUtilization)
        let report = try SizeStudy.run(s, jobs: 2)
        #expect(report.outcome.feasible)
        #expect(report.lines.first { $0.resource.kind == .link }?.required == Double(expectedSteps) * 10e6)
    }

    @Test func anImpossibleTargetIsInfeasibleAndNamesTheTarget() throws {
        // A mean response below the mean service time cannot be met with any number of servers.
        let s = try PlanningFixtures.scenario(PlanningFixtures.singlePool(rate: "2/s", meanLimit: "0.5s", replications: 3))
        let report = try SizeStudy.run(s, jobs: 2)
        #expect(!report.outcome.feasible)
        #expect(report.outcome.unmetTargets.map(\.target.subject) == [.workload("w")])
        // The screen finds it with ample capacity (20 x 2 busy servers = 40) and stops: no growth to the bound.
        #expect(report.outcome.simulations <= 2)
        #expect(report.line(.pool("p"))?.required == 40)
        guard case .unreachable? = report.outcome.diagnosis.first?.cause else { Issue.record("\(report.outcome.diagnosis)"); return }
    }

    @Test func redundancyAddsTheReserveServers() throws {
        var yaml = PlanningFixtures.singlePool(rate: "7.2/s", meanLimit: "1.2s")
        yaml = yaml.replacingOccurrences(of: "max_servers: 60}", with: "max_servers: 60, redundancy: n+2}")
        let plain = try SizeStudy.run(try PlanningFixtures.scenario(PlanningFixtures.singlePool(rate: "7.2/s", meanLimit: "1.2s")), jobs: 2)
        let redundant = try SizeStudy.run(try PlanningFixtures.scenario(yaml), jobs: 2)
        #expect(redundant.line(.pool("p"))!.required == plain.line(.pool("p"))!.required + 2)
    }
}
