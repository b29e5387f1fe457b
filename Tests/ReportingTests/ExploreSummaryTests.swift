import Planning
import Reporting
import Testing

@Suite("explore summary")
struct ExploreSummaryTests {
    /// The shard study's results with samples 0 and 1 made infeasible from 2027 and samples 2 from 2026.
    static func withInfeasibleSamples() -> (ExploreStudy, ExploreAnalysis) {
        var results = ShardFixture.results
        for (sample, year) in [(0, 2027), (1, 2027), (2, 2026)] {
            let k = results.firstIndex { $0.role == .sample(sample) }!
            results[k].feasible = false
            results[k].infeasibleFrom = year
        }
        return (ShardFixture.study, ExploreAnalysis(study: ShardFixture.study, results: results))
    }

    @Test func theSummaryCountsInfeasibleSamplesByTheirFirstInfeasibleYear() {
        let (study, analysis) = Self.withInfeasibleSamples()
        let text = ExploreSummary.text(study, analysis)
        #expect(text.contains("WARNING: 50.0% of the samples have no configuration"), "\(text)")
        #expect(text.contains("They first fail in 2026 (1), 2027 (2)"), "\(text)")
    }

    @Test func anInfeasibleBasePlanShowsItsFirstInfeasibleYearInsteadOfACost() {
        var results = ShardFixture.results
        let k = results.firstIndex { $0.role == .base }!
        results[k].feasible = false
        results[k].infeasibleFrom = 2027
        let text = ExploreSummary.text(ShardFixture.study, ExploreAnalysis(study: ShardFixture.study, results: results))
        #expect(text.contains("Plan with every input at its base value: infeasible from 2027: no budget."), "\(text)")
    }

    @Test func aFeasibleStudySaysNothingOfFirstYears() {
        let text = ExploreSummary.text(ShardFixture.study, ExploreAnalysis(study: ShardFixture.study, results: ShardFixture.results))
        #expect(!text.contains("first fail"))
    }
}
