import Foundation
import Testing

@Suite("capsim run --series")
struct SeriesCLITests {
    @Test func seriesAddsPerIntervalArraysAndLeavesTheRestByteIdentical() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let plain = try CapsimProcess.run(["run", file, "--json", "-"])
        let series = try CapsimProcess.run(["run", file, "--series", "5m", "--json", "-"])
        #expect(plain.status == 0 && series.status == 0)
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(series.stdout.utf8)) as? [String: Any])
        let s = try #require(doc["series"] as? [String: Any])
        #expect(s["interval"] as? Double == 300)
        let login = try #require((s["workloads"] as? [String: Any])?["login"] as? [String: Any])
        #expect((login["goodput"] as? [Double])?.count == 4)
        doc["series"] = nil
        let base = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? NSDictionary)
        #expect(NSDictionary(dictionary: doc) == base)
    }

    @Test func aSeriesIntervalThatIsNotADurationIsAUsageError() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let zero = try CapsimProcess.run(["run", file, "--series", "0s"])
        #expect(zero.status == 64)
        let tooFine = try CapsimProcess.run(["run", file, "--series", "1ms"])
        #expect(tooFine.status == 64 && tooFine.stderr.contains("more than 100,000 intervals"))
    }
}
