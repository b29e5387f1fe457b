import Foundation
import Testing

/// The command line as a newcomer meets it: mistyped commands, help, version, years outside the horizon, warnings,
/// starter scenarios, completions.
@Suite struct NewcomerCLITests {
    @Test func aMistypedCommandIsAUsageErrorWithASuggestion() throws {
        let ws = try Workspace()
        let file = try ws.write("x.yaml", Fixture.pool)
        for (typo, meant) in [("siz", "size"), ("plna", "plan"), ("valdiate", "validate")] {
            let r = try CapsimProcess.run([typo, file])
            #expect(r.status == 64, "\(typo)")
            #expect(r.stderr.hasPrefix("capsim: error: unknown command '\(typo)'; did you mean '\(meant)'?"))
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func aScenarioPathStaysTheDefaultPlansFile() throws {
        let missing = try CapsimProcess.run(["nothere.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nothere.yaml: error: cannot read scenario file"))
        // An existing file without an extension is still a scenario, not a command.
        let ws = try Workspace()
        try ws.write("scenario", Fixture.pool.replacingOccurrences(of: "horizon: {base_year: 2025, to: 2026}", with: "horizon: {base_year: 2025, to: 2025}"))
        let r = try CapsimProcess.run(["scenario"], in: ws.url)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("capsim plan: cli-pool"))
    }

    @Test func versionPrintsTheOneVersionConstant() throws {
        let r = try CapsimProcess.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: "^capsim [0-9]+\\.[0-9]+\\.[0-9]+\\n$", options: .regularExpression) != nil, "\(r.stdout)")
    }

    @Test func eachCommandListsOnlyTheOptionsItAccepts() throws {
        for command in ["plan", "report", "explore"] {
            let r = try CapsimProcess.run([command, "--help"])
            #expect(r.status == 0)
            #expect(!r.stdout.contains("--year"), "\(command) --help lists --year")
        }
        for command in ["run", "size"] {
            #expect(try CapsimProcess.run([command, "--help"]).stdout.contains("--year <year>"), "\(command)")
        }
        let r = try CapsimProcess.run(["plan", "x.yaml", "--year", "2026"])
        #expect(r.status == 64)
    }

    @Test func aYearOutsideTheHorizonIsAUsageErrorWithTheValidRange() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let before = try CapsimProcess.run(["run", file, "--year", "2020"])
        #expect(before.status == 64)
        #expect(before.stderr.contains("--year 2020: the year is before the scenario's base year 2025"))
        #expect(before.stderr.contains("expected a year from 2025 to 2026"))
        let after = try CapsimProcess.run(["size", file, "--year", "2031"])
        #expect(after.status == 64)
        #expect(after.stderr.contains("expected a year from 2025 to 2026, or extend the horizon to simulate it: --set horizon.to=2031"))
        let extended = try CapsimProcess.run(["size", file, "--year", "2027", "--set", "horizon.to=2027"])
        #expect(extended.status == 0)
    }

    @Test func bareNumberWarningsAreLocatedOnStderrAndKeepExitZero() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool.replacingOccurrences(of: "growth: 10%", with: "growth: 10"))
        let v = try CapsimProcess.run(["validate", file])
        #expect(v.status == 0)
        #expect(v.stdout == "\(file): ok\n")
        #expect(v.stderr.contains("\(file):18:35: warning: workloads.login.arrivals.growth: 10 is a growth of +1,000% a year"))
        let run = try CapsimProcess.run(["run", file])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: workloads.login.arrivals.growth: 10 is a growth of +1,000% a year"))
    }

    @Test func runExplainsATargetItCannotTellFromItsLimit() throws {
        // Set the limit between the estimate and its 95% bound: run must call the target unclear and say how plan
        // differs, rather than a bare "NOT met" next to a plan that buys nothing.
        let ws = try Workspace()
        let first = try CapsimProcess.run(["run", try ws.write("a.yaml", Fixture.pool), "--json", "-"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let workloads = try #require(json["workloads"] as? [String: Any])
        let response = try #require((workloads["login"] as? [String: Any])?["response"] as? [String: Double])
        let mean = try #require(response["mean"]), ci = try #require(response["ci95"])
        let limit = mean + ci / 2
        let file = try ws.write("b.yaml", Fixture.pool.replacingOccurrences(of: "mean: 3s}", with: "mean: \(limit)}"))
        let r = try CapsimProcess.run(["run", file])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 of 1 targets NOT met."))
        #expect(r.stdout.contains("note: workload:login mean: the estimate is within the limit but its 95% bound is not; 4 replications cannot tell (try --replications 16)."))
        #expect(r.stdout.contains("size and plan simulate n+k reserves out of service and re-simulate unclear estimates with up to 4 × the replications"))
    }

    @Test func initWritesEachTemplateThatValidates() throws {
        let ws = try Workspace()
        for template in ["minimal", "province", "national"] {
            let file = ws.path("\(template).yaml")
            let r = try CapsimProcess.run(["init", file, "--template", template])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("wrote \(file) (template \(template))\nnext steps:\n  capsim validate \(file)"))
            #expect(r.stdout.contains("capsim plan \(file)"))
            #expect(r.stdout.contains("capsim report \(file) --out report"))
            let v = try CapsimProcess.run(["validate", file])
            #expect(v.status == 0)
            // Closed-form notes (a resource overloaded by 2030 on today's capacity) are fine; no value is a slip.
            #expect(v.stderr.range(of: "\\.yaml:[0-9]+:[0-9]+: warning", options: .regularExpression) == nil, "\(template): \(v.stderr)")
        }
        let defaulted = try CapsimProcess.run(["init", ws.path("default.yaml")])
        #expect(defaulted.stdout.contains("(template minimal)"))
    }

    @Test func initNeverOverwritesAFile() throws {
        let ws = try Workspace()
        let file = try ws.write("mine.yaml", "name: keep me\n")
        let r = try CapsimProcess.run(["init", file, "--template", "province"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("exists; capsim init never overwrites a file"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "name: keep me\n")
        #expect(ws.files() == ["mine.yaml"])
    }

    @Test func theMinimalTemplatePlansFromTheCommandLine() throws {
        let ws = try Workspace()
        let file = ws.path("min.yaml")
        _ = try CapsimProcess.run(["init", file])
        let r = try CapsimProcess.run(["plan", file])
        #expect(r.status == 0)
        #expect(r.stdout.contains("window: Monday 09:00–09:12 of the design week"))
        #expect(r.stdout.contains("servers web"))
        #expect(r.stdout.contains("Total: "))
    }

    @Test func anInfeasibleSizeLeadsWithTheDiagnosis() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool.replacingOccurrences(of: "mean: 1s", with: "mean: 1s")
            + "  - {workload: login, p95: 100ms}\n")
        let r = try CapsimProcess.run(["size", file])
        #expect(r.status == 2)
        #expect(r.stdout.contains("NO FEASIBLE CONFIGURATION"))
        let lead = try #require(r.stdout.range(of: "NO FEASIBLE CONFIGURATION")), table = try #require(r.stdout.range(of: "Capacity tried"))
        #expect(lead.lowerBound < table.lowerBound)
        #expect(r.stdout.contains("even with ample capacity"))
    }

    @Test func shellCompletionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try CapsimProcess.run(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("init") && r.stdout.contains("validate"), "\(shell)")
        }
    }
}

extension NewcomerCLITests {
    /// One-character folder names reached a trap in the platform's path handling (`--out r` crashed).
    @Test(arguments: ["r", "x/y"])
    func aReportGoesIntoAShortRelativeFolder(out: String) throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["report", file, "--out", out], in: ws.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(ws.exists(out + "/index.html"))
    }
}
