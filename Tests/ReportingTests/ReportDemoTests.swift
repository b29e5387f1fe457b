import Foundation
import Planning
import Reporting
import Scenario
import Testing

/// Writes example bundles for a look in a browser (`scripts/check-report-in-browser.sh`), only when asked:
/// `CAPSIM_REPORT_DEMO=DIR` writes the fixture's report into DIR/en and DIR/vi; with
/// `CAPSIM_REPORT_SCENARIO=FILE` also FILE's into DIR/scenario-en|vi (optionally shortened with
/// `CAPSIM_REPORT_DURATION=SECONDS` and `CAPSIM_REPORT_REPLICATIONS=N`).
@Suite struct ReportDemoTests {
    static let demo = ProcessInfo.processInfo.environment["CAPSIM_REPORT_DEMO"]

    @Test(.enabled(if: demo != nil)) func writeDemoBundles() throws {
        let dir = try #require(Self.demo)
        let f = try reportFixture.get()
        for language in ReportLanguage.allCases {
            try ReportBundle.write(plan: f.plan, scenario: f.scenario, to: "\(dir)/\(language.code)", language: language)
        }
        let env = ProcessInfo.processInfo.environment
        if let file = env["CAPSIM_REPORT_SCENARIO"] {
            let scenario = try ScenarioLoader.load(path: file)
            let overrides = RunStudy.Overrides(replications: env["CAPSIM_REPORT_REPLICATIONS"].flatMap { Int($0) },
                                               duration: env["CAPSIM_REPORT_DURATION"].flatMap(Double.init))
            let plan = try PlanStudy.run(scenario, overrides, jobs: 2)
            for language in ReportLanguage.allCases {
                try ReportBundle.write(plan: plan, scenario: scenario, to: "\(dir)/scenario-\(language.code)", language: language)
            }
        }
    }
}
