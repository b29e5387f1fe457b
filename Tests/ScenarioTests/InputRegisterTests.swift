import Scenario
import Testing

@Suite struct InputRegisterTests {
    @Test func everyScalarIsRecordedWithItsPathAndLine() throws {
        let inputs = try parse(fullScenario).inputs
        let servers = try #require(inputs.first { $0.path == "pools.auth.servers" })
        #expect(servers.value == "8")
        #expect(servers.line == 21)
        #expect(inputs.contains { $0.path == "workloads.vneid-login.route[0].service.mean" && $0.value == "250ms" })
        #expect(inputs.contains { $0.path == "targets[0].p95" && $0.value == "2s" })
        #expect(inputs.contains { $0.path == "simulation.duration" && $0.value == "2h" })
    }

    @Test func trailingCommentIsAttached() throws {
        let inputs = try parse(fullScenario).inputs
        #expect(inputs.first { $0.path == "pools.auth.servers" }?.comment == "installed servers now")
        #expect(inputs.first { $0.path == "name" }?.comment == "required")
        #expect(inputs.first { $0.path == "pools.auth.concurrency" }?.comment == nil)
    }

    @Test func commentLinesAboveAreAttachedWhenNoTrailingComment() throws {
        let inputs = try parse(fullScenario).inputs
        #expect(inputs.first { $0.path == "pools.auth.id" }?.comment == "Authentication front end")
    }

    @Test func hashInsideQuotesIsNotAComment() throws {
        let inputs = try parse(fullScenario).inputs
        let name = try #require(inputs.first { $0.path == "pools.auth.unit.name" })
        #expect(name.value == "2-socket # server")
        #expect(name.comment == nil)
    }

    @Test func listOfScalarsIsOneInput() throws {
        let inputs = try parse(fullScenario).inputs
        let weekly = try #require(inputs.first { $0.path == "workloads.vneid-login.arrivals.weekly" })
        #expect(weekly.value == "[1, 1, 1, 1, 1, 0.5, 1.5]")
    }
}
